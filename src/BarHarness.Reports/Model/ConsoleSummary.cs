namespace BarHarness.Reports.Model;

/// <summary>What the widget wrote to the console (Spring.Echo / Spring.Log).</summary>
/// <param name="Lines">Total lines written.</param>
/// <param name="MaxLinesPerGameMinute">Worst one-minute window, the figure the spam bound checks.</param>
/// <param name="TopRepeated">Most repeated lines with their counts, most frequent first.</param>
public sealed record ConsoleSummary(long Lines, long MaxLinesPerGameMinute, IReadOnlyList<RepeatedLine> TopRepeated)
{
    public static ConsoleSummary None { get; } = new(0, 0, []);
}

/// <summary>A console line and how often it appeared.</summary>
public sealed record RepeatedLine(string Text, long Count);
