using System.Text.Json;

namespace BarHarness.Scenarios.Replay;

/// <summary>
/// One message of a serve recording: arrival time (wall µs since serve started), connection, the message itself.
/// </summary>
public sealed record RecordedMessage(long AtMicros, long Connection, JsonElement Message, int Line)
{
    public string? Type =>
        Message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    public int? Frame =>
        Message.TryGetProperty("frame", out var f) && f.ValueKind == JsonValueKind.Number && f.TryGetInt32(out var n)
            ? n
            : null;
}

/// <summary>
/// A .jsonl stream written by <c>barharness serve</c> (<c>{"at_us","conn","msg"}</c> per line;
/// lines with <c>invalid</c> or <c>rejected</c> instead of <c>msg</c> are counted, not replayed).
/// </summary>
public sealed record RecordedStream(IReadOnlyList<RecordedMessage> Messages, int UnreadableLines)
{
    public static RecordedStream Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new HarnessInputException(
                new SourceLocation(path, 1),
                "recording not found",
                "a .jsonl file written by barharness serve --record");
        }

        var messages = new List<RecordedMessage>();
        var unreadable = 0;
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new HarnessInputException(
                    new SourceLocation(path, lineNo, (int)(e.BytePositionInLine ?? 0) + 1),
                    "line is not JSON: " + e.Message,
                    "one JSON object per line, as barharness serve --record writes",
                    e);
            }

            var root = doc.RootElement;
            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("at_us", out var at)
                || !at.TryGetInt64(out var atMicros)
                || !root.TryGetProperty("conn", out var conn)
                || !conn.TryGetInt64(out var connection))
            {
                throw new HarnessInputException(
                    new SourceLocation(path, lineNo, 1),
                    "line lacks at_us or conn",
                    "{\"at_us\":N,\"conn\":N,\"msg\":{...}} as barharness serve --record writes");
            }

            if (root.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.Object)
            {
                messages.Add(new RecordedMessage(atMicros, connection, msg.Clone(), lineNo));
            }
            else
            {
                unreadable++; // invalid JSON or a rejected frame from the widget: nothing of the world to follow
            }
        }

        if (messages.Count == 0)
        {
            throw new HarnessInputException(
                new SourceLocation(path, Math.Max(lineNo, 1)),
                "recording holds no valid message",
                "at least one recorded widget message");
        }

        return new RecordedStream(messages, unreadable);
    }
}
