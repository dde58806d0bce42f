namespace BarHarness.Scenarios.Definition.Yaml;

/// <summary>Suggests the known word a typo was meant to be ("did you mean 'duration'?").</summary>
public static class NearestKey
{
    /// <summary>The closest candidate within an edit distance that still looks like a typo, else null.</summary>
    public static string? Suggest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lowered = typed.ToLowerInvariant().Replace('-', '_');
        var list = candidates.Distinct().ToArray();

        // "p99" for "p99_ms": the unit suffix left out is the commonest slip.
        var extended = list.Where(c =>
                lowered.Length >= 3 && c.StartsWith(lowered + "_", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).FirstOrDefault();
        if (extended is not null)
        {
            return extended;
        }

        foreach (var candidate in list)
        {
            var distance = Distance(lowered, candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Allow about one edit in three letters: "durtion" -> duration, but "xyz" suggests nothing.
        var allowed = Math.Max(1, Math.Min(typed.Length, best?.Length ?? 0) / 3);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
