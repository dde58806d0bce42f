namespace BarHarness.Network.Tests.Probes;

/// <summary>
/// Each probe runs three ways: real lua5.1 + Debian LuaSocket against a loopback peer, the harness
/// with its real backend, and the harness with its simulated backend. The transcripts must agree,
/// after the documented LuaSocket 3.0 vs 2.0.2 differences (tests/probes/socket/DIFFERENCES.md).
/// </summary>
public sealed class SocketProbeDifferentialTests
{
    [Theory]
    [MemberData(nameof(ProbeFiles.All), MemberType = typeof(ProbeFiles))]
    public void Harness_real_backend_agrees_with_real_lua51_luasocket(string probe)
    {
        var reference = KnownDifferences.ToLuaSocket202(RealLuaProbeRunner.Run(probe));
        var (harness, _) = HarnessProbeRunner.Run("real", probe);

        Assert.True(
            reference.SequenceEqual(harness),
            ProbeTranscriptDump.SideBySide("lua5.1 + LuaSocket (2.0.2 wording)", reference, "harness, real backend",
                harness));
    }

    [Theory]
    [MemberData(nameof(ProbeFiles.All), MemberType = typeof(ProbeFiles))]
    public void Harness_simulated_backend_agrees_with_its_real_backend(string probe)
    {
        var (real, _) = HarnessProbeRunner.Run("real", probe);
        var (simulated, _) = HarnessProbeRunner.Run("simulated", probe);

        Assert.True(
            real.SequenceEqual(simulated),
            ProbeTranscriptDump.SideBySide("harness, real backend", real, "harness, simulated backend", simulated));
    }
}

/// <summary>What only the harness can say about a probe run: blocking calls and replayability.</summary>
public sealed class SocketProbeHarnessTests
{
    [Fact]
    public void Blocking_probe_records_every_call_made_with_a_timeout_other_than_zero()
    {
        var (_, api) = HarnessProbeRunner.Run("simulated", "stats_blocking.lua");

        Assert.Equal(
            ["receive", "receive", "sleep", "receive", "select"],
            api.Statistics.BlockingCalls.Select(c => c.Function));
        Assert.All(api.Statistics.BlockingCalls, c => Assert.Contains("stats_blocking.lua", c.Traceback));
        Assert.Null(api.Statistics.BlockingCalls[3].TimeoutSeconds); // settimeout(nil): forever
    }

    [Theory]
    [MemberData(nameof(ProbeFiles.All), MemberType = typeof(ProbeFiles))]
    public void Simulated_probe_runs_replay_identically(string probe)
    {
        var (first, api1) = HarnessProbeRunner.Run("simulated", probe);
        var (second, api2) = HarnessProbeRunner.Run("simulated", probe);

        Assert.Equal(first, second);
        Assert.Equal(api1.Statistics.BytesSent, api2.Statistics.BytesSent);
    }
}
