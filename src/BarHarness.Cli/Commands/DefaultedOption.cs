namespace BarHarness.Cli.Commands;

/// <summary>An option that stands at a default value when the command line does not give it.</summary>
internal static class DefaultedOption
{
    public static Option<T> Create<T>(string name, T value, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => value };
}
