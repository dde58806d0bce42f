namespace BarHarness.Cli.Serve;

/// <summary>
/// The live view shared by <c>serve</c> and <c>proxy</c>: a refreshing table with fault keys on a
/// terminal, one plain line a second otherwise. Keys run through <paramref name="guard"/>, so the
/// caller decides what they may interleave with.
/// </summary>
internal static class LiveConsole
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(1);

    public static bool IsInteractive =>
        !System.Console.IsInputRedirected
        && !System.Console.IsOutputRedirected
        && AnsiConsole.Profile.Capabilities.Interactive;

    public static void Run(ServeSession session, CancellationTokenSource stop, Action<Action> guard)
    {
        if (IsInteractive)
        {
            ShowLive(session, stop, guard);
        }
        else
        {
            PrintLines(session, stop.Token);
        }
    }

    /// <summary>
    /// Prints the final line and the recent violations; the exit code: 0 for a valid stream, 1 otherwise.
    /// </summary>
    public static int Summarise(string command, ServeStatistics final)
    {
        System.Console.Out.WriteLine(ServeStatisticsView.Line(final));
        foreach (var v in final.RecentViolations)
        {
            System.Console.Out.WriteLine("violation: " + ServeStatisticsView.Describe(v));
        }

        System.Console.Out.WriteLine(final.Violations == 0
            ? $"{command}: stream valid (no violations)"
            : string.Create(CultureInfo.InvariantCulture, $"{command}: {final.Violations} violation(s)"));
        return final.Violations == 0 ? Commands.ExitCodes.Passed : Commands.ExitCodes.ExpectationFailed;
    }

    private static void ShowLive(ServeSession session, CancellationTokenSource stop, Action<Action> guard)
    {
        var keys = new ServeKeyState();
        var table = ServeStatisticsView.Table(session.Snapshot(), ServeKeyBindings.Legend);
        AnsiConsole.Live(table).AutoClear(false).Start(live =>
        {
            while (!stop.IsCancellationRequested)
            {
                while (System.Console.KeyAvailable)
                {
                    var key = ServeKeyBindings.Find(System.Console.ReadKey(intercept: true).KeyChar);
                    if (key is not null)
                    {
                        guard(() => key.Apply(session, keys));
                    }
                }

                if (keys.QuitRequested)
                {
                    stop.Cancel();
                }

                live.UpdateTarget(ServeStatisticsView.Table(session.Snapshot(), ServeKeyBindings.Legend));
                stop.Token.WaitHandle.WaitOne(RefreshInterval);
            }
        });
    }

    private static void PrintLines(ServeSession session, CancellationToken stop)
    {
        while (!stop.WaitHandle.WaitOne(PlainLineInterval))
        {
            System.Console.Out.WriteLine(ServeStatisticsView.Line(session.Snapshot()));
        }
    }
}
