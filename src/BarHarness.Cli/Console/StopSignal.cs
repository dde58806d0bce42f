namespace BarHarness.Cli.Console;

/// <summary>
/// Ends a long-running command cleanly (recording flushed, summary printed) on Ctrl+C, or after an
/// optional number of seconds.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly ConsoleCancelEventHandler _onCancel;

    public StopSignal(double? seconds)
    {
        _onCancel = (_, e) =>
        {
            e.Cancel = true;
            Source.Cancel();
        };
        System.Console.CancelKeyPress += _onCancel;
        if (seconds is { } limit)
        {
            Source.CancelAfter(TimeSpan.FromSeconds(limit));
        }
    }

    public CancellationTokenSource Source { get; } = new();

    /// <summary>The <c>--seconds</c> option whose value a <see cref="StopSignal"/> takes.</summary>
    public static Option<double?> CreateSecondsOption() =>
        new("--seconds") { Description = "Stop after this many seconds (default: until Ctrl+C or q)" };

    public void Dispose()
    {
        System.Console.CancelKeyPress -= _onCancel;
        Source.Dispose();
    }
}
