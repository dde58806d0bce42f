using BarHarness.Engine.Coverage;
using BarHarness.LuaHost.Runtime;

namespace BarHarness.Engine.Tests.SpringApi;

/// <summary>A Lua VM with the synthetic engine installed, running probe scripts in the widgets' System environment.</summary>
internal sealed class LuaEngine : IDisposable
{
    public LuaEngine(GameSetup? setup = null, EngineApiOptions? options = null, LuaRuntimeOptions? luaOptions = null)
    {
        Runtime = new LuaRuntime(luaOptions);
        World = new SyntheticWorld(setup ?? new GameSetup { Seed = 77, MapSquaresX = 2048, MapSquaresZ = 2048, InitialUnits = 120, CombatIntensity = 0 });
        Api = SpringApiInstaller.Install(Runtime, World, options);
    }

    public LuaRuntime Runtime { get; }

    public SyntheticWorld World { get; }

    public EngineApiContext Api { get; }

    public RecoilApiCatalog Catalog => RecoilApiCatalog.Bundled;

    /// <summary>Runs <paramref name="body"/> (a Lua chunk body) under pcall in the System environment; returns pcall's results.</summary>
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

    /// <summary>Runs a probe that must fail and returns the error message.</summary>
    public string Error(string body)
    {
        var r = Run(body);
        Assert.True(r[0] is false, "probe was expected to raise an error");
        return r[1]?.ToString() ?? string.Empty;
    }

    public int OwnUnit() => World.AllUnitIds().First(id => World.TrueTeamOf(id) == World.LocalTeamId);

    public int HiddenEnemy() => World.AllUnitIds().First(id => World.TrueAllyTeamOf(id) != World.LocalAllyTeamId && !World.IsVisibleToLocalPlayer(id));

    public int DeadUnitId()
    {
        var id = OwnUnit();
        World.Destroy(id);
        return id;
    }

    public void Dispose() => Runtime.Dispose();
}
