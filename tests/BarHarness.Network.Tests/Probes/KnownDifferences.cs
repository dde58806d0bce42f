using System.Text.RegularExpressions;

namespace BarHarness.Network.Tests.Probes;

/// <summary>
/// Debian ships LuaSocket 3.0; BAR embeds 2.0.2. Where their answers differ by design, the 3.0
/// transcript is rewritten into 2.0.2's wording here, one rule per documented difference
/// (tests/probes/socket/DIFFERENCES.md). Nothing else is forgiven.
/// </summary>
public static partial class KnownDifferences
{
    public static IReadOnlyList<string> ToLuaSocket202(IEnumerable<string> transcript) =>
        transcript.Select(Rewrite).ToList();

    private static string Rewrite(string line)
    {
        // D1: getpeername/getsockname add the address family ("inet") as a third value in 3.0.
        if (line is "getpeername count -> 1: 3" or "getsockname count -> 1: 3")
        {
            return line[..^1] + "2";
        }

        // D2: 3.0's getsockname gives the port as a string; 2.0.2 as a number.
        if (line.StartsWith("getsockname ", StringComparison.Ordinal)
            && line.EndsWith(", \"string\"", StringComparison.Ordinal))
        {
            line = line[..^"\"string\"".Length] + "\"number\"";
        }

        // D3: a failing getpeername says strerror(errno) in 3.0, "getpeername failed" in 2.0.2.
        var failed = PeerNameFailure().Match(line);
        if (failed.Success)
        {
            return failed.Groups[1].Value + "nil, \"getpeername failed\"";
        }

        // D4: 3.0 reads connect's port with luaL_checkstring (a service name); 2.0.2 with luaL_checknumber.
        line = line.Replace(
            "bad argument #2 to 'connect' (string expected,",
            "bad argument #2 to 'connect' (number expected,",
            StringComparison.Ordinal);

        return line;
    }

    [GeneratedRegex("^(getpeername[^>]*-> 2: )nil, \".*\"$")]
    private static partial Regex PeerNameFailure();

}
