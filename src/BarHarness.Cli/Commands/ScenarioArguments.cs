using BarHarness.Scenarios.Definition.Selection;

namespace BarHarness.Cli.Commands;

/// <summary>The scenario paths, --filter and --shard shared by run, validate and list.</summary>
internal sealed class ScenarioArguments
{
    public Argument<string[]> Paths { get; } =
        new("paths")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Scenario files or folders (default: scenarios/)",
        };

    public Option<string?> Filter { get; } =
        new("--filter") { Description = "Only scenarios whose name or path matches (substring or glob)" };

    public Option<string?> Tag { get; } =
        new("--tag") { Description = "Only scenarios with one of these tags (comma-separated)" };

    public Option<string?> SkipTag { get; } =
        new("--skip-tag")
        {
            Description =
                "Leave out scenarios with any of these tags (comma-separated), e.g. stress,long for a quick tier",
        };

    public Option<string?> Shard { get; } =
        new("--shard") { Description = "Run shard i of n (i/n): every scenario lands in exactly one shard" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Filter);
        command.Options.Add(Tag);
        command.Options.Add(SkipTag);
        command.Options.Add(Shard);
    }

    public (ScenarioBatch Batch, IReadOnlyList<LoadedScenario> Selected, string Root) Load(ParseResult parse)
    {
        var root = RepoLocator.Find();
        var paths = parse.GetValue(Paths) is { Length: > 0 } given ? given : new[] { Path.Combine(root, "scenarios") };
        var batch = ScenarioLoader.LoadAll(paths, root);
        IReadOnlyList<LoadedScenario> selected = ScenarioSelection.ByTags(
            ScenarioSelection.Filter(batch.Scenarios, parse.GetValue(Filter)),
            parse.GetValue(Tag),
            parse.GetValue(SkipTag));
        if (parse.GetValue(Shard) is { } shard)
        {
            selected = ScenarioSelection.Shard(selected, ShardSpec.Parse(shard));
        }

        return (batch, selected, root);
    }
}
