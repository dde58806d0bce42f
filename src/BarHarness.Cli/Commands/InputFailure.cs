namespace BarHarness.Cli.Commands;

/// <summary>
/// Turns a failure the user can fix (a busy port, a bad address) into an input error that says what
/// was expected, so the CLI prints it as one line instead of a stack trace.
/// </summary>
internal static class InputFailure
{
    public static T Explain<T, TException>(Func<T> attempt, Func<TException, string> problem, string expected)
        where TException : Exception
    {
        try
        {
            return attempt();
        }
        catch (TException e)
        {
            throw new HarnessInputException(null, problem(e), expected);
        }
    }

    public static void Explain<TException>(Action attempt, Func<TException, string> problem, string expected)
        where TException : Exception =>
        Explain<bool, TException>(
            () =>
            {
                attempt();
                return true;
            },
            problem,
            expected);
}
