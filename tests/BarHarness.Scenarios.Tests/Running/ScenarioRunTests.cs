using System.Globalization;
using BarHarness.LuaHost.Widgets;

namespace BarHarness.Scenarios.Tests.Running;

public sealed class ScenarioRunTests
{
    private static PlayedScenario Run(
        string yaml,
        ulong? seed = null,
        string? widget = null,
        bool uninstrumented = false,
        IReadOnlyList<long>? timerReadings = null)
    {
        var scenario = new LoadedScenario("(test)", ScenarioLoader.Parse(yaml, "(test)"));
        var options = new RunOptions
        {
            RepoRoot = RepositoryFiles.Root,
            SeedOverride = seed,
            WidgetOverride = widget,
            Uninstrumented = uninstrumented,
            ReplayedTimerReadings = timerReadings,
        };
        return Simulation.Play(scenario, options);
    }

    private const string SmallGame = """
        name: determinism
        seed: 5
        duration: 8s
        units:
          initial: 60
          churn_per_second: 3
        faults:
          - { name: disconnect, at: 4s }
        """;

    [Theory]
    [InlineData("cpu")]
    [InlineData("virtual")]
    public void Same_seed_and_timer_readings_replay_the_same_world_and_bytes_at_the_same_virtual_times(string timer)
    {
        // timer: cpu hands the second run the first's Spring.GetTimer readings; timer: virtual needs none.
        var yaml = SmallGame + "\ntimer: " + timer + "\n";
        var a = Run(yaml);
        var b = Run(yaml, timerReadings: timer == "cpu" ? a.TimerReadings : null);
        Assert.Equal(ScenarioOutcome.Pass, a.Result.Outcome);
        Assert.NotEmpty(a.Probes!.Network.StreamHash);
        Assert.True(a.Probes!.Network.BytesReceivedByServer > 0);
        Assert.Equal(a.WorldStateHash, b.WorldStateHash);
        Assert.Equal(a.Probes!.Network.StreamHash, b.Probes!.Network.StreamHash);
        Assert.Equal(a.Probes!.Network.TimedStreamHash, b.Probes!.Network.TimedStreamHash);
        Assert.Equal(a.Result.Frames.LuaInstructions, b.Result.Frames.LuaInstructions);
    }

    [Fact]
    public void An_uninstrumented_run_counts_no_instructions_prices_nothing_and_judges_budgets_by_cpu_time()
    {
        const string yaml = """
            name: uninstrumented
            seed: 5
            duration: 4s
            units: {initial: 60}
            expectations:
              budget: {p99_ms: 1000, after_s: 1}
            """;
        var (result, probes, _, _) = Run(yaml, uninstrumented: true);

        Assert.Equal(ScenarioOutcome.Pass, result.Outcome);
        Assert.True(probes!.Network.BytesReceivedByServer > 0);
        Assert.All(result.Frames.LuaInstructions, n => Assert.Equal(0L, n));
        Assert.All(result.Frames.Cost, c => Assert.Equal(0d, c));
        Assert.Contains(result.Frames.WidgetMicros, us => us > 0);
        Assert.True(result.Budget.Judged.FrameCpuMicros.Max > 0);
        // The slowest frames are ranked by CPU time, which an uninstrumented run still measures
        // (not the first frames).
        Assert.Equal(
            result.SlowestFrames.OrderByDescending(f => f.CpuMicros).Select(f => f.Frame),
            result.SlowestFrames.Select(f => f.Frame));
        Assert.Equal(result.Budget.FrameCpuMicros.Max, result.SlowestFrames[0].CpuMicros, 3);
        // Budgets judge CPU time here too; the verdict says no deterministic cost was priced.
        var p99 = result.Expectations.Single(e => e.Name == "budget.p99").Actual;
        Assert.Contains("CPU time (real", p99, StringComparison.Ordinal);
        Assert.Contains("uninstrumented run", p99, StringComparison.Ordinal);
    }

    [Fact]
    public void The_end_of_run_byte_accounting_is_checked_and_balances_across_a_disconnect()
    {
        var (result, probes, _, _) = Run(SmallGame);
        var accounting = Assert.IsType<BarHarness.TestServer.Oracle.AccountingInput>(probes!.Network.Accounting);
        Assert.Equal(probes!.Network.BytesHandedToSend, accounting.BytesHandedToSend);
        Assert.True(accounting.BytesHandedToSend > 0);
        Assert.Equal(
            accounting.BytesHandedToSend,
            probes!.Network.BytesReceivedByServer + accounting.BytesLostAtReset + accounting.BytesInFlight);
        var verdict = result.Expectations.Single(e => e.Name == "oracle.no_silent_loss");
        Assert.True(verdict.Passed, verdict.Actual);
        Assert.Contains($"handed {accounting.BytesHandedToSend}", verdict.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_frame_carries_the_measured_send_queue_and_the_freshness_of_the_servers_newest_data()
    {
        var (result, _, _, _) = Run(SmallGame);
        var frames = result.Frames;
        var queued = Assert.IsAssignableFrom<IReadOnlyList<int>>(frames.QueueDepth);
        var freshness = Assert.IsAssignableFrom<IReadOnlyList<double>>(frames.FreshnessSeconds);
        Assert.Equal(frames.Count, queued.Count);
        Assert.All(queued, bytes => Assert.InRange(bytes, 0, 1 << 20));
        var measured = freshness.Where(f => !double.IsNaN(f)).ToList();
        Assert.NotEmpty(measured);
        Assert.All(measured, age => Assert.InRange(age, 0, SmallGameSeconds));
        Assert.True(measured.Min() < 0.5, $"the freshest data was {measured.Min()} s old");
    }

    private const double SmallGameSeconds = 8;

    [Fact]
    public void The_budget_verdict_prints_the_p99_the_report_shows_for_the_judged_frames()
    {
        const string yaml = """
            name: judged
            seed: 5
            duration: 6s
            units: {initial: 60}
            expectations:
              budget: {p99_ms: 0.001, after_s: 2}
            """;
        var (result, probes, _, _) = Run(yaml);

        var verdict = result.Expectations.Single(e => e.Name == "budget.p99");
        var judged = result.Budget.Judged;
        Assert.False(verdict.Passed);
        Assert.Equal(2, judged.AfterSeconds);
        Assert.Equal(probes!.Budget.Frames.Judged.Frames, judged.FrameCost.Count);
        Assert.True(judged.FrameCost.Count < result.Budget.FrameCost.Count);
        Assert.Equal(judged.FrameCost.Count, judged.FrameCpuMicros.Count);
        var printed = (judged.FrameCpuMicros.P99 / 1000).ToString("0.###", CultureInfo.InvariantCulture);
        Assert.StartsWith(printed + " ms CPU time", verdict.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_seed_gives_another_game()
    {
        var a = Run(SmallGame);
        var c = Run(SmallGame, seed: 6);
        Assert.NotEqual(a.WorldStateHash, c.WorldStateHash);
        Assert.NotEqual(a.Probes!.Network.StreamHash, c.Probes!.Network.StreamHash);
    }

    [Fact]
    public void The_widget_reconnects_after_a_disconnect_and_sends_a_snapshot_first()
    {
        var (result, probes, _, _) = Run(SmallGame);
        Assert.True(probes!.Network.ConnectionsAccepted >= 2, $"connections: {probes!.Network.ConnectionsAccepted}");
        Assert.DoesNotContain(
            probes!.Network.Violations,
            v => v.Kind == BarHarness.TestServer.Oracle.ViolationKind.MissingSnapshotAfterReconnect);
        Assert.Contains(result.Expectations, e => e.Name == "oracle.snapshot_after_reconnect" && e.Passed);
    }

    [Fact]
    public void A_widget_that_raises_fails_the_run_with_file_line_and_the_reproduce_command()
    {
        using var folder = new TemporaryFolder();
        var widget = folder.Write("bad_widget.lua", """
            function widget:GetInfo() return { name = 'bad', layer = 0 } end
            function widget:GameFrame(n)
              if n == 45 then error('boom at ' .. n) end
            end

            """);
        var (result, probes, _, _) = Run(SmallGame, widget: widget);
        Assert.Equal(ScenarioOutcome.Fail, result.Outcome);
        var failed = Assert.Single(result.FailedExpectations, e => e.Name == "no_lua_errors");
        Assert.Contains("bad_widget.lua\"]:3: boom at 45", failed.Actual);
        Assert.Contains("seed 5", result.ReproduceCommand);
        Assert.Contains(probes!.Lifecycle.WidgetEvents, e => e.Kind == WidgetEventKind.Removed);
    }

    [Fact]
    public void Call_ins_get_BAR_argument_lists_and_game_frames_start_at_one()
    {
        using var folder = new TemporaryFolder();
        var widget = folder.Write("args_widget.lua", """
            function widget:GetInfo() return { name = 'args', layer = 0 } end
            local first
            function widget:GameFrame(n) if not first then first = n; Spring.Echo('first frame ' .. n) end end
            function widget:Update(dt) if type(dt) ~= 'number' then error('Update without dt') end end
            function widget:DrawScreen(...) if select('#', ...) ~= 0 then error('DrawScreen got arguments') end end
            function widget:UnitCreated(u, def, team, builder)
              if type(u) ~= 'number' or type(def) ~= 'number' or type(team) ~= 'number' then
                error('UnitCreated args')
              end
            end
            """);
        var (result, probes, _, _) = Run(SmallGame, widget: widget);
        Assert.DoesNotContain(probes!.Lifecycle.WidgetEvents, e => e.Kind == WidgetEventKind.Error);
        Assert.Contains(probes!.Console.Lines, l => l.Text == "first frame 1");
    }
}
