namespace BarHarness.Cli.Commands;

/// <summary>An option or argument with nothing to it but its name and its help text.</summary>
internal static class DescribedOption
{
    public static Option<T> Create<T>(string name, string description) => new(name) { Description = description };

    public static Argument<T> Argument<T>(string name, string description) =>
        new(name) { Description = description };
}
