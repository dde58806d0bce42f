namespace BarHarness.Scenarios.Definition.Selection;

/// <summary>
/// <c>--filter NAME</c> and <c>--shard i/n</c> over loaded scenarios. Both are deterministic: the
/// same files and arguments select the same scenarios on every machine. Filter first, then shard.
/// </summary>
public static class ScenarioSelection
{
    /// <summary>
    /// Scenarios whose name or relative path matches <paramref name="pattern"/>: a glob when it holds
    /// '*' or '?' (whole-string match), else a substring; case-insensitive. Null or empty keeps all.
    /// </summary>
    public static IReadOnlyList<LoadedScenario> Filter(IEnumerable<LoadedScenario> scenarios, string? pattern) =>
        Filter(scenarios, pattern, s => [s.Definition.Name, s.RelativePath]);

    public static IReadOnlyList<T> Filter<T>(IEnumerable<T> items, string? pattern, Func<T, IEnumerable<string>> keys)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return items.ToArray();
        }

        var matches = Matcher(pattern.Trim());
        return items.Where(item => keys(item).Any(matches)).ToArray();
    }

    /// <summary>
    /// Scenarios carrying at least one tag of <paramref name="anyOf"/> (all when null or empty) and none of
    /// <paramref name="noneOf"/>; both are comma-separated lists, case-insensitive (<c>--tag</c>, <c>--skip-tag</c>).
    /// </summary>
    public static IReadOnlyList<LoadedScenario> ByTags(
        IEnumerable<LoadedScenario> scenarios,
        string? anyOf,
        string? noneOf)
    {
        var wanted = TagList(anyOf);
        var unwanted = TagList(noneOf);
        return scenarios
            .Where(s => wanted.Length == 0 || wanted.Any(s.Definition.HasTag))
            .Where(s => !unwanted.Any(s.Definition.HasTag)).ToArray();
    }

    private static string[] TagList(string? csv) =>
        (csv ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The scenarios of one shard: sorted by relative path (ordinal), position % n == i - 1.</summary>
    public static IReadOnlyList<LoadedScenario> Shard(IEnumerable<LoadedScenario> scenarios, ShardSpec shard) =>
        Shard(scenarios, shard, s => s.RelativePath);

    public static IReadOnlyList<T> Shard<T>(IEnumerable<T> items, ShardSpec shard, Func<T, string> sortKey) =>
        items.OrderBy(sortKey, StringComparer.Ordinal)
            .Where((_, position) => shard.Contains(position)).ToArray();

    private static Func<string, bool> Matcher(string pattern)
    {
        if (pattern.IndexOfAny(['*', '?']) < 0)
        {
            return key => key.Contains(pattern, StringComparison.OrdinalIgnoreCase);
        }

        var lowered = pattern.ToLowerInvariant();
        return key => GlobMatches(lowered, key.ToLowerInvariant());
    }

    /// <summary>
    /// '*' any run of characters (including '/'), '?' one character, everything else literal; whole
    /// string. Greedy with one backtrack point, so linear-ish on any pattern (no regex blow-up).
    /// </summary>
    public static bool GlobMatches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
