using BarHarness.Scenarios.Running;

namespace BarHarness.Scenarios.Probes;

/// <summary>
/// The widget's life: loading, errors, removal, and what Shutdown left behind. Owns the run's error
/// (a widget that failed to load) and judges "widget loads", <c>no_lua_errors</c>, <c>expect_error</c>,
/// <c>expect_widget_removed</c> and the clean shutdown.
/// </summary>
public sealed class LifecycleProbe : IProbe
{
    private readonly WidgetHost _host;
    private readonly EngineApiContext _engine;
    private readonly SocketObservations _sockets;
    private readonly ConsoleProbe _console;
    private readonly HashSet<string> _definedCallIns = new(StringComparer.Ordinal);
    private readonly List<WidgetLoadResult> _loads = new();
    private readonly bool _removalExpected;

    /// <param name="removalExpected">The scenario expects BAR to remove the widget: a failed load is no error.</param>
    internal LifecycleProbe(
        WidgetHost host,
        EngineApiContext engine,
        SocketObservations sockets,
        ConsoleProbe console,
        bool removalExpected)
    {
        _removalExpected = removalExpected;
        _host = host;
        _engine = engine;
        _sockets = sockets;
        _console = console;
    }

    public IReadOnlyCollection<string> Owns { get; } = [nameof(ScenarioResult.Error)];

    public IReadOnlyList<WidgetLoadResult> LoadResults => _loads;

    /// <summary>Game time at which the widget first loaded; null if it never did.</summary>
    public double? WidgetLoadedAtSeconds { get; private set; }

    public bool LoadedAtEnd { get; private set; }

    public IReadOnlyList<WidgetEvent> WidgetEvents { get; private set; } = [];

    public IReadOnlyList<string> ActionsAfterShutdown { get; private set; } = [];

    public IReadOnlyList<string> OpenSocketsAfterShutdown { get; private set; } = [];

    /// <summary>What Shutdown left open, for the leak report.</summary>
    public ShutdownLeftovers Leftovers => new(OpenSocketsAfterShutdown, ActionsAfterShutdown);

    public IReadOnlyDictionary<string, int> UnimplementedCalls { get; private set; } = new Dictionary<string, int>();

    /// <summary>
    /// Call-ins that reached a widget function at least once (the widget defines them). Handler work
    /// (shutdown, config collection, text commands) and call-ins no widget defines are not in it.
    /// </summary>
    public IReadOnlySet<string> CallInsDefinedByWidget => _definedCallIns;

    /// <summary>Real microseconds spent in handler work and in call-ins no widget defines, summed.</summary>
    public double HandlerOnlyMicros { get; private set; }

    public void OnCallIn(string callIn, in CallInSample sample)
    {
        if (sample.WidgetsCalled > 0)
        {
            _definedCallIns.Add(callIn);
        }
        else
        {
            HandlerOnlyMicros += sample.ElapsedMicroseconds;
        }
    }

    internal void OnLoad(WidgetLoadResult result, double gameSeconds)
    {
        _loads.Add(result);
        if (result.IsLoaded)
        {
            WidgetLoadedAtSeconds ??= gameSeconds;
        }
    }

    /// <summary>After the last frame, before every widget shuts down.</summary>
    internal void BeforeShutdown() => LoadedAtEnd = _host.LoadedWidgets.Count > 0;

    public void OnEnd(in SimulationMoment now)
    {
        OpenSocketsAfterShutdown = _sockets.OpenSocketDescriptions();
        ActionsAfterShutdown = _host.Actions.ToList();
        WidgetEvents = _host.Events.ToList();
        UnimplementedCalls = new Dictionary<string, int>(_engine.UnimplementedCalls);
    }

    public void Judge(ExpectationSet expectations, ICollection<ExpectationResult> verdicts)
    {
        var x = expectations;
        var errors = WidgetEvents.Where(e => e.Kind == WidgetEventKind.Error).ToList();
        var loaded = _loads.FirstOrDefault();
        if (!x.ExpectWidgetRemoved)
        {
            verdicts.Add(new ExpectationResult(
                "widget loads",
                loaded?.IsLoaded == true,
                "the widget loads and initialises",
                loaded is null ? "never loaded" : loaded.Describe()));
        }

        if (x.NoLuaErrors && !x.ExpectWidgetRemoved)
        {
            var unexpected = errors
                .Where(e => !x.ExpectErrors.Any(s => e.Message.Contains(s, StringComparison.Ordinal))).ToList();
            verdicts.Add(new ExpectationResult(
                "no_lua_errors",
                unexpected.Count == 0,
                "no Lua error in any call-in",
                unexpected.Count == 0
                    ? "none"
                    : $"{unexpected.Count}: first in {unexpected[0].CallIn} at frame {unexpected[0].Frame}: "
                        + unexpected[0].Message,
                unexpected.FirstOrDefault()?.Traceback));
        }

        if (x.ExpectWidgetRemoved)
        {
            var how = loaded?.IsLoaded == true ? "removed during the run" : loaded?.Describe() ?? "not loaded";
            verdicts.Add(new ExpectationResult(
                "widget_removed",
                !LoadedAtEnd,
                "BAR would remove the widget (or refuse to load it)",
                LoadedAtEnd ? "still loaded at the end" : how));
        }

        foreach (var expected in x.ExpectErrors)
        {
            // an error, a load failure or a console message (widgets report bad config as warnings)
            var seen = errors.Any(e => e.Message.Contains(expected, StringComparison.Ordinal))
                || _loads.Any(r => (r.Message ?? string.Empty).Contains(expected, StringComparison.Ordinal))
                || _console.Lines.Any(l => l.Text.Contains(expected, StringComparison.Ordinal));
            verdicts.Add(new ExpectationResult(
                $"expect_error: {expected}",
                seen,
                $"an error or console message containing \"{expected}\"",
                seen ? "seen" : "not seen"));
        }

        if (OpenSocketsAfterShutdown.Count > 0 || ActionsAfterShutdown.Count > 0)
        {
            verdicts.Add(new ExpectationResult(
                "clean_shutdown",
                false,
                "no socket or action left after Shutdown",
                $"sockets: [{string.Join(", ", OpenSocketsAfterShutdown)}], "
                    + $"actions: [{string.Join(", ", ActionsAfterShutdown)}]"));
        }
    }

    public ScenarioResult Export(ScenarioResult result)
    {
        var load = _loads.FirstOrDefault();
        return load is { IsLoaded: false } && !_removalExpected
            ? result with
            {
                Error = new RunError(
                    load!.Describe(),
                    load.Location?.ToString() ?? load.SyntaxIssues.FirstOrDefault()?.ToString()),
            }
            : result;
    }
}
