namespace BarHarness.Core.Diagnostics;

/// <summary>Where in a user's file something is: every error about user input names one.</summary>
public sealed record SourceLocation(string File, int Line, int Column = 0)
{
    public override string ToString() => Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}";
}
