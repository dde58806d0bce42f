using System.Reflection;

namespace BarHarness.Scenarios.Probes;

/// <summary>
/// The probes of one simulation. It hands each call-in, frame and the end of the run to every probe,
/// collects their verdicts in report order, and builds the report from their exports, refusing any
/// field a probe writes without owning it.
/// </summary>
public sealed class ProbeSet(
    LifecycleProbe lifecycle, BudgetProbe budget, MemoryProbe memory, NetworkProbe network, ConsoleProbe console)
{
    /// <summary>The fields the simulation itself fills: what ran, for how long, and the outcome.</summary>
    public static readonly IReadOnlyCollection<string> SimulationOwns =
    [
        nameof(ScenarioResult.Name), nameof(ScenarioResult.File), nameof(ScenarioResult.Seed),
        nameof(ScenarioResult.WidgetPath), nameof(ScenarioResult.WidgetSha256),
        nameof(ScenarioResult.DurationGameSeconds), nameof(ScenarioResult.WallSeconds),
        nameof(ScenarioResult.Outcome), nameof(ScenarioResult.ReproduceCommand),
        nameof(ScenarioResult.Expectations), nameof(ScenarioResult.FirstRunBudgetFailures),
    ];

    private static readonly PropertyInfo[] ResultFields = typeof(ScenarioResult)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null)
        .ToArray();

    // The run's end in this order: the network checks the byte accounting before the memory probe's
    // last full collection (which runs finalizers), and the lifecycle lists the sockets still open
    // after it, as BAR's closing Lua state would leave them.
    private readonly IProbe[] _endOrder = [budget, network, memory, lifecycle, console];

    public LifecycleProbe Lifecycle { get; } = lifecycle;

    public BudgetProbe Budget { get; } = budget;

    public MemoryProbe Memory { get; } = memory;

    public NetworkProbe Network { get; } = network;

    public ConsoleProbe Console { get; } = console;

    /// <summary>Every probe, in the order their verdicts appear in the report.</summary>
    public IReadOnlyList<IProbe> All { get; } = [lifecycle, budget, memory, network, console];

    /// <summary>
    /// Every writable field of <see cref="ScenarioResult"/>: each is owned by the simulation or one probe.
    /// </summary>
    public static IReadOnlyList<string> ResultFieldNames => ResultFields.Select(p => p.Name).ToList();

    internal void OnCallIn(string callIn, in CallInSample sample)
    {
        foreach (var probe in All)
        {
            probe.OnCallIn(callIn, sample);
        }
    }

    internal void OnFrame(in SimulationMoment now)
    {
        foreach (var probe in All)
        {
            probe.OnFrame(now);
        }
    }

    internal void OnEnd(in SimulationMoment now)
    {
        // Verdicts and exports come after every probe's end, so a probe may read another's final figures.
        foreach (var probe in _endOrder)
        {
            probe.OnEnd(now);
        }
    }

    /// <summary>Every probe's verdicts, in report order.</summary>
    public IReadOnlyList<ExpectationResult> Judge(ExpectationSet expectations)
    {
        var verdicts = new List<ExpectationResult>();
        foreach (var probe in All)
        {
            probe.Judge(expectations, verdicts);
        }

        return verdicts;
    }

    /// <summary>Fills the report from every probe's export (see <see cref="ExportFrom"/>).</summary>
    public ScenarioResult Export(ScenarioResult identity) => ExportFrom(All, identity);

    /// <summary>
    /// Fills the report from each probe's export, in turn. A probe that writes a field it does not own
    /// is a harness bug, thrown here rather than exported.
    /// </summary>
    public static ScenarioResult ExportFrom(IEnumerable<IProbe> probes, ScenarioResult identity)
    {
        var result = identity;
        foreach (var probe in probes)
        {
            var next = probe.Export(result);
            foreach (var field in ResultFields)
            {
                if (!probe.Owns.Contains(field.Name) && !Equals(field.GetValue(result), field.GetValue(next)))
                {
                    throw new InvalidOperationException(
                        $"{probe.GetType().Name} wrote ScenarioResult.{field.Name}, which it does not own");
                }
            }

            result = next;
        }

        return result;
    }
}
