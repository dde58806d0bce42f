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

        Assert.True(reference.SequenceEqual(harness), ProbeTranscriptDump.SideBySide("lua5.1 + LuaSocket (2.0.2 wording)", reference, "harness, real backend", harness));
    }

    [Theory]
    [MemberData(nameof(ProbeFiles.All), MemberType = typeof(ProbeFiles))]
    public void Harness_simulated_backend_agrees_with_its_real_backend(string probe)
    {
        var (real, _) = HarnessProbeRunner.Run("real", probe);
        var (simulated, _) = HarnessProbeRunner.Run("simulated", probe);

        Assert.True(real.SequenceEqual(simulated), ProbeTranscriptDump.SideBySide("harness, real backend", real, "harness, simulated backend", simulated));
    }
}
