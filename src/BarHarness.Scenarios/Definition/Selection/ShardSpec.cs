namespace BarHarness.Scenarios.Definition.Selection;

/// <summary>
/// <c>--shard i/n</c>: the i-th of n shards (1-based). Scenarios sorted by relative path go to shard
/// <c>index % n + 1</c>, so every scenario runs in exactly one shard and shards stay balanced.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    public const int MaxCount = 1000;

    public static ShardSpec All { get; } = new(1, 1);

    /// <summary>Parses "i/n"; errors are <see cref="HarnessInputException"/> naming the option.</summary>
    public static ShardSpec Parse(string text, SourceLocation? location = null)
    {
        const string expected = "i/n with 1 <= i <= n, e.g. 2/4";
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new HarnessInputException(location, $"--shard '{text}' is not a shard", expected);
        }

        if (count < 1 || count > MaxCount || index < 1 || index > count)
        {
            throw new HarnessInputException(
                location,
                $"--shard {index}/{count} is out of range",
                expected + $" and n <= {MaxCount}");
        }

        return new ShardSpec(index, count);
    }

    /// <summary>
    /// Whether the item at <paramref name="sortedPosition"/> (0-based, in relative-path order) belongs here.
    /// </summary>
    public bool Contains(int sortedPosition) => sortedPosition % Count == Index - 1;

    public override string ToString() => $"{Index}/{Count}";
}
