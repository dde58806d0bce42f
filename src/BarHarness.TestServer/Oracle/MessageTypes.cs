namespace BarHarness.TestServer.Oracle;

/// <summary>The message types the widget sends.</summary>
public static class MessageTypes
{
    public const string Hello = "hello";
    public const string Snapshot = "snapshot";
    public const string Delta = "delta";
    public const string Heartbeat = "heartbeat";
    public const string Status = "status";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Hello, Snapshot, Delta, Heartbeat, Status,
    };
}
