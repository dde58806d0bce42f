namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Recognises strings produced by Lua's <c>string.format("%q")</c>: it escapes a newline as a
/// backslash followed by a real newline and control bytes as <c>\ddd</c> decimals, both invalid
/// in JSON. In newline framing the backslash-newline splits the message, so a line ending in an
/// unescaped backslash is the same signature.
/// </summary>
public static class PercentQDetector
{
    public static bool LooksPercentQEscaped(ReadOnlySpan<byte> payload)
    {
        var inString = false;
        for (var i = 0; i < payload.Length; i++)
        {
            var b = payload[i];
            if (!inString)
            {
                inString = b == (byte)'"';
                continue;
            }

            if (b == (byte)'"')
            {
                inString = false;
                continue;
            }

            if (b != (byte)'\\')
            {
                continue;
            }

            if (i + 1 >= payload.Length)
            {
                return true; // the line was cut right after a backslash: %q's escaped newline
            }

            var next = payload[i + 1];
            if (next is (byte)'\n' or (byte)'\r' || (next >= (byte)'0' && next <= (byte)'9'))
            {
                return true;
            }

            i++; // skip the escaped character
        }

        return false;
    }
}
