namespace BarHarness.TestServer.Framing;

/// <summary>Encodes payloads in either framing: for tests, fixtures and the garbage fault.</summary>
public static class FrameEncoder
{
    public static byte[] Encode(FramingKind kind, ReadOnlySpan<byte> payload)
    {
        if (kind == FramingKind.LengthPrefixed)
        {
            var framed = new byte[payload.Length + 4];
            BinaryPrimitives.WriteUInt32BigEndian(framed, (uint)payload.Length);
            payload.CopyTo(framed.AsSpan(4));
            return framed;
        }

        var line = new byte[payload.Length + 1];
        payload.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }
}
