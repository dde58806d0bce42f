namespace BarHarness.LuaHost.Tests.Differential;

/// <summary>
/// The harness's Lua 5.1 profile against the real thing: every probe in tests/probes/lua51 runs under
/// Debian's lua5.1 and under the harness at test time, and the transcripts must agree line by line,
/// except for the differences listed (with a reason) in the table of tests/probes/lua51/DIFFERENCES.md, which
/// <see cref="KnownLua51Differences"/> reads. A new difference fails the test.
/// </summary>
public sealed class Lua51DifferentialTests
{
    public static IEnumerable<object[]> Probes() => Lua51Probe.Names.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Probes))]
    public void Probe_transcript_matches_real_lua51_except_listed_differences(string probe)
    {
        var real = Lua51Probe.UnderRealLua51(probe);
        var harness = Lua51Probe.UnderHarness(probe);

        Assert.True(real.Count == harness.Count, $"probe {probe}: lua5.1 printed {real.Count} lines, the harness "
            + $"{harness.Count}:\n--- lua5.1\n{string.Join('\n', real)}\n--- harness\n{string.Join('\n', harness)}");
        var unlisted = new List<string>();
        for (var i = 0; i < real.Count; i++)
        {
            if (real[i] != harness[i] && !KnownLua51Differences.Allows(probe, LabelOf(real[i]), harness[i]))
            {
                unlisted.Add($"  {probe} [{LabelOf(real[i])}]\n    lua5.1 : {real[i]}\n    harness: {harness[i]}");
            }
        }

        Assert.True(unlisted.Count == 0, $"{unlisted.Count} difference(s) not in the allow-list (fix the profile or "
            + $"list them with a reason):\n{string.Join('\n', unlisted)}");
    }

    [Fact]
    public void Every_listed_difference_still_occurs()
    {
        // A stale entry would hide a future regression on the same line: each must still be a real difference.
        var stale = new List<string>();
        foreach (var difference in KnownLua51Differences.ForActiveVm)
        {
            var real = Lua51Probe.UnderRealLua51(difference.Probe);
            var harness = Lua51Probe.UnderHarness(difference.Probe);
            var index = real.ToList().FindIndex(l => LabelOf(l) == difference.Label);
            if (index < 0 || index >= harness.Count || real[index] == harness[index])
            {
                stale.Add($"{difference.Probe} [{difference.Label}]");
            }
        }

        Assert.True(stale.Count == 0, "allow-list entries that no longer differ (remove their rows from "
            + "DIFFERENCES.md): " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_documented_difference_names_a_probe_a_known_kind_and_a_reason()
    {
        var malformed = KnownLua51Differences.All.Where(d => !Lua51Probe.Names.Contains(d.Probe)
            || !KnownLua51Differences.Kinds.Contains(d.Kind) || d.Reason.Length == 0).Select(d => d.Label).ToList();

        Assert.NotEmpty(KnownLua51Differences.All);
        Assert.True(malformed.Count == 0, "rows of tests/probes/lua51/DIFFERENCES.md without a probe file, a kind "
            + "of the list there or a reason: " + string.Join(", ", malformed));
    }

    private static string LabelOf(string line)
    {
        var cut = line.IndexOf(" = ", StringComparison.Ordinal);
        var fail = line.IndexOf(" ! ", StringComparison.Ordinal);
        if (cut < 0 || (fail >= 0 && fail < cut))
        {
            cut = fail;
        }

        return cut < 0 ? line : line[..cut];
    }
}
