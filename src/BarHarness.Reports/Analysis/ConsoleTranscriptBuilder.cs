namespace BarHarness.Reports.Analysis;

/// <summary>
/// Folds a run's console lines into a <see cref="ConsoleTranscript"/> (distinct lines with counts, bounded).
/// </summary>
public static class ConsoleTranscriptBuilder
{
    /// <summary>Builds the transcript from the kept lines (frame, source, text) and the total written.</summary>
    public static ConsoleTranscript Build(IEnumerable<(long Frame, string Source, string Text)> kept, long totalLines)
    {
        var order = new List<string>();
        var byText = new Dictionary<string, Entry>(StringComparer.Ordinal);
        long listed = 0;
        foreach (var (frame, source, text) in kept)
        {
            var shown = text.Length > ConsoleTranscript.MaxLineLength
                ? text[..ConsoleTranscript.MaxLineLength] + " [cut]"
                : text;
            if (byText.TryGetValue(shown, out var entry))
            {
                entry.Count++;
                entry.LastFrame = frame;
                listed++;
            }
            else if (order.Count < ConsoleTranscript.MaxDistinctLines)
            {
                byText[shown] = new Entry(source, frame);
                order.Add(shown);
                listed++;
            }
        }

        var lines = new List<ConsoleTranscriptLine>(order.Count);
        foreach (var text in order)
        {
            var e = byText[text];
            lines.Add(new ConsoleTranscriptLine(text, e.Source, e.Count, e.FirstFrame, e.LastFrame));
        }

        return new ConsoleTranscript(lines, totalLines, Math.Max(0, totalLines - listed));
    }

    private sealed class Entry(string source, long frame)
    {
        public string Source { get; } = source;

        public long Count { get; set; } = 1;

        public long FirstFrame { get; } = frame;

        public long LastFrame { get; set; } = frame;
    }
}
