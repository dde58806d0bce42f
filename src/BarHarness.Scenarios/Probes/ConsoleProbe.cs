namespace BarHarness.Scenarios.Probes;

/// <summary>
/// The widget's console (what BAR's infolog would show): the lines it kept, how many it wrote, and the
/// worst game minute, which both the console summary and the <c>max_console_lines_per_min</c>
/// verdict read.
/// </summary>
public sealed class ConsoleProbe(ConsoleLog console) : IProbe
{
    private const int FramesPerMinute = 1800;

    public IReadOnlyCollection<string> Owns { get; } =
        [nameof(ScenarioResult.Console), nameof(ScenarioResult.ConsoleTranscript)];

    /// <summary>The lines kept (bounded by the console's own limit), set when the run ends.</summary>
    public IReadOnlyList<ConsoleLine> Lines { get; private set; } = [];

    /// <summary>Every line the widget wrote, kept or not.</summary>
    public long LineCount { get; private set; }

    /// <summary>Lines written in the busiest game minute.</summary>
    public long WorstMinuteLines { get; private set; }

    public void OnEnd(in SimulationMoment now)
    {
        Lines = console.Lines.ToList();
        LineCount = console.TotalLines;
        WorstMinuteLines = Lines.GroupBy(l => l.Frame / FramesPerMinute).Select(g => (long)g.Count())
            .DefaultIfEmpty(0).Max();
    }

    public void Judge(ExpectationSet expectations, ICollection<ExpectationResult> verdicts)
    {
        if (expectations.MaxConsoleLinesPerMinute is double perMinute)
        {
            verdicts.Add(new ExpectationResult(
                "console_spam",
                WorstMinuteLines <= perMinute,
                $"≤ {perMinute} console lines per game minute",
                $"{WorstMinuteLines} in the worst minute ({LineCount} in all)"));
        }
    }

    public ScenarioResult Export(ScenarioResult result) => result with
    {
        Console = new ConsoleSummary(
            LineCount,
            WorstMinuteLines,
            Lines.GroupBy(l => l.Text).Select(g => new RepeatedLine(g.Key, g.Count()))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Text, StringComparer.Ordinal).Take(5).ToList()),
        ConsoleTranscript = ConsoleTranscriptBuilder.Build(Lines.Select(l => (l.Frame, l.Source, l.Text)), LineCount),
    };
}
