using System.Globalization;
using BarHarness.Engine.Coverage;
using BarHarness.LuaHost.Runtime;

namespace BarHarness.Engine.Tests.SpringApi;

/// <summary>A Lua VM with the synthetic engine installed, running probe scripts in the widgets' System
/// environment.</summary>
internal sealed class LuaEngine : IDisposable
{
    /// <summary>The game the probes run in unless a test names another: seed 77, a 2048x2048 map, 120 units and
    /// no combat.</summary>
    public static GameSetup DefaultSetup { get; } = new()
    {
        Seed = 77,
        MapSquaresX = 2048,
        MapSquaresZ = 2048,
        InitialUnits = 120,
        CombatIntensity = 0
    };

    public LuaEngine(GameSetup? setup = null, EngineApiOptions? options = null, LuaRuntimeOptions? luaOptions = null)
    {
        Runtime = new LuaRuntime(luaOptions);
        World = new SyntheticWorld(setup ?? DefaultSetup);
        Api = SpringApiInstaller.Install(Runtime, World, options);
    }

    public LuaRuntime Runtime { get; }

    public SyntheticWorld World { get; }

    public EngineApiContext Api { get; }

    public RecoilApiCatalog Catalog => RecoilApiCatalog.Bundled;

    /// <summary>Runs <paramref name="body"/> (a Lua chunk body) under pcall in the System environment; returns pcall's
    /// results.</summary>
    public object?[] Run(string body)
    {
        Runtime.SetValue("__probeSource", body);
        Runtime.RunGlue(
            "local H = ... local S = H.System local f = assert(load(S.__probeSource, '=probe', 't', S)) " +
            "local function pack(...) return { n = select('#', ...), ... } end S.__probeResult = pack(pcall(f))",
            "=probe-runner");
        var packed = (Dictionary<object, object?>)Runtime.GetValue("__probeResult")!;
        var n = Convert.ToInt32(packed["n"]);
        var results = new object?[n];
        for (var i = 1; i <= n; i++)
        {
            results[i - 1] = packed.GetValueOrDefault((long)i);
        }

        return results;
    }

    /// <summary>Runs a probe that must succeed and returns its first result.</summary>
    public object? Value(string body)
    {
        var r = Run(body);
        Assert.True(r[0] is true, $"probe failed: {(r.Length > 1 ? r[1] : null)}");
        return r.Length > 1 ? r[1] : null;
    }

    /// <summary>How many values the Lua expression <paramref name="call"/> returns (a probe that must
    /// succeed).</summary>
    public object? CountOf(string call) => Value($"return select('#', {call})");

    /// <summary>The first value of the Lua expression <paramref name="call"/>, as a number (a probe that must
    /// succeed).</summary>
    public double FirstNumber(string call) =>
        Convert.ToDouble(Value($"return ({call})"), CultureInfo.InvariantCulture);

    /// <summary>Runs a probe that must fail and returns the error message.</summary>
    public string Error(string body)
    {
        var r = Run(body);
        Assert.True(r[0] is false, "probe was expected to raise an error");
        return r[1]?.ToString() ?? string.Empty;
    }

    public int OwnUnit() => World.AllUnitIds().First(id => World.TrueTeamOf(id) == World.LocalTeamId);

    public int HiddenEnemy() => World.AllUnitIds().First(id => World.TrueAllyTeamOf(id) != World.LocalAllyTeamId
        && !World.IsVisibleToLocalPlayer(id));

    /// <summary>The first feature on the map.</summary>
    public int FirstFeature() => World.Features.All[0].Id;

    /// <summary>Spawns a construction kbot (armck) for the local team and returns its unit id.</summary>
    public int SpawnBuilder() => SpawnOwn("armck")[0];

    /// <summary>Spawns <paramref name="count"/> units of the named def for the local team and returns the ids of
    /// every unit of that def.</summary>
    public int[] SpawnOwn(string defName, int count = 1)
    {
        var def = World.UnitDefs.ByName(defName)!;
        World.Spawn(World.LocalTeamId, count, def.Id);
        return World.AllUnitIds().Where(u => World.TrueDefOf(u) == def.Id).ToArray();
    }

    /// <summary>
    /// Fills the placeholders of a probe call that are present in it, each computed only then: {builder} (a
    /// spawned builder), {own} (a unit of the local team), {enemy} (a hidden enemy unit), {team} (the local
    /// team), {foe} (an enemy team) and {feature} (a map feature).
    /// </summary>
    public string Expand(string call)
    {
        (string Name, Func<int> Value)[] placeholders =
        [
            ("{builder}", SpawnBuilder),
            ("{own}", OwnUnit),
            ("{enemy}", HiddenEnemy),
            ("{team}", () => World.LocalTeamId),
            ("{foe}", () => World.Roster.Teams.First(t => t.AllyTeamId != World.LocalAllyTeamId && !t.IsGaia).TeamId),
            ("{feature}", FirstFeature),
        ];
        foreach (var (name, value) in placeholders)
        {
            if (call.Contains(name, StringComparison.Ordinal))
            {
                call = call.Replace(name, value().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        }

        return call;
    }

    /// <summary>Asserts that the call (placeholders filled) returns <paramref name="count"/> values, the first of
    /// Lua type <paramref name="firstType"/>.</summary>
    public void AssertReturns(string call, int count, string firstType)
    {
        var code = Expand(call);
        Assert.Equal((long)count, CountOf(code));
        Assert.Equal(firstType, Value($"return type(({code}))"));
    }

    /// <summary>Asserts that each Spring.<paramref name="functions"/> called with <paramref name="unitId"/> returns
    /// no values at all.</summary>
    public void AssertUnitReadsReturnNothing(int unitId, params string[] functions)
    {
        foreach (var fn in functions)
        {
            Assert.Equal(0L, CountOf($"Spring.{fn}({unitId})"));
        }
    }

    /// <summary>Asserts that the call (placeholders filled) raises a Lua error with a message.</summary>
    public void AssertLuaError(string call) => Assert.NotEmpty(Error("return " + Expand(call)));

    /// <summary>How many of Spring.GetAllUnits() meet the Lua <paramref name="condition"/> on `u`, after the
    /// optional <paramref name="perUnit"/> statements (locals the condition reads).</summary>
    public long CountUnitsWhere(string condition, string perUnit = "") => Convert.ToInt64(
        Value($"local n = 0 for _, u in ipairs(Spring.GetAllUnits()) do {perUnit} "
            + $"if {condition} then n = n + 1 end end return n"),
        CultureInfo.InvariantCulture);

    public int DeadUnitId()
    {
        var id = OwnUnit();
        World.Destroy(id);
        return id;
    }

    public void Dispose() => Runtime.Dispose();
}
