using BarHarness.Scenarios.Definition;

namespace BarHarness.Scenarios.Running;

/// <summary>What the command line may override in every scenario of a run.</summary>
public sealed record RunOptions
{
    /// <summary>Repository root: the bundled widget and relative widget paths resolve from here.</summary>
    public required string RepoRoot { get; init; }

    /// <summary>Run this widget instead of each scenario's (--widget).</summary>
    public string? WidgetOverride { get; init; }

    /// <summary>Replace each scenario's seed (--seed).</summary>
    public ulong? SeedOverride { get; init; }

    /// <summary>Force simulated or real sockets (--net).</summary>
    public NetworkMode? NetworkOverride { get; init; }

    /// <summary>Sample which widget functions use the instructions (small cost; on by default).</summary>
    public bool ProfileFunctions { get; init; } = true;

    /// <summary>Game seconds between full collections that sample the heap for the leak report.</summary>
    public double HeapSampleIntervalSeconds { get; init; } = 10;

    /// <summary>
    /// Measure real time only (--uninstrumented): the Lua VM runs without its instruction count hook,
    /// Spring.GetTimer reads the real clock, budgets are judged by real time, and there is no
    /// deterministic cost, instruction watchdog or function profile. For faithful real-time figures
    /// on a quiet machine, not for CI gates.
    /// </summary>
    public bool Uninstrumented { get; init; }

    /// <summary>Round engine numbers to float32 like BAR's LUA_NUMBER.</summary>
    public bool Float32Numbers { get; init; }

    /// <summary>The command prefix printed in reproduce lines.</summary>
    public string CommandName { get; init; } = "dotnet run --project src/BarHarness.Cli --";

    /// <summary>Instead of a widget, run this script (code, chunk name) once at the last frame (barharness exec).</summary>
    public (string Code, string ChunkName)? ExecScript { get; init; }

    /// <summary>Echo the widget's console lines to this writer as they are written.</summary>
    public TextWriter? ConsoleMirror { get; init; }

    public string BundledWidget => Path.Combine(RepoRoot, "widget", "export_livedata.lua");
}
