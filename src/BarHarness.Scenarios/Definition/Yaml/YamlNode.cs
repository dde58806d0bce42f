namespace BarHarness.Scenarios.Definition.Yaml;

/// <summary>
/// A node of a scenario file, built from YamlDotNet's parser events so that every node keeps the
/// place it was written at: every error about a scenario names file, line and column.
/// </summary>
public abstract record YamlNode(SourceLocation Location)
{
    /// <summary>What a user would call this kind of node, for "expected X, got Y" messages.</summary>
    public abstract string KindName { get; }
}

/// <summary>
/// A scalar; <paramref name="IsPlain"/> is false for quoted and block scalars, which are always strings.
/// </summary>
public sealed record YamlScalar(SourceLocation Location, string Value, bool IsPlain) : YamlNode(Location)
{
    public override string KindName => IsPlain ? $"'{Value}'" : $"the string \"{Value}\"";

    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar (YAML core schema null).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

public sealed record YamlSequence(SourceLocation Location, IReadOnlyList<YamlNode> Items) : YamlNode(Location)
{
    public override string KindName => "a list";
}

/// <summary>A mapping whose keys are scalars, in file order.</summary>
public sealed record YamlMapping(SourceLocation Location, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries)
    : YamlNode(Location)
{
    public override string KindName => "a mapping";
}
