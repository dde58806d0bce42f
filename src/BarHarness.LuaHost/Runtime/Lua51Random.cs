namespace BarHarness.LuaHost.Runtime;

/// <summary>
/// math.random and math.randomseed for the Lua 5.1 VM with one generator per VM. Lua 5.1's own use
/// the C library's rand(), one state for the whole process, so two VMs running side by side (parallel
/// scenarios, tests) would draw from each other's sequence and a seed would no longer replay a run.
/// Arguments and errors are 5.1's; the numbers come from a seeded SplitMix64.
/// </summary>
internal static unsafe class Lua51Random
{
    public static void Install(LuaRuntime runtime)
    {
        var generator = new Generator(runtime.Options.RandomSeed & 0x7FFFFFFF);
        runtime.RegisterInternal("random51", &Random, generator);
        runtime.RegisterInternal("randomseed51", &RandomSeed, generator);
    }

    private static int Random(IntPtr l)
    {
        var generator = LuaRuntime.ContextOf<Generator>(l);
        var r = generator.NextDouble();
        switch (LuaApi.lua_gettop(l))
        {
            case 0:
                LuaApi.lua_pushnumber(l, r);
                return 1;
            case 1:
                {
                    if (!TryInteger(l, 1, out var u))
                    {
                        return LuaRuntime.RaiseError(l, ArgumentError(l, 1), "random");
                    }

                    if (u < 1)
                    {
                        return LuaRuntime.RaiseError(l, "bad argument #1 to 'random' (interval is empty)", "random");
                    }

                    LuaApi.lua_pushnumber(l, Math.Floor(r * u) + 1);
                    return 1;
                }

            case 2:
                {
                    if (!TryInteger(l, 1, out var lo))
                    {
                        return LuaRuntime.RaiseError(l, ArgumentError(l, 1), "random");
                    }

                    if (!TryInteger(l, 2, out var up))
                    {
                        return LuaRuntime.RaiseError(l, ArgumentError(l, 2), "random");
                    }

                    if (lo > up)
                    {
                        return LuaRuntime.RaiseError(l, "bad argument #2 to 'random' (interval is empty)", "random");
                    }

                    LuaApi.lua_pushnumber(l, Math.Floor(r * (up - lo + 1)) + lo);
                    return 1;
                }

            default:
                return LuaRuntime.RaiseError(l, "wrong number of arguments", "random");
        }
    }

    private static int RandomSeed(IntPtr l)
    {
        if (!TryInteger(l, 1, out var seed))
        {
            return LuaRuntime.RaiseError(l, ArgumentError(l, 1, "randomseed"), "randomseed");
        }

        LuaRuntime.ContextOf<Generator>(l).Reseed((ulong)(uint)(int)seed);
        return 0;
    }

    // luaL_checkint: a number or a numeric string, truncated.
    private static bool TryInteger(IntPtr l, int index, out long value)
    {
        var number = LuaApi.ToNumber(l, index, out var ok);
        value = ok ? (long)number : 0;
        return ok;
    }

    private static string ArgumentError(IntPtr l, int index, string name = "random") =>
        $"bad argument #{index} to '{name}' (number expected, got {LuaApi.TypeName(LuaApi.lua_type(l, index))})";

    private sealed class Generator(ulong seed)
    {
        private ulong _state = seed;

        public void Reseed(ulong seed) => _state = seed;

        public double NextDouble()
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
