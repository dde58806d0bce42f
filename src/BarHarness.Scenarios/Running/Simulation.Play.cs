using System.Diagnostics;
using System.Security.Cryptography;
using BarHarness.Scenarios.Probes;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// A scenario played to its end: the report, and the probes that measured it (null if the harness failed).
/// </summary>
/// <param name="TimerReadings">
/// A <c>timer: cpu</c> run's Spring.GetTimer readings (for a replay); null otherwise.
/// </param>
public sealed record PlayedScenario(
    ScenarioResult Result, ProbeSet? Probes, ulong WorldStateHash, IReadOnlyList<long>? TimerReadings = null);

/// <summary>Playing a scenario from its file to its report: step to the end, finish, judge, export.</summary>
public sealed partial class Simulation
{
    public static PlayedScenario Play(
        LoadedScenario scenario, RunOptions options, IProgress<RunProgress>? progress = null)
    {
        var def = scenario.Definition;
        var seed = options.SeedOverride ?? def.Seed;
        var widgetPath = options.LoadWidget ? ResolveWidget(def, options) : options.BundledWidget;
        var wall = Stopwatch.StartNew();
        var identity = new ScenarioResult
        {
            Name = def.Name,
            File = scenario.RelativePath,
            Seed = seed,
            WidgetPath = Relative(options.RepoRoot, widgetPath),
            WidgetSha256 = File.Exists(widgetPath) ? HashFile(widgetPath) : string.Empty,
            DurationGameSeconds = def.DurationSeconds,
            Outcome = ScenarioOutcome.Error,
            ReproduceCommand = options.DescribeReproduction(Reproduction.Of(scenario, seed, options)),
        };
        try
        {
            using var simulation = new Simulation(def, options, seed, widgetPath);
            while (!simulation.IsOver)
            {
                simulation.Step();
                simulation.ReportProgress(progress, wall.Elapsed.TotalSeconds);
            }

            simulation.Finish();
            var readings = simulation.TimerMode == TimerMode.Cpu ? simulation.TimerReadings.Values : null;
            if (readings is not null && TracePath(def, options) is { } trace)
            {
                TimerTraceFile.Write(trace, readings, Reproduction.Of(scenario, seed, options).Describe());
            }

            var verdicts = simulation.Probes.Judge(def.Expectations);
            var result = simulation.Probes.Export(identity with
            {
                DurationGameSeconds = simulation.Now.GameSeconds,
                WallSeconds = wall.Elapsed.TotalSeconds,
                Outcome = verdicts.All(v => v.Passed) ? ScenarioOutcome.Pass : ScenarioOutcome.Fail,
                Expectations = verdicts,
            });
            return new PlayedScenario(result, simulation.Probes, simulation.WorldStateHash, readings);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var error = new RunError(
                $"the harness failed while running this scenario: {e.GetType().Name}: {e.Message}",
                scenario.RelativePath);
            return new PlayedScenario(
                identity with { WidgetPath = widgetPath, WallSeconds = wall.Elapsed.TotalSeconds, Error = error },
                null,
                0);
        }
    }

    /// <summary>
    /// Where a <c>timer: cpu</c> run writes its readings: in the options' trace folder, unless they are being
    /// replayed from a file already (the reproduce line names that one).
    /// </summary>
    internal static string? TracePath(ScenarioDefinition def, RunOptions options) =>
        options.TimerTraceFile is null && options.TimerTraceFolder is { } folder
            && def.Timer == TimerMode.Cpu && !options.Uninstrumented
            ? Path.Combine(folder, TimerTraceFile.FileName(def.Name))
            : null;

    private void ReportProgress(IProgress<RunProgress>? progress, double wallSeconds)
    {
        if (progress is null || _world.Frame - _progressFrame < 300)
        {
            return;
        }

        _progressFrame = _world.Frame;
        progress.Report(new RunProgress(
            _def.Name, _world.Clock.GameSeconds, _def.DurationSeconds, _world.UnitCount,
            _world.Frame / Math.Max(1e-9, wallSeconds)));
    }

    private static string ResolveWidget(ScenarioDefinition def, RunOptions options)
    {
        if (options.WidgetOverride is { } overridden)
        {
            return Path.GetFullPath(overridden);
        }

        if (def.Widget.IsDefault)
        {
            return options.BundledWidget;
        }

        var fromScenario = Path.Combine(Path.GetDirectoryName(def.SourceFile) ?? options.RepoRoot, def.Widget.Path);
        return File.Exists(fromScenario)
            ? Path.GetFullPath(fromScenario)
            : Path.GetFullPath(Path.Combine(options.RepoRoot, def.Widget.Path));
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    private static string Relative(string root, string path)
    {
        var rel = Path.GetRelativePath(root, path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel.Replace('\\', '/');
    }
}
