namespace BarHarness.TestServer.Oracle;

/// <summary>One broken promise, located in the stream: connection, arrival time, and the message's seq/frame when known.</summary>
public sealed record StreamViolation(
    ViolationKind Kind,
    long ConnectionId,
    long AtMicros,
    string Detail,
    long? Seq = null,
    int? Frame = null,
    int? UnitId = null)
{
    public override string ToString()
    {
        var where = $"conn {ConnectionId} @{AtMicros}µs";
        if (Seq is { } s)
        {
            where += $" seq {s}";
        }

        if (Frame is { } f)
        {
            where += $" frame {f}";
        }

        if (UnitId is { } u)
        {
            where += $" unit {u}";
        }

        return $"{Kind} ({where}): {Detail}";
    }
}
