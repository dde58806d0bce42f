namespace BarHarness.TestServer.Faults;

/// <summary>
/// A fault active from <see cref="Start"/> to <see cref="End"/> on <see cref="Clock"/> (µs or frames).
/// Without an end it lasts the fault's natural duration (restart: its delay) or, for an event such as
/// disconnect, one tick.
/// </summary>
public sealed record ScheduledFault(Fault Fault, long Start, long? End = null, FaultClock Clock = FaultClock.Wall)
{
    public bool HasStarted(long nowMicros, int gameFrame) => Position(nowMicros, gameFrame) >= Start;

    /// <summary>
    /// True once the window is over (an entry without an end is over after its natural duration, measured in wall µs
    /// from activation).
    /// </summary>
    public bool HasEnded(long nowMicros, int gameFrame, long activatedAtMicros)
    {
        if (End is { } end)
        {
            return Position(nowMicros, gameFrame) > end;
        }

        return nowMicros - activatedAtMicros > Fault.NaturalDurationMicros;
    }

    private long Position(long nowMicros, int gameFrame) => Clock == FaultClock.Wall ? nowMicros : gameFrame;
}
