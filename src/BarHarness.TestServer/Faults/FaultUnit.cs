namespace BarHarness.TestServer.Faults;

/// <summary>The unit a fault parameter is counted in; scenario files name it in the key (<c>delay_ms</c>).</summary>
public enum FaultUnit
{
    /// <summary>Bytes or another plain count: no suffix in scenario keys.</summary>
    Count,

    Microseconds,

    Milliseconds,

    Seconds,

    /// <summary>Kilobytes (1000 bytes, as Toxiproxy counts them) per second.</summary>
    KilobytesPerSecond,
}
