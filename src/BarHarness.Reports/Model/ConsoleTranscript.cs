namespace BarHarness.Reports.Model;

/// <summary>
/// The widget's whole console output, bounded: every distinct line in order of first appearance with
/// how often it was written and when, up to <see cref="MaxDistinctLines"/> distinct lines of at most
/// <see cref="MaxLineLength"/> characters. Lines past the bound are counted in <see cref="LinesLeftOut"/>.
/// </summary>
/// <param name="Lines">Distinct lines with their counts, in order of first appearance.</param>
/// <param name="TotalLines">Every line written, the ones left out included.</param>
/// <param name="LinesLeftOut">
/// Lines written but not in <paramref name="Lines"/> (past the bound, or past what the run kept).
/// </param>
public sealed record ConsoleTranscript(IReadOnlyList<ConsoleTranscriptLine> Lines, long TotalLines, long LinesLeftOut)
{
    /// <summary>The most distinct lines a report lists.</summary>
    public const int MaxDistinctLines = 2000;

    /// <summary>Longer lines are cut here (with a marker) in the report.</summary>
    public const int MaxLineLength = 2000;

    public static ConsoleTranscript None { get; } = new([], 0, 0);
}

/// <summary>A console line, how often it was written, and the game frames of its first and last writing.</summary>
public sealed record ConsoleTranscriptLine(string Text, string Source, long Count, long FirstFrame, long LastFrame);
