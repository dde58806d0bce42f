using BarHarness.Core.Randomness;

namespace BarHarness.Reports.Tests;

/// <summary>Builds realistic reports for exporter and gate tests, from a seed (no clock, no unseeded random).</summary>
internal static class SampleReports
{
    public const string HostileName = "<script>alert('x')</script> & \"quoted\" \u0001 | `tick`";

    public static MachineInfo Machine { get; } =
        new() { OperatingSystem = "Linux", Runtime = ".NET 10", ProcessorCount = 2, ProcessorName = "Test CPU" };

    public static CostCoefficients Coefficients { get; } = new()
    {
        PerInstruction = 0.002,
        PerEngineCall = 0.3,
        PerAllocByte = 0.0005,
        PerAllocation = 0.05,
        CalibrationFrames = 1000,
        CalibrationRSquared = 0.93,
        CalibratedOn = "test",
    };

    public static RunReport Run(params ScenarioResult[] scenarios) => new()
    {
        ToolVersion = "0.1.0-test",
        StartedAt = "2026-01-02T03:04:05Z",
        FinishedAt = "2026-01-02T03:14:05Z",
        WallSeconds = 600,
        Machine = Machine,
        Seeds = scenarios.Select(s => s.Seed).Distinct().ToArray(),
        CostModel = Coefficients,
        Scenarios = scenarios,
    };

    public static RunReport TwoScenarios() => Run(Passing("typical-4v4", 42), Failing(HostileName, 7));

    public static ScenarioResult Passing(string name, ulong seed, int frames = 1800, double costScale = 1) =>
        Scenario(name, seed, frames, costScale) with
        {
            Outcome = ScenarioOutcome.Pass,
            Expectations =
            [
                new ExpectationResult("budget.p99", true, "p99 <= 1000 µs", "p99 = 412 µs"),
                new ExpectationResult("memory.growth", true, "growth <= 4 KiB/min", "NoGrowth"),
            ],
        };

    public static ScenarioResult Failing(string name, ulong seed, int frames = 1800) =>
        Scenario(name, seed, frames, 1) with
        {
            Outcome = ScenarioOutcome.Fail,
            Expectations =
            [
                new ExpectationResult("budget.max", false, "max <= 2000 µs", "max = 2650 µs",
                    "frame 901: GameFrame in widget.lua:88 SendUnits <b>"),
                new ExpectationResult("no-lua-errors", true, "0 errors", "0 errors"),
                new ExpectationResult("oracle.no-silent-loss", false, "0 lost", "3 lost \u0002 </failure>"),
            ],
        };

    public static ScenarioResult Errored(string name, ulong seed) =>
        Scenario(name, seed, 60, 1) with
        {
            Outcome = ScenarioOutcome.Error,
            Error = new RunError("attempt to index a nil value (field 'pos')", "widget.lua:120", 1.9),
        };

    public static ScenarioResult Scenario(string name, ulong seed, int frameCount, double costScale)
    {
        var random = new SeededRandom(seed).Fork("sample-report");
        var builder = new FrameSeriesBuilder(["disconnect", "slow-reader"]);
        var model = new BarHarness.Reports.Cost.CostModel(Coefficients);
        for (var i = 0; i < frameCount; i++)
        {
            var units = 50 + (i * 2000 / Math.Max(1, frameCount));
            var instructions = (long)((units * 120 * costScale) + random.Next(0, 2000));
            var calls = units / 4;
            var bytes = 1000 + random.Next(0, 5000);
            var count = bytes / 40;
            var micros = model.Price(instructions, calls, bytes, count) * (1 + (0.2 * random.NextDouble()));
            var seconds = i / 30.0;
            builder.Add(new FrameSample(
                i, seconds, units, micros, model.Price(instructions, calls, bytes, count), instructions, calls,
                    micros * 0.3, bytes, count,
                QueueDepth: random.Next(0, 40),
                FreshnessSeconds: i % 10 == 0 ? double.NaN : random.NextDouble(),
                FaultFlags: seconds is > 20 and < 30 ? 1 : 0));
        }

        var frames = builder.Build();
        var callIns = new[]
        {
            new CallInSamples("GameFrame", frames.WidgetMicros.Select(m => m * 0.8).ToArray(),
                frames.Cost.Select(c => c * 0.8).ToArray()),
            new CallInSamples("UnitCreated", frames.WidgetMicros.Select(m => m * 0.2).ToArray(),
                frames.Cost.Select(c => c * 0.2).ToArray()),
        };
        var heap = Enumerable.Range(0, 30)
            .Select(k => new HeapSample(k * 2.0, 500_000 + (k * 100) + random.Next(0, 50))).ToArray();
        var slow = Enumerable.Range(0, frames.Count).OrderByDescending(i => frames.WidgetMicros[i]).Take(5)
            .Select(i => new SlowFrame(
                frames.Frame[i], frames.GameSeconds[i], frames.WidgetMicros[i], frames.Cost[i], "GameFrame",
                ["widget.lua:88 SendUnits", "widget.lua:40 <encode>"]))
            .ToArray();

        return new ScenarioResult
        {
            Name = name,
            File = $"scenarios/{name}.yaml",
            Seed = seed,
            WidgetPath = "widget/gui_live_data_export.lua",
            WidgetSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            DurationGameSeconds = frameCount / 30.0,
            WallSeconds = 1.5,
            Outcome = ScenarioOutcome.Pass,
            ReproduceCommand = $"barharness run scenarios/{name}.yaml --seed {seed} --widget "
                + $"widget/gui_live_data_export.lua # sha256 9f86d08",
            Budget = BudgetCalculator.Compute(frames, callIns),
            Leak = LeakAnalyzer.Analyze(
                heap,
                allowedBytesPerMinute: 4096,
                fitFromGameSeconds: 4,
                frames,
                [new RetainedObject("table (412 entries)", 52_000, "upvalue 'cache' of widget.lua:120 Update")],
                new ShutdownLeftovers(["tcp 127.0.0.1:9100 (connected)"], [])),
            Network = new NetworkSummary(123_456, 789, 4000, 2, 3,
                [new OracleViolation("no-silent-loss", "seq 17 missing <gap>", 12.5)]),
            Console = new ConsoleSummary(40, 12, [new RepeatedLine("LiveData: reconnecting", 20)]),
            Frames = frames,
            FaultWindows = [new FaultWindow("disconnect", 20, 30)],
            SlowestFrames = slow,
            Profile =
            [
                new FunctionProfileEntry("widget.lua:88 SendUnits", 700, 1_200_000, 0.7),
                new FunctionProfileEntry("widget.lua:40 <encode>", 300, 400_000, 0.3),
            ],
        };
    }
}
