using BarHarness.Scenarios.Tests.Trust;

namespace BarHarness.Scenarios.Tests.Running;

/// <summary>
/// Under <c>timer: cpu</c> the widget acts on measurements (its status messages print its frame times; its
/// adaptation follows them), so a seed alone no longer decides its stream: the readings do, and handing a
/// run's readings to a replay reproduces that run exactly.
/// </summary>
public sealed class TimerReplayTests
{
    // Long enough for a periodic status message (frame 150), which prints the widget's measured frame times.
    private const string Yaml =
        "{name: timer-replay, seed: 11, duration: 6s, units: {initial: 300, moving_share: 0.5}}";

    [Fact]
    public void A_cpu_timer_run_replayed_from_its_readings_sends_the_same_stream_and_fresh_runs_do_not()
    {
        var first = TrustRun.Execute(Yaml, "timer-replay", widgetFile: null);
        var replay = TrustRun.Execute(Yaml, "timer-replay", widgetFile: null, replayTimerReadings: first.TimerReadings);
        var fresh = TrustRun.Execute(Yaml, "timer-replay", widgetFile: null);

        Assert.NotEmpty(Assert.IsAssignableFrom<IReadOnlyList<long>>(first.TimerReadings));
        Assert.Equal("cpu", first.Result.Budget.Timer);
        Assert.Equal("cpu replayed", replay.Result.Budget.Timer);
        Assert.Equal(first.Result.Budget.TimerReadings, replay.Result.Budget.TimerReadings);
        Assert.Equal(0, replay.Result.Budget.TimerReadingsBeyondReplay);
        Assert.Equal(first.Result.Network.TimedStreamSha256, replay.Result.Network.TimedStreamSha256);
        // The control: without the readings the widget's measured frame times differ, and so does the stream.
        Assert.NotEqual(first.Result.Network.TimedStreamSha256, fresh.Result.Network.TimedStreamSha256);
    }

    [Fact]
    public void A_replay_that_runs_past_its_readings_counts_the_ones_it_took_live()
    {
        var first = TrustRun.Execute(Yaml, "timer-replay", widgetFile: null);
        var half = first.TimerReadings!.Take(first.TimerReadings!.Count / 2).ToList();

        var replay = TrustRun.Execute(Yaml, "timer-replay", widgetFile: null, replayTimerReadings: half);

        Assert.True(replay.Result.Budget.TimerReadingsBeyondReplay > 0);
        Assert.Equal(first.Result.Budget.TimerReadings - half.Count, replay.Result.Budget.TimerReadingsBeyondReplay);
    }
}
