namespace BarHarness.Scenarios.Definition.Loading;

/// <summary><c>widget: {path, config}</c>; a missing path means the bundled widget.</summary>
internal static class WidgetSectionParser
{
    public static WidgetSpec Parse(YamlNode? node, ParseContext ctx)
    {
        if (node is null)
        {
            return new WidgetSpec(DefaultPath(ctx), true, null);
        }

        var reader = new MappingReader(node, "widget");
        var pathNode = reader.Optional("path");
        var configNode = reader.Optional("config");
        reader.Finish();

        var config = configNode is null ? null : ConfigTreeReader.ReadMap(configNode, reader.Describe("config"));
        if (pathNode is null)
        {
            return new WidgetSpec(DefaultPath(ctx), true, config);
        }

        const string Expected = "a path relative to the scenario file or the repository root";
        var resolved = PathResolver.ExistingFile(pathNode, reader.Describe("path"), ctx, "widget file", Expected);
        return new WidgetSpec(resolved, false, config);
    }

    private static string DefaultPath(ParseContext ctx)
    {
        var root =
            PathResolver.RepositoryRoot(ctx.Directory)
            ?? PathResolver.RepositoryRoot(Environment.CurrentDirectory)
            ?? Environment.CurrentDirectory;
        return Path.GetFullPath(Path.Combine(root, WidgetSpec.DefaultRelativePath));
    }
}
