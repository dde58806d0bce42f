namespace BarHarness.Cli.Serve;

/// <summary>The end of serve's and proxy's first line: what the session does besides relaying.</summary>
internal static class ServeBanner
{
    /// <summary><c>, recording to PATH, N scheduled fault(s)</c>, each part only when it applies.</summary>
    public static string Extras(ServeOptions? options) =>
        (options?.RecordPath is { } r ? $", recording to {r}" : string.Empty)
        + (options?.Schedule is { } s ? $", {s.Entries.Count} scheduled fault(s)" : string.Empty);
}
