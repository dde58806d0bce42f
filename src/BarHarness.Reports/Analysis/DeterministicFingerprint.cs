using System.Buffers.Binary;
using System.Security.Cryptography;

namespace BarHarness.Reports.Analysis;

/// <summary>
/// A SHA-256 over everything in a scenario result that must repeat exactly for the same seed and
/// widget: per-frame counters and cost, units, fault flags, queue depth, freshness, heap samples,
/// network and console counts, oracle findings. Real-time figures (µs, wall seconds) and expectation
/// verdicts (some bound real time) are left out. Two runs agreeing on it are the same run;
/// "same seed, same results" is checked by comparing fingerprints.
/// </summary>
public static class DeterministicFingerprint
{
    public static string Of(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Text(hash, scenario.Name);
        Long(hash, (long)scenario.Seed);
        Text(hash, scenario.WidgetSha256);
        Double(hash, scenario.DurationGameSeconds);

        var f = scenario.Frames;
        Text(hash, f.Digest); // every frame, even when the chart points below are downsampled
        Long(hash, f.Count);
        for (var i = 0; i < f.Count; i++)
        {
            Long(hash, f.Frame[i]);
            Double(hash, f.GameSeconds[i]);
            Long(hash, f.Units[i]);
            Long(hash, f.LuaInstructions[i]);
            Long(hash, f.EngineCalls[i]);
            Long(hash, f.AllocBytes[i]);
            Long(hash, f.AllocCount[i]);
            Double(hash, f.Cost[i]);
            Long(hash, f.FaultFlags.Count > i ? f.FaultFlags[i] : 0);
            Long(hash, f.QueueDepth is { } q ? q[i] : -1);
            Double(hash, f.FreshnessSeconds is { } fresh ? fresh[i] : -1);
        }

        foreach (var h in scenario.Leak.HeapSamples)
        {
            Double(hash, h.GameSeconds);
            Long(hash, h.Bytes);
        }

        var n = scenario.Network;
        foreach (var count in new[] { n.BytesSent, n.BytesReceived, n.Messages, n.Reconnects, n.DropsDeclared })
        {
            Long(hash, count);
        }

        foreach (var v in n.OracleViolations)
        {
            Text(hash, v.Rule);
            Text(hash, v.Message);
        }

        Long(hash, scenario.Console.Lines);
        Long(hash, scenario.Console.MaxLinesPerGameMinute);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Text(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Long(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void Long(IncrementalHash hash, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.AppendData(buffer);
    }

    private static void Double(IncrementalHash hash, double value) => Long(hash, BitConverter.DoubleToInt64Bits(value));
}
