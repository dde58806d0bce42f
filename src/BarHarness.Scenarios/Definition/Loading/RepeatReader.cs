namespace BarHarness.Scenarios.Definition.Loading;

/// <summary>
/// <c>repeat: {every: 15s, count: 4}</c> or <c>repeat: {every: 15s, until: 90s}</c> on an event or a
/// fault: the entry happens at <c>at</c>, <c>at + every</c>, ... (count includes the first).
/// Expanded at load time so the runner sees plain, sorted entries.
/// </summary>
internal static class RepeatReader
{
    public const int MaxRepeats = 10_000;

    /// <summary>Offsets in seconds from the first occurrence (always starts with 0).</summary>
    public static IReadOnlyList<double> Offsets(
        MappingReader entry,
        double at,
        double lastStartAllowed,
        ParseContext ctx)
    {
        var node = entry.Optional("repeat");
        if (node is null)
        {
            return [0.0];
        }

        var repeat = new MappingReader(node, entry.Describe("repeat").Trim('\''));
        var every = YamlValues.Seconds(
            repeat.Required("every", "the time between repeats, e.g. \"15s\""),
            repeat.Describe("every"),
            1.0 / 30,
            ctx.DurationSeconds);
        var countNode = repeat.Optional("count");
        var untilNode = repeat.Optional("until");
        repeat.Finish();
        if ((countNode is null) == (untilNode is null))
        {
            throw new HarnessInputException(
                repeat.Location,
                "repeat needs exactly one of 'count' or 'until'",
                "repeat: {every: 15s, count: 4} or repeat: {every: 15s, until: 90s}");
        }

        int count;
        SourceLocation where;
        if (countNode is not null)
        {
            count = YamlValues.Integer(countNode, repeat.Describe("count"), 1, MaxRepeats);
            where = countNode.Location;
        }
        else
        {
            var until = ctx.Time(untilNode!, repeat.Describe("until"));
            if (until < at)
            {
                throw new HarnessInputException(
                    untilNode!.Location,
                    $"repeat until {YamlValues.Show(until)} s is before the first occurrence "
                        + $"at {YamlValues.Show(at)} s",
                    "a time after 'at'");
            }

            count = (int)Math.Min(MaxRepeats + 1, Math.Floor(((until - at) / every) + 1e-9) + 1);
            where = untilNode!.Location;
        }

        if (count > MaxRepeats)
        {
            throw new HarnessInputException(
                where,
                $"repeat gives more than {MaxRepeats} occurrences",
                "fewer repeats or a longer 'every'");
        }

        var last = at + ((count - 1) * every);
        if (last > lastStartAllowed + 1e-9)
        {
            throw new HarnessInputException(
                where,
                $"the last repeat would start at {YamlValues.Show(last)} s, "
                    + $"beyond the scenario ({YamlValues.Show(lastStartAllowed)} s)",
                "fewer repeats, or a longer 'duration'");
        }

        return Enumerable.Range(0, count).Select(i => i * every).ToArray();
    }
}
