using BarHarness.LuaHost.Interop;
using BarHarness.LuaHost.Measurement;
using BarHarness.LuaHost.Runtime;

namespace BarHarness.Network.LuaSocket;

/// <summary>
/// Installs the global <c>socket</c> (System.socket) into a <see cref="LuaRuntime"/>: raw C natives
/// that take a socket handle, plus the Lua glue in LuaSocketGlue.lua that gives LuaSocket its
/// objects, classes and argument errors. Natives never raise; they only return values.
/// </summary>
public sealed unsafe class LuaSocketBinding
{
    private readonly LuaRuntime _runtime;

    private LuaSocketBinding(LuaRuntime runtime, LuaSocketApi api)
    {
        _runtime = runtime;
        Api = api;
    }

    public LuaSocketApi Api { get; }

    /// <summary>Makes <c>socket</c> available to every widget of <paramref name="runtime"/>, backed by
    /// <paramref name="api"/>.</summary>
    public static LuaSocketBinding Install(LuaRuntime runtime, LuaSocketApi api)
    {
        var binding = new LuaSocketBinding(runtime, api);
        foreach (var (name, body) in binding.Natives())
        {
            runtime.RegisterInternal(
                "socket_" + name, &Dispatch, new NativeOp(binding, body), NativeTimeKind.Socket);
        }

        runtime.RunGlue(ReadGlue(), "=(barharness socket)");
        return binding;
    }

    private static string ReadGlue()
    {
        var assembly = typeof(LuaSocketBinding).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n =>
            n.EndsWith(".LuaSocketGlue.lua", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int Dispatch(IntPtr l)
    {
        var op = LuaRuntime.ContextOf<NativeOp>(l);
        try
        {
            op.Binding.Api.TracebackSource = () => LuaApi.Traceback(l, null, 2);
            return op.Body(new SocketNativeArgs(l));
        }
        catch (Exception e)
        {
            return LuaRuntime.RaiseError(l, "BarHarness socket emulation failed: " + e.Message);
        }
        finally
        {
            op.Binding.Api.TracebackSource = null;
        }
    }

    private IEnumerable<(string Name, Func<SocketNativeArgs, int> Body)> Natives()
    {
        var api = Api;
        TcpSocket S(SocketNativeArgs a) =>
            api.Find(a.Int(1)) ?? throw new InvalidOperationException("unknown socket handle");

        yield return ("newobject", a => a.NewObject());
        yield return ("setmeta", a => a.SetMeta());
        yield return ("class", a => a.Push(LuaResult.Of(S(a).ClassName)));
        yield return ("tcp", a => a.Push(LuaResult.Of((long)api.Tcp().Id)));
        yield return ("connect", a => a.Push(api.Connect(S(a), a.String(2), (int)a.Number(3))));
        yield return ("bind", a => a.Push(api.Bind(S(a), a.String(2), (int)a.Number(3))));
        yield return ("listen", a => a.Push(S(a).Listen((int)a.Number(2))));
        yield return ("accept", a => a.Push(api.Accept(S(a))));
        yield return ("send", a => a.Push(api.Send(S(a), a.Bytes(2), (long)a.Number(3), (long)a.Number(4))));
        yield return ("receive", a => a.Push(api.Receive(S(a), a.String(2) switch
        {
            "l" => ReceivePattern.Line,
            "a" => ReceivePattern.All,
            _ => ReceivePattern.Bytes((long)a.Number(4)),
        }, a.Bytes(3))));
        yield return ("close", a => a.Push(api.Close(S(a))));
        // The objects' __gc, as a native so that a collection runs no Lua instruction: when the collector
        // gets to an object depends on heap layout, which two replays of one seed do not share, and the
        // instruction count is the widget's deterministic clock. Returns nothing, as a finalizer does.
        yield return ("gcclose", a =>
        {
            if (a.HandleOfObject() is { } handle && api.Find(handle) is { IsClosed: false } socket)
            {
                api.Close(socket);
            }

            return 0;
        }
        );
        yield return ("shutdown", a => a.Push(S(a).Shutdown(a.String(2) switch
        {
            "send" => Core.Transport.ShutdownDirection.Send,
            "receive" => Core.Transport.ShutdownDirection.Receive,
            _ => Core.Transport.ShutdownDirection.Both,
        })));
        yield return ("settimeout", a =>
        {
            S(a).Timeout.Set(a.Number(2), a.String(3));
            return a.Push(LuaResult.One);
        }
        );
        yield return ("getpeername", a => a.Push(S(a).GetPeerName()));
        yield return ("getsockname", a => a.Push(S(a).GetSockName()));
        yield return ("getstats", a => a.Push(S(a).GetStats()));
        yield return ("setstats", a => a.Push(S(a).SetStats(a.OptLong(2), a.OptLong(3), a.OptNumber(4))));
        yield return ("dirty", a => a.Push(LuaResult.Of(S(a).Dirty)));
        yield return ("getfd", a => a.Push(LuaResult.Of((long)S(a).Fd)));
        yield return ("setoption", a => a.Push(S(a).SetOption(a.String(2), a.Bool(3), a.Number(4))));
        yield return ("select", a =>
        {
            var recv = a.IntArray(1).Select(h => api.Find(h)!).ToList();
            var send = a.IntArray(2).Select(h => api.Find(h)!).ToList();
            var timeout = a.Number(3);
            var (readable, writable) = api.Select(recv, send, timeout < 0 ? null : timeout);
            a.PushIntArray(readable.Select(s => s.Id));
            a.PushIntArray(writable.Select(s => s.Id));
            return 2;
        }
        );
        yield return ("gettime", a =>
        {
            LuaApi.lua_pushnumber(a.L, api.GetTime()); // a float, as LuaSocket's gettime is
            return 1;
        }
        );
        yield return ("sleep", a =>
        {
            api.Sleep(a.Number(1));
            return 0;
        }
        );
        yield return (
            "toip",
            a => a.Push(api.ToIp(a.String(1)) is { } r
                ? LuaResult.Of(r.Address, r.Name)
                : LuaResult.Fail("host not found")));
        yield return ("gethostname", a => a.Push(LuaResult.Of(api.GetHostName())));
    }

    private sealed record NativeOp(LuaSocketBinding Binding, Func<SocketNativeArgs, int> Body);

    /// <summary>Reads the arguments a native got (already checked by the glue) and pushes its results.</summary>
    private readonly struct SocketNativeArgs(IntPtr l)
    {
        public IntPtr L { get; } = l;

        public int Int(int idx) => (int)Number(idx);

        public double Number(int idx) => LuaApi.ToNumber(L, idx, out _);

        public double? OptNumber(int idx) => LuaApi.lua_type(L, idx) == LuaApi.LUA_TNUMBER ? Number(idx) : null;

        public long? OptLong(int idx) => OptNumber(idx) is { } n ? (long)n : null;

        public bool Bool(int idx) => LuaApi.lua_toboolean(L, idx) != 0;

        public string String(int idx) => LuaApi.ToStringValue(L, idx) ?? string.Empty;

        public byte[] Bytes(int idx) => LuaApi.lua_type(L, idx) is LuaApi.LUA_TSTRING or LuaApi.LUA_TNUMBER
            ? LuaApi.ToBytes(L, idx).ToArray() : [];

        public List<int> IntArray(int idx)
        {
            var list = new List<int>();
            for (var i = 1; ; i++)
            {
                if (LuaApi.lua_rawgeti(L, idx, i) == LuaApi.LUA_TNIL)
                {
                    LuaApi.Pop(L, 1);
                    return list;
                }

                list.Add((int)LuaApi.ToNumber(L, -1, out _));
                LuaApi.Pop(L, 1);
            }
        }

        public void PushIntArray(IEnumerable<int> values)
        {
            LuaApi.lua_createtable(L, 4, 0);
            var i = 1;
            foreach (var v in values)
            {
                LuaApi.lua_pushinteger(L, v);
                LuaApi.lua_rawseti(L, -2, i++);
            }
        }

        /// <summary>
        /// A full userdata (so type() says "userdata", as in BAR) with the metatable given as argument 1,
        /// holding the socket handle given as argument 2 for <see cref="HandleOfObject"/>.
        /// </summary>
        public int NewObject()
        {
            var block = (int*)LuaApi.lua_newuserdatauv(L, sizeof(int), 0);
            *block = Int(2);
            LuaApi.lua_pushvalue(L, 1);
            LuaApi.lua_setmetatable(L, -2);
            return 1;
        }

        /// <summary>The handle a socket object (argument 1) holds, or null for any other value.</summary>
        public int? HandleOfObject()
        {
            var block = (int*)LuaApi.lua_touserdata(L, 1);
            return block is null ? null : *block;
        }

        /// <summary>Changes an object's class (master to client or server), as LuaSocket's auxiliar_setclass.</summary>
        public int SetMeta()
        {
            LuaApi.lua_pushvalue(L, 2);
            LuaApi.lua_setmetatable(L, 1);
            return 0;
        }

        public int Push(LuaResult result)
        {
            foreach (var value in result.Values)
            {
                switch (value)
                {
                    case byte[] bytes:
                        LuaApi.PushBytes(L, bytes);
                        break;
                    case SocketHandle h:
                        LuaApi.lua_pushinteger(L, h.Id);
                        break;
                    default:
                        LuaRuntime.PushValue(L, value);
                        break;
                }
            }

            return result.Values.Count;
        }
    }
}
