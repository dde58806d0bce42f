namespace BarHarness.Scenarios.Definition.Loading;

/// <summary>What section parsers share: the file being read and the scenario's duration for time checks.</summary>
internal sealed record ParseContext(string File, string Directory, double DurationSeconds)
{
    /// <summary>A game time within the run (0 .. duration).</summary>
    public double Time(YamlNode node, string what) =>
        YamlValues.Seconds(node, what, 0, DurationSeconds);

    public double RequiredTime(MappingReader reader, string key) =>
        Time(reader.Required(key, "a game time such as 30 or \"1m30s\""), reader.Describe(key));

    public static HarnessInputException Error(SourceLocation at, string message, string expected) =>
        new(at, message, expected);
}
