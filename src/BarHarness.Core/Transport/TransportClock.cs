namespace BarHarness.Core.Transport;

/// <summary>Advancing a transport's clock so that internal events are processed in time order.</summary>
public static class TransportClock
{
    /// <summary>Advances the clock to <paramref name="micros"/>, pumping at every internal event on the way.</summary>
    public static void AdvanceTo(this ITransport transport, long micros)
    {
        transport.Pump();
        while (transport.NextEventMicros is { } next && next <= micros)
        {
            if (next > transport.Clock.NowMicros)
            {
                transport.Clock.AdvanceTo(next);
            }

            transport.Pump();
        }

        if (micros > transport.Clock.NowMicros)
        {
            transport.Clock.AdvanceTo(micros);
        }

        transport.Pump();
    }

    public static void AdvanceBy(this ITransport transport, long micros) =>
        transport.AdvanceTo(transport.Clock.NowMicros + micros);
}
