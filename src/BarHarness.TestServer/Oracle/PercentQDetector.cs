namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Recognises strings produced by Lua's <c>string.format("%q")</c>: it escapes a newline as a
/// backslash followed by a real newline and control bytes as <c>\ddd</c> decimals, both invalid
/// in JSON. In newline framing the backslash-newline splits the message, so a line ending in an
/// unescaped backslash is the same signature, and the line after it starts inside the string.
/// Valid JSON only has backslashes inside strings, in pairs or before <c>"\/bfnrtu</c>, so an
/// odd run of backslashes before a digit, a line break or the end is %q and nothing else.
/// </summary>
public static class PercentQDetector
{
    public static bool LooksPercentQEscaped(ReadOnlySpan<byte> payload)
    {
        var i = 0;
        while (i < payload.Length)
        {
            if (payload[i] != (byte)'\\')
            {
                i++;
                continue;
            }

            var run = 0;
            while (i < payload.Length && payload[i] == (byte)'\\')
            {
                run++;
                i++;
            }

            if (run % 2 == 0)
            {
                continue;
            }

            if (i >= payload.Length)
            {
                return true;
            }

            var next = payload[i];
            if (next is (byte)'\n' or (byte)'\r' || (next >= (byte)'0' && next <= (byte)'9'))
            {
                return true;
            }
        }

        return false;
    }
}
