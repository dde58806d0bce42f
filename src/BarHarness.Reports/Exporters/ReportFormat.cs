namespace BarHarness.Reports.Exporters;

/// <summary>How figures are spelled in human-facing reports (Markdown, HTML): invariant culture, fixed units.</summary>
public static class ReportFormat
{
    public static string Micros(double micros) => micros.ToString("#,0.0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Share(double share) => share.ToString("0.00%", CultureInfo.InvariantCulture);

    public static string Bytes(double bytes)
    {
        var magnitude = Math.Abs(bytes);
        return magnitude switch
        {
            >= 1024 * 1024 => (bytes / (1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " MiB",
            >= 1024 => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
            _ => bytes.ToString("0", CultureInfo.InvariantCulture) + " B",
        };
    }

    /// <summary>Game time as m:ss or h:mm:ss.</summary>
    public static string GameTime(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, Math.Round(seconds)));
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}");
    }

    public static string Outcome(Model.ScenarioOutcome outcome) => outcome switch
    {
        Model.ScenarioOutcome.Pass => "pass",
        Model.ScenarioOutcome.Fail => "FAIL",
        _ => "ERROR",
    };

    /// <summary>
    /// The sentence every format gives a scenario that was replayed after a budget failure, or null when
    /// it was not replayed.
    /// </summary>
    public static string? BudgetReplay(Model.ScenarioResult s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.FirstRunBudgetFailures.Count == 0)
        {
            return null;
        }

        var first = string.Join("; ", s.FirstRunBudgetFailures.Select(e => $"{e.Name}: {e.Actual}"));
        var replay = s.Outcome == Model.ScenarioOutcome.Pass
            ? "the replay passed (the first run was disturbed)"
            : "the replay failed too";
        return $"Replayed after a budget failure ({first}); {replay}. The figures are the replay's.";
    }
}
