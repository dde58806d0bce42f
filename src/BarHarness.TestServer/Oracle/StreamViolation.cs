namespace BarHarness.TestServer.Oracle;

/// <summary>
/// One broken promise, located in the stream: connection, arrival time, and the message's seq/frame when
/// known. <paramref name="Rule"/> is the SCHEMA.md section it breaks when more precise than the kind's.
/// </summary>
public sealed record StreamViolation(
    ViolationKind Kind,
    long ConnectionId,
    long AtMicros,
    string Detail,
    long? Seq = null,
    int? Frame = null,
    int? UnitId = null,
    string? Rule = null)
{
    /// <summary>The SCHEMA.md rule broken, e.g. "§3.2".</summary>
    public string RuleId => Rule ?? SchemaRules.Of(Kind).Id;

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

        return $"SCHEMA {RuleId}: {Kind} ({where}): {Detail}";
    }
}
