namespace BarHarness.Cli.Commands;

public static class ExitCodes
{
    public const int Passed = 0;
    public const int ExpectationFailed = 1;
    public const int BadInput = 2;

    /// <summary>The harness itself failed (a bug to report), never a verdict on the widget.</summary>
    public const int InternalError = 3;
}
