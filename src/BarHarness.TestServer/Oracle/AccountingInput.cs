namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Byte totals of the widget-to-server direction, from the transport's counters
/// (<c>ConnectionCounters</c> of the widget's ends, summed over connections).
/// </summary>
/// <param name="BytesHandedToSend">Bytes the widget's sends accepted (sum of the widget ends' BytesWritten).</param>
/// <param name="BytesLostAtReset">Bytes the widget wrote that resets threw away before the server read them.</param>
/// <param name="BytesInFlight">Bytes still queued between the ends (0 once every connection is finished).</param>
public sealed record AccountingInput(long BytesHandedToSend, long BytesLostAtReset, long BytesInFlight);
