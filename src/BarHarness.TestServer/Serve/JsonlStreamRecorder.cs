namespace BarHarness.TestServer.Serve;

/// <summary>
/// Writes the received stream to a .jsonl file, one line per message:
/// <c>{"at_us":..,"conn":..,"msg":{...}}</c> for valid JSON (kept byte for byte), and
/// <c>{"at_us":..,"conn":..,"invalid":"text","base64":"..."}</c> or <c>{"...","rejected":"Truncated","bytes":n}</c>
/// otherwise.
/// </summary>
public sealed class JsonlStreamRecorder : IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public JsonlStreamRecorder(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = false });
    }

    public static JsonlStreamRecorder Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024));

    public long Lines { get; private set; }

    public void Record(long connectionId, FrameEvent frameEvent, long atMicros)
    {
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteNumber("at_us", atMicros);
        _writer.WriteNumber("conn", connectionId);
        switch (frameEvent)
        {
            case FrameDecoded decoded when IsJson(decoded.Payload):
                _writer.WritePropertyName("msg");
                _writer.WriteRawValue(decoded.Payload, skipInputValidation: true);
                break;
            case FrameDecoded decoded:
                _writer.WriteString("invalid", Encoding.UTF8.GetString(decoded.Payload));
                _writer.WriteBase64String("base64", decoded.Payload);
                break;
            case FrameRejected rejected:
                _writer.WriteString("rejected", rejected.Fault.ToString());
                _writer.WriteNumber("bytes", rejected.ByteCount);
                _writer.WriteString("detail", rejected.Detail);
                break;
        }

        _writer.WriteEndObject();
        _writer.Flush();
        _stream.Write(NewLine);
        Lines++;
    }

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private static bool IsJson(byte[] payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
