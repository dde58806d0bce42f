namespace BarHarness.Scenarios.Definition.Loading;

/// <summary>
/// <c>expectations:</c> budget, memory, errors, reconnect, oracle, console spam, user-error outcomes.
/// </summary>
internal static class ExpectationsSectionParser
{
    public static ExpectationSet Parse(YamlNode? node, ParseContext ctx)
    {
        var d = ExpectationSet.Default;
        if (node is null)
        {
            return d;
        }

        var reader = new MappingReader(node, "expectations");
        var budget = ParseBudget(reader.Optional("budget"), ctx);
        var memory = ParseMemory(reader.Optional("memory"), ctx);
        var noLuaErrors = reader.Read("no_lua_errors", d.NoLuaErrors, YamlValues.Bool);
        var noBlocking = reader.Read("no_blocking_calls", d.NoBlockingCalls, YamlValues.Bool);
        var reconnect = reader.Read<double?>(
            "reconnect_within_s",
            null,
            (n, w) => YamlValues.Seconds(n, w, 0, ctx.DurationSeconds));
        var oracle = ParseOracle(reader.Optional("oracle"), ctx);
        var console = reader.Read<double?>(
            "max_console_lines_per_min",
            null,
            (n, w) => YamlValues.Number(n, w, 0, 1_000_000));
        var removed = reader.Read("expect_widget_removed", false, YamlValues.Bool);
        var errors = reader.Read<IReadOnlyList<string>>("expect_errors", [], Strings);
        reader.Finish();

        if (removed)
        {
            // BAR removes a widget because a call-in raised an error: expecting removal implies errors.
            if (noLuaErrors && reader.Has("no_lua_errors"))
            {
                throw new HarnessInputException(
                    reader.LocationOf("no_lua_errors"),
                    "'expect_widget_removed: true' conflicts with 'no_lua_errors: true' "
                        + "(BAR removes a widget when a call-in raises an error)",
                    "no_lua_errors: false, or leave it out");
            }

            noLuaErrors = false;
        }

        return new ExpectationSet(budget, memory, noLuaErrors, noBlocking, reconnect, oracle, console, removed, errors);
    }

    private static BudgetExpectation ParseBudget(YamlNode? node, ParseContext ctx)
    {
        var d = BudgetExpectation.Default;
        if (node is null)
        {
            return d;
        }

        var reader = new MappingReader(node, "expectations.budget");
        var budget = reader.Read("budget_ms", d.BudgetMs, Ms);
        var p99 = reader.Read<double?>("p99_ms", null, (n, w) => Ms(n, w));
        var max = reader.Read<double?>("max_ms", null, (n, w) => Ms(n, w));
        var share = reader.Read<double?>("max_over_budget_share", null, (n, w) => YamlValues.Number(n, w, 0, 1));
        var after = reader.Read("after_s", 0.0, (n, w) => YamlValues.Seconds(n, w, 0, ctx.DurationSeconds));
        var collector = reader.Read<double?>("collector_mean_ms", null, (n, w) => Ms(n, w));
        reader.Finish();
        if (p99 is not null && max is not null && p99 > max)
        {
            throw new HarnessInputException(
                reader.LocationOf("p99_ms"),
                $"p99_ms {YamlValues.Show(p99.Value)} is above max_ms {YamlValues.Show(max.Value)}",
                "p99_ms <= max_ms");
        }

        if (after >= ctx.DurationSeconds && ctx.DurationSeconds > 0)
        {
            throw new HarnessInputException(
                reader.LocationOf("after_s"),
                "the warm-up 'after_s' leaves no frames to measure",
                "after_s shorter than the scenario's duration");
        }

        return new BudgetExpectation(budget, p99, max, share, after) { CollectorMeanMs = collector };
    }

    private static MemoryExpectation? ParseMemory(YamlNode? node, ParseContext ctx) =>
        MappingReader.ReadSection<MemoryExpectation?>(node, "expectations.memory", null, reader =>
        {
            const string Growth = "max_growth_kb_per_min";
            var growth = YamlValues.Number(
                reader.Required(Growth, "the largest heap growth slope in KB per game minute"),
                reader.Describe(Growth),
                0,
                1_000_000);
            var after = reader.Read("after_s", 0.0, (n, w) => YamlValues.Seconds(n, w, 0, ctx.DurationSeconds));
            return new MemoryExpectation(growth, after);
        });

    private static OracleExpectation ParseOracle(YamlNode? node, ParseContext ctx)
    {
        var d = OracleExpectation.Default;
        return MappingReader.ReadSection(node, "expectations.oracle", d, reader => new OracleExpectation(
            reader.Read("valid_stream", d.ValidStream, YamlValues.Bool),
            reader.Read("no_silent_loss", d.NoSilentLoss, YamlValues.Bool),
            reader.Read("privacy", d.Privacy, YamlValues.Bool),
            reader.Read("snapshot_after_reconnect", d.SnapshotAfterReconnect, YamlValues.Bool),
            reader.Read<int?>("freshness_frames", null, (n, w) => YamlValues.Integer(n, w, 1, 1_000_000)),
            reader.Read("accuracy", d.Accuracy, YamlValues.Bool),
            reader.Read(
                "freshness_after_s", 0.0, (n, w) => YamlValues.Seconds(n, w, 0, ctx.DurationSeconds)),
            reader.Read<int?>("freshness_max_units", null, (n, w) => YamlValues.Integer(n, w, 1, 1_000_000)))
        { Written = true });
    }

    private static double Ms(YamlNode node, string what) => YamlValues.Number(node, what, 0.001, 60_000);

    private static IReadOnlyList<string> Strings(YamlNode node, string what) =>
        YamlValues
            .Sequence(node, what).Items.Select((item, i) => YamlValues.String(item, $"{what}[{i + 1}]")).ToArray();
}
