namespace BarHarness.Core.Diagnostics;

/// <summary>
/// Bad input from a user (a scenario file, a widget, a config): the CLI prints
/// "<c>file:line:col: message (expected ...)</c>" and exits non-zero, never a raw stack trace.
/// </summary>
public sealed class HarnessInputException : Exception
{
    public HarnessInputException(
        SourceLocation? location,
        string message,
        string? expected = null,
        Exception? inner = null)
        : base(message, inner)
    {
        Location = location;
        Expected = expected;
    }

    public SourceLocation? Location { get; }

    public string? Expected { get; }

    public string Describe()
    {
        var where = Location is null ? string.Empty : Location + ": ";
        var expected = Expected is null ? string.Empty : $" (expected {Expected})";
        return where + Message + expected;
    }
}
