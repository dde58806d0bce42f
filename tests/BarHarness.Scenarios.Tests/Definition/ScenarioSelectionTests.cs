using BarHarness.Scenarios.Definition.Selection;

namespace BarHarness.Scenarios.Tests.Definition;

public sealed class ScenarioSelectionTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData(" 4 / 4 ", 4, 4)]
    public void Shard_text_parses(string text, int index, int count)
    {
        Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text));
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("1/0")]
    [InlineData("-1/4")]
    [InlineData("1of4")]
    [InlineData("")]
    [InlineData("1/2/3")]
    [InlineData("a/b")]
    public void Bad_shard_text_is_an_input_error_saying_what_is_expected(string text)
    {
        var ex = Assert.Throws<HarnessInputException>(() => ShardSpec.Parse(text));
        Assert.Contains("1 <= i <= n", ex.Expected, StringComparison.Ordinal);
    }

    [Property]
    public Property Shards_cover_every_item_exactly_once_whatever_the_input_order()
    {
        var gen =
            from names in Gen.ListOf(Gen.Elements("a", "b", "c", "d", "e", "f", "g", "h").ArrayOf().Select(cs =>
                string.Concat(cs)))
            from count in Gen.Choose(1, 12)
            select (Names: names.Distinct().ToArray(), Count: count);

        return Prop.ForAll(Arb.From(gen), input =>
        {
            var shards = Enumerable.Range(1, input.Count)
                .Select(i => ScenarioSelection.Shard(input.Names.Reverse(), new ShardSpec(i, input.Count), n => n))
                .ToArray();
            var all = shards.SelectMany(s => s).ToArray();
            var balanced = shards.Max(s => s.Count) - shards.Min(s => s.Count) <= 1;
            return all.Length == input.Names.Length
                && all.Order(StringComparer.Ordinal).SequenceEqual(input.Names.Order(StringComparer.Ordinal))
                && balanced;
        });
    }

    [Fact]
    public void Shard_membership_depends_only_on_the_sorted_relative_path()
    {
        var paths = new[] { "b.yaml", "a.yaml", "d.yaml", "c.yaml", "e.yaml" };
        Assert.Equal(new[] { "a.yaml", "c.yaml", "e.yaml" },
            ScenarioSelection.Shard(paths, new ShardSpec(1, 2), p => p));
        Assert.Equal(new[] { "b.yaml", "d.yaml" }, ScenarioSelection.Shard(paths, new ShardSpec(2, 2), p => p));
    }

    [Theory]
    [InlineData("net", new[] { "network-reset", "network-latency" })]
    [InlineData("NETWORK-RE", new[] { "network-reset" })]
    [InlineData("load-*", new[] { "load-minimal", "load-units-1000" })]
    [InlineData("*-1000", new[] { "load-units-1000" })]
    [InlineData("load-?inimal", new[] { "load-minimal" })]
    [InlineData("scenarios/network/*", new[] { "network-reset", "network-latency" })]
    [InlineData("nothing*", new string[0])]
    [InlineData("", new[] { "load-minimal", "load-units-1000", "network-reset", "network-latency" })]
    public void Filter_matches_name_or_path_by_substring_or_glob(string pattern, string[] expected)
    {
        var items = new[]
        {
            ("load-minimal", "scenarios/load/minimal.yaml"),
            ("load-units-1000", "scenarios/load/units-1000.yaml"),
            ("network-reset", "scenarios/network/reset.yaml"),
            ("network-latency", "scenarios/network/latency.yaml"),
        };

        var selected = ScenarioSelection.Filter(items, pattern, i => [i.Item1, i.Item2]).Select(i => i.Item1);
        Assert.Equal(expected, selected);
    }

    [Theory]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("**a", "a", true)]
    [InlineData("?", "", false)]
    [InlineData("a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    public void Glob_matching_is_whole_string(string pattern, string text, bool matches)
    {
        Assert.Equal(matches, ScenarioSelection.GlobMatches(pattern, text));
    }

    [Fact]
    public void Filter_then_shard_of_the_library_runs_every_file_once()
    {
        var batch = ScenarioLoader.LoadAll([RepositoryFiles.Scenarios], RepositoryFiles.Root);
        var union = Enumerable.Range(1, 4)
            .SelectMany(i => ScenarioSelection.Shard(batch.Scenarios, new ShardSpec(i, 4)))
            .Select(s => s.RelativePath)
            .ToArray();
        Assert.Equal(batch.Scenarios.Select(s => s.RelativePath).Order(StringComparer.Ordinal),
            union.Order(StringComparer.Ordinal));
        Assert.Equal(union.Length, union.Distinct().Count());
    }

    [Fact]
    public void Tags_select_and_skip_scenarios_case_insensitively()
    {
        static LoadedScenario Tagged(string name, string tags) => new(
            name + ".yaml", ScenarioLoader.Parse($"name: {name}\nseed: 1\nduration: 1s\ntags: [{tags}]\n",
                name + ".yaml"));
        var all = new[] { Tagged("quick", "load"), Tagged("big", "load, stress"), Tagged("soak", "LONG") };

        Assert.Equal(["quick", "big"], ScenarioSelection.ByTags(all, "load", null).Select(s => s.Definition.Name));
        Assert.Equal(["quick"], ScenarioSelection.ByTags(all, null, "stress, long").Select(s => s.Definition.Name));
        Assert.Equal(["big"], ScenarioSelection.ByTags(all, "load", "Long,").Where(s => s.Definition.HasTag("stress"))
            .Select(s => s.Definition.Name));
        Assert.Equal(3, ScenarioSelection.ByTags(all, "", " ").Count);
    }
}
