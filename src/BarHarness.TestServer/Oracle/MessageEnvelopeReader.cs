namespace BarHarness.TestServer.Oracle;

/// <summary>Reads and checks the envelope fields every message carries; reports what is wrong instead of
/// throwing.</summary>
internal sealed class MessageEnvelopeReader(OracleOptions options)
{
    private MessageFieldMap F => options.Fields;

    public ParsedMessage? Read(JsonElement root, Action<ViolationKind, string, long?, int?> report)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            report(ViolationKind.InvalidJson, $"top level is a JSON {root.ValueKind}, not an object", null, null);
            return null;
        }

        var seq = ReadInteger(root, F.Seq, report);
        var frame = ReadInteger(root, F.Frame, report);
        long? seqValue = seq;
        int? frameValue = frame is { } fr && fr is >= 0 and <= int.MaxValue ? (int)fr : null;

        var ok = true;
        if (!root.TryGetProperty(F.SchemaVersion, out var version))
        {
            report(ViolationKind.MissingField, $"no \"{F.SchemaVersion}\"", seqValue, frameValue);
            ok = false;
        }
        else if (
            version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt64(out var v)
            || v != options.ExpectedSchemaVersion)
        {
            report(
                ViolationKind.SchemaVersionMismatch,
                $"\"{F.SchemaVersion}\" is {version.GetRawText()}, expected {options.ExpectedSchemaVersion}",
                seqValue,
                frameValue);
        }

        string? type = null;
        if (!root.TryGetProperty(F.Type, out var typeElement))
        {
            report(ViolationKind.MissingField, $"no \"{F.Type}\"", seqValue, frameValue);
            ok = false;
        }
        else if (typeElement.ValueKind != JsonValueKind.String)
        {
            report(
                ViolationKind.BadFieldValue,
                $"\"{F.Type}\" is a {typeElement.ValueKind}, not a string",
                seqValue,
                frameValue);
            ok = false;
        }
        else
        {
            type = typeElement.GetString()!;
            if (!MessageTypes.All.Contains(type))
            {
                report(ViolationKind.UnknownMessageType, $"type \"{type}\"", seqValue, frameValue);
                ok = false;
            }
        }

        if (seq is null)
        {
            ok = false;
        }
        else if (seq < 0 || seq >= SeqSpace.Modulus)
        {
            report(ViolationKind.BadFieldValue, $"seq {seq} outside [0, 2^24)", seqValue, frameValue);
            ok = false;
        }

        if (frame is null)
        {
            ok = false;
        }
        else if (frameValue is null)
        {
            report(ViolationKind.BadFieldValue, $"frame {frame} is negative or too large", seqValue, null);
            ok = false;
        }

        long? dropped = null;
        if (root.TryGetProperty(F.Dropped, out var droppedElement) && droppedElement.ValueKind == JsonValueKind.Number
            && droppedElement.TryGetDouble(out var d) && d >= 0)
        {
            dropped = (long)d;
        }

        var window = 0;
        if (
            root.TryGetProperty(F.SampleWindow, out var windowElement)
            && windowElement.ValueKind == JsonValueKind.Number
            && windowElement.TryGetInt32(out var w)
            && w > 0)
        {
            window = Math.Min(w, options.MaxSampleWindow);
        }

        return ok ? new ParsedMessage(root, type!, seq!.Value, frameValue!.Value, dropped, window) : null;
    }

    private static long? ReadInteger(JsonElement root, string name, Action<ViolationKind, string, long?, int?> report)
    {
        if (!root.TryGetProperty(name, out var element))
        {
            report(ViolationKind.MissingField, $"no \"{name}\"", null, null);
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value)
            && value == Math.Floor(value) && Math.Abs(value) < 9e15)
        {
            return (long)value;
        }

        report(ViolationKind.BadFieldValue, $"\"{name}\" is {element.GetRawText()}, not an integer", null, null);
        return null;
    }
}
