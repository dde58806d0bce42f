using System.Diagnostics;
using BarHarness.Core.Time;

namespace BarHarness.Engine.SpringApi;

/// <summary>
/// What every engine native reaches through its upvalue: the world, the Lua runtime (meter,
/// console, number options) and the API's own small state (config, selection, camera, recorded
/// commands, unimplemented calls). One per Lua VM.
/// </summary>
public sealed class EngineApiContext
{
    private int[] _unitBuffer = new int[1024];
    private readonly Func<long> _widgetCpuNow;

    public EngineApiContext(SyntheticWorld world, LuaRuntime runtime, EngineApiOptions options, SimClock? clock = null)
    {
        World = world;
        Runtime = runtime;
        Options = options;
        _widgetCpuNow = runtime.CallInCpu.NowNanos; // one delegate, not one per Spring.GetTimer
        TimerReadings = options.ReplayedTimerReadings is { } replayed
            ? TimerReadings.Replay(replayed)
            : TimerReadings.Record();
        Clock = clock;
        Float32 = runtime.Options.Float32Numbers;
        ViewSize = (options.ViewSizeX, options.ViewSizeY);
        Vfs = new VirtualFileSystem(options);
        Models = new ModelCatalog(world);
    }

    public SyntheticWorld World { get; }

    public LuaRuntime Runtime { get; }

    public EngineApiOptions Options { get; }

    /// <summary>The run's virtual clock (virtual timers start from it); null = timers start at 0.</summary>
    public SimClock? Clock { get; }

    public VirtualFileSystem Vfs { get; }

    internal bool Float32 { get; }

    /// <summary>What Spring.GetLastUpdateSeconds returns; the runner sets it before each Update.</summary>
    public double LastUpdateSeconds { get; set; } = 1.0 / 60;


    public CameraState Camera { get; set; } = new(4096, 1500, 4096);

    public MouseState Mouse { get; set; } = new(960, 540, false, false, false, false);

    /// <summary>The game window in pixels (GetViewGeometry): the options' size until a resize.</summary>
    public (int X, int Y) ViewSize { get; set; }

    /// <summary>In-memory springsettings (Get/SetConfigInt/String/Float).</summary>
    public Dictionary<string, string> Config { get; } = new(StringComparer.Ordinal);

    /// <summary>Draw and selection flags LuaUI set on units and features.</summary>
    public ObjectDrawStates Drawing { get; } = new();

    /// <summary>UI settings LuaUI reads and sets (build facing and spacing, LOS colours, minimap, ...).</summary>
    public UiSettings Ui { get; } = new();

    internal ModelCatalog Models { get; }

    /// <summary>Text set with Spring.SetClipboard.</summary>
    public string Clipboard { get; set; } = string.Empty;

    /// <summary>UI and sound calls (no effect here), recorded in order by name with their first argument.</summary>
    public List<(string Function, string Argument)> RecordedUiCalls { get; } = new();

    /// <summary>Commands widgets sent with Spring.SendCommands, in order.</summary>
    public List<string> SentCommands { get; } = new();

    /// <summary>Calls of engine functions BarHarness does not implement, by qualified name.</summary>
    public Dictionary<string, int> UnimplementedCalls { get; } = new(StringComparer.Ordinal);

    /// <summary>Recording stubs (gl.*, font methods) with their call counts.</summary>
    public List<StubSite> StubSites { get; } = new();

    /// <summary>Calls of recording stubs by qualified name (only names called at least once).</summary>
    public IReadOnlyDictionary<string, long> StubCalls =>
        StubSites.Where(s => s.Calls > 0).ToDictionary(s => s.Name, s => s.Calls, StringComparer.Ordinal);

    /// <summary>Nanoseconds on the timer clock now (virtual, CPU or real, per options).</summary>
    public long TimerNanos()
    {
        if (Options.TimerMode == TimerMode.Real)
        {
            return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
        }

        if (Options.TimerMode == TimerMode.Cpu)
        {
            return ((Clock?.NowMicros ?? 0) * 1000) + TimerReadings.Take(_widgetCpuNow);
        }

        // Instructions and engine calls only: both replay exactly. Allocation sizes do not: when a Lua
        // table rehashes depends on hash collisions, and those on string seeds and heap addresses, which
        // differ between two runs of one seed (seen as 27-1,280 byte differences per frame). A widget
        // that times itself must see the same clock on every replay, or its adaptation diverges.
        var baseNanos = (Clock?.NowMicros ?? 0) * 1000;
        return baseNanos + Options.TimerCosts.Nanos(Runtime.Meter.Instructions, Runtime.EngineCalls);
    }

    /// <summary>
    /// The widget CPU time behind every Spring.GetTimer reading of a <see cref="TimerMode.Cpu"/> run, in order:
    /// <see cref="EngineApiOptions.ReplayedTimerReadings"/> when given, else recorded as they are taken.
    /// </summary>
    public TimerReadings TimerReadings { get; }

    /// <summary>A reusable buffer for unit lists being built (grows, never shrinks).</summary>
    internal int[] UnitBuffer(int atLeast)
    {
        if (_unitBuffer.Length < atLeast)
        {
            _unitBuffer = new int[Math.Max(atLeast, _unitBuffer.Length * 2)];
        }

        return _unitBuffer;
    }
}

public readonly record struct CameraState(float X, float Y, float Z);

public readonly record struct MouseState(int X, int Y, bool Left, bool Middle, bool Right, bool Offscreen);
