namespace BarHarness.Network.Tests.Probes;

/// <summary>Prints the three transcripts side by side when they disagree.</summary>
public static class ProbeTranscriptDump
{
    public static string SideBySide(
        string leftName,
        IReadOnlyList<string> left,
        string rightName,
        IReadOnlyList<string> right)
    {
        var lines = new List<string> { $"--- {leftName}", $"+++ {rightName}" };
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var l = i < left.Count ? left[i] : "<missing>";
            var r = i < right.Count ? right[i] : "<missing>";
            lines.Add(l == r ? "  " + l : $"- {l}\n+ {r}");
        }

        return string.Join("\n", lines);
    }
}
