using BarHarness.LuaHost.Widgets;
using BarHarness.TestServer.Oracle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// Properties of the bundled widget under generated world timelines and fault schedules. Case counts
/// are sized for CI (a few dozen seconds on 2 cores); BARHARNESS_SOAK=k multiplies them for nightly runs.
/// A failure prints the seed and the scenario YAML of the (shrunk) case.
/// </summary>
public sealed class WorldTimelinePropertyTests
{
    private static readonly ViolationKind[] NeverAllowed =
    [
        ViolationKind.InvalidJson, ViolationKind.PercentQEscape, ViolationKind.UndeclaredSeqGap,
        ViolationKind.PrivacyLeak, ViolationKind.MissingSnapshotAfterReconnect,
        ViolationKind.Accounting, ViolationKind.SeqRegression, ViolationKind.MissingSnapshotAfterDrop,
        ViolationKind.BadFraming,
    ];

    [SoakProperty(40)]
    public Property Bundled_widget_never_errors_blocks_or_breaks_the_stream_under_any_timeline_and_faults()
    {
        return Prop.ForAll(WorldTimelineGen.Case.ToArbitrary(), c =>
        {
            var run = TrustRun.Execute(c.ToYaml(), "property-case", widgetFile: null);
            var errors = run.Probes.Lifecycle.WidgetEvents
                .Where(e => e.Kind == WidgetEventKind.Error).Select(e => e.Message).ToList();
            var blocking = run.Probes.Network.BlockingCalls.Select(b => b.Function).ToList();
            var violations = run.Probes.Network.Violations
                .Where(v => NeverAllowed.Contains(v.Kind)).Select(v => $"{v.Kind}: {v.Detail}").ToList();
            return (errors.Count == 0).Label("Lua errors: " + string.Join(" | ", errors))
                .And((blocking.Count == 0).Label("blocking calls: " + string.Join(", ", blocking)))
                .And((violations.Count == 0).Label("oracle: " + string.Join(" | ", violations.Take(3))));
        });
    }

    [SoakProperty(10)]
    public Property Same_seed_and_timer_readings_give_the_same_stream_and_world()
    {
        // The widget reads its CPU time (timer: cpu, the default): the second run is handed the first's readings.
        return Prop.ForAll(WorldTimelineGen.Case.ToArbitrary(), c =>
        {
            var yaml = c.ToYaml();
            var first = TrustRun.Execute(yaml, "property-case", widgetFile: null);
            var second = TrustRun.Execute(
                yaml, "property-case", widgetFile: null, replayTimerReadings: first.TimerReadings);
            var (firstStream, secondStream) = (first.Probes.Network, second.Probes.Network);
            return (first.TimerReadings is not null).Label("a timer: cpu run kept no readings")
                .And((second.Result.Budget.TimerReadingsBeyondReplay == 0).Label("the replay ran past the readings"))
                .And((firstStream.StreamHash == secondStream.StreamHash)
                    .Label($"stream hash {firstStream.StreamHash} then {secondStream.StreamHash}"))
                .And((first.WorldStateHash == second.WorldStateHash)
                    .Label($"world hash {first.WorldStateHash} then {second.WorldStateHash}"))
                .And((firstStream.TimedStreamHash == secondStream.TimedStreamHash).Label("timed stream hash differs"));
        });
    }

    [SoakProperty(6)]
    public Property Same_seed_replayed_three_times_at_once_agrees_frame_by_frame()
    {
        // Replays running side by side in one process share a heap and the thread pool: what a seed
        // decides must not depend on either (string hash seeds, heap addresses, finalizer timing). Each is
        // handed one recorded run's timer readings.
        return Prop.ForAll(WorldTimelineGen.Case.ToArbitrary(), c =>
        {
            var yaml = c.ToYaml();
            var readings = TrustRun.Execute(yaml, "property-case", widgetFile: null).TimerReadings;
            var runs = Enumerable.Range(0, 3).AsParallel().WithDegreeOfParallelism(3)
                .Select(_ => TrustRun.Execute(
                    yaml, "property-case", widgetFile: null, replayTimerReadings: readings).Result).ToList();
            var first = runs[0];
            return runs.Skip(1).Aggregate(true.ToProperty(), (property, other) => property
                .And((other.Network.TimedStreamSha256 == first.Network.TimedStreamSha256)
                    .Label("timed stream hash differs"))
                .And(other.Frames.LuaInstructions.SequenceEqual(first.Frames.LuaInstructions))
                .Label("Lua instructions per frame differ")
                .And(other.Frames.EngineCalls.SequenceEqual(first.Frames.EngineCalls)).Label("engine calls differ"));
        });
    }

    [Fact]
    public void Every_fault_given_biting_parameters_is_a_fault_of_the_catalog()
    {
        // A renamed fault would otherwise be generated with its defaults, quietly biting less.
        var unknown = WorldTimelineGen.BitingParameters.Select(b => b.Fault)
            .Where(name => !BarHarness.TestServer.Faults.FaultCatalog.Default.TryGet(name, out _));

        Assert.Empty(unknown);
    }

    [Property(MaxTest = 200, QuietOnSuccess = true)]
    public Property Generated_cases_load_as_valid_scenarios()
    {
        // Cheap guard for the generator itself: every case it makes is a scenario the loader accepts.
        return Prop.ForAll(WorldTimelineGen.Case.ToArbitrary(), c =>
        {
            var definition = BarHarness.Scenarios.Definition.ScenarioLoader.Parse(c.ToYaml(), "property-case.yaml");
            return definition.Seed == c.Seed && definition.Faults.Count == c.Faults.Count;
        });
    }
}
