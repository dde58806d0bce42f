using System.Diagnostics;

namespace BarHarness.Network.LuaSocket;

/// <summary>What a LuaSocket call with a non-zero timeout does while it "waits".</summary>
public interface IBlockingWait
{
    /// <summary>Waits until <paramref name="ready"/> holds or the timeout (null: forever) passes; returns
    /// <paramref name="ready"/>'s last answer.</summary>
    bool WaitUntil(Func<bool> ready, double? timeoutSeconds);

    void Sleep(double seconds);
}

/// <summary>
/// Simulated mode: never waits and never advances the clock (the call is recorded as blocking
/// instead), so a blocking call answers exactly as a zero-timeout call made at that moment.
/// </summary>
public sealed class NoWait : IBlockingWait
{
    public bool WaitUntil(Func<bool> ready, double? timeoutSeconds) => ready();

    public void Sleep(double seconds)
    {
    }
}

/// <summary>Real mode: waits on the wall clock, but never longer than <paramref name="cap"/> (the harness must not
/// freeze).</summary>
public sealed class CappedWallWait(TimeSpan cap) : IBlockingWait
{
    public bool WaitUntil(Func<bool> ready, double? timeoutSeconds)
    {
        var limit = Limit(timeoutSeconds);
        var watch = Stopwatch.StartNew(); // measurement of a real wait, never a simulated outcome
        while (!ready())
        {
            if (watch.Elapsed >= limit)
            {
                return ready();
            }

            Thread.Sleep(1);
        }

        return true;
    }

    public void Sleep(double seconds) => Thread.Sleep(Limit(seconds));

    private TimeSpan Limit(double? seconds) =>
        seconds is { } s && s >= 0 && TimeSpan.FromSeconds(s) < cap ? TimeSpan.FromSeconds(s) : cap;
}
