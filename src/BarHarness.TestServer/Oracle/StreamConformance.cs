namespace BarHarness.TestServer.Oracle;

/// <summary>What a conformance check found: every violation (its <see cref="StreamViolation.AtMicros"/> is the input
/// line), and the oracle's totals.</summary>
public sealed record ConformanceReport(
    string Path,
    bool Recording,
    IReadOnlyList<StreamViolation> Violations,
    OracleStats Stats)
{
    public bool Conforms => Stats.TotalViolations == 0;
}

/// <summary>
/// Checks a recorded stream against every rule of widget/SCHEMA.md that needs no ground truth (the oracle
/// without an <see cref="ITruthSource"/>). Reads either the bytes a widget sent (one message per line in
/// newline framing, or length-prefixed) or a <c>barharness serve --record</c> file (<c>{"at_us","conn","msg"}</c>
/// per line). Violations are located by input line (newline framing, recordings) or message number (length framing).
/// </summary>
public static class StreamConformance
{
    public static ConformanceReport Check(string path, OracleOptions? options = null)
    {
        var bytes = UserFile.Access(
            path,
            1,
            "read the stream",
            "a .jsonl file of widget messages or a serve recording",
            () => File.ReadAllBytes(path));

        var oracle = new StreamOracle(options ?? new OracleOptions());
        var recording = IsRecording(bytes);
        if (recording)
        {
            FeedRecording(path, bytes, oracle);
        }
        else if (bytes.Length > 0 && bytes[0] == 0)
        {
            FeedLengthFramed(bytes, oracle);
        }
        else
        {
            FeedLines(bytes, oracle);
        }

        return new ConformanceReport(path, recording, oracle.Violations, oracle.Stats);
    }

    private static bool IsRecording(byte[] bytes)
    {
        var end = Array.IndexOf(bytes, (byte)'\n');
        var first = end < 0 ? bytes : bytes[..end];
        try
        {
            using var doc = JsonDocument.Parse(first);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("at_us", out _) && doc.RootElement.TryGetProperty("conn", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Newline framing: line N is message N; a last line without its newline was cut (§1.4).</summary>
    private static void FeedLines(byte[] bytes, StreamOracle oracle)
    {
        oracle.ConnectionOpened(1, 0);
        var line = 0;
        var start = 0;
        while (start < bytes.Length)
        {
            line++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                oracle.Observe(
                    1,
                    new FrameRejected(
                        start,
                        FrameFault.Truncated,
                        bytes.Length - start,
                        "the stream ends inside a message (no newline)"),
                    line);
                break;
            }

            var payload = bytes[start..end];
            if (payload.Any(b => b is not ((byte)' ' or (byte)'\r' or (byte)'\t')))
            {
                oracle.Observe(1, new FrameDecoded(start, payload), line);
            }

            start = end + 1;
        }

        oracle.ConnectionClosed(1, line);
    }

    private static void FeedLengthFramed(byte[] bytes, StreamOracle oracle)
    {
        oracle.ConnectionOpened(1, 0);
        var decoder = new AutoDetectFrameDecoder();
        var events = new List<FrameEvent>();
        decoder.Feed(bytes, events);
        decoder.Finish(events);
        var message = 0;
        foreach (var e in events)
        {
            oracle.Observe(1, e, ++message);
        }

        oracle.ConnectionClosed(1, message);
    }

    /// <summary>A serve recording: one decoder event per line, by connection. Who closed a connection is not recorded,
    /// so a torn tail is not the widget's fault here.</summary>
    private static void FeedRecording(string path, byte[] bytes, StreamOracle oracle)
    {
        var opened = new HashSet<long>();
        var lineNo = 0;
        foreach (var text in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(text);
                root = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new HarnessInputException(
                    new SourceLocation(path, lineNo),
                    "line is not JSON: " + ex.Message,
                    "one JSON object per line, as barharness serve --record writes",
                    ex);
            }

            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("conn", out var c)
                || !c.TryGetInt64(out var conn))
            {
                throw new HarnessInputException(
                    new SourceLocation(path, lineNo),
                    "line lacks conn",
                    "{\"at_us\":N,\"conn\":N,\"msg\":{...}} as barharness serve --record writes");
            }

            if (opened.Add(conn))
            {
                oracle.ConnectionOpened(conn, lineNo);
                oracle.ServerClosing(conn);
            }

            if (root.TryGetProperty("msg", out var msg))
            {
                oracle.Observe(conn, new FrameDecoded(0, Encoding.UTF8.GetBytes(msg.GetRawText())), lineNo);
            }
            else if (root.TryGetProperty("base64", out var raw) && raw.TryGetBytesFromBase64(out var payload))
            {
                oracle.Observe(conn, new FrameDecoded(0, payload), lineNo);
            }
            else if (
                root.TryGetProperty("rejected", out var fault)
                && Enum.TryParse<FrameFault>(fault.GetString(), out var kind))
            {
                var count = root.TryGetProperty("bytes", out var b) && b.TryGetInt64(out var n) ? n : 0;
                var detail = root.TryGetProperty("detail", out var d) ? d.GetString() ?? string.Empty : string.Empty;
                oracle.Observe(conn, new FrameRejected(0, kind, count, detail), lineNo);
            }
        }
    }
}
