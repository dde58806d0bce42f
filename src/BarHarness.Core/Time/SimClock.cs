namespace BarHarness.Core.Time;

/// <summary>
/// The one virtual clock of a run. Nothing whose outcome matters reads wall time: the simulation
/// advances this clock, and every subsystem (engine, network, faults) reads it.
/// Time is kept in whole microseconds so that sums are exact and runs replay bit for bit.
/// </summary>
public sealed class SimClock
{
    public const long MicrosPerSecond = 1_000_000;

    /// <summary>Virtual wall time since the start of the run, in microseconds.</summary>
    public long NowMicros { get; private set; }

    public double NowSeconds => NowMicros / (double)MicrosPerSecond;

    public void AdvanceTo(long micros)
    {
        if (micros < NowMicros)
        {
            throw new InvalidOperationException(
                $"virtual time cannot go back: now {NowMicros} µs, asked {micros} µs");
        }

        NowMicros = micros;
    }

    public void AdvanceBy(long micros) => AdvanceTo(NowMicros + micros);
}
