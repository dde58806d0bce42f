namespace BarHarness.Cli.Commands;

public static class ExitCodes
{
    public const int Passed = 0;
    public const int ExpectationFailed = 1;
    public const int BadInput = 2;
}
