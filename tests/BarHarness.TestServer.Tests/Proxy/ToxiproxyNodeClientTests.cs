using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BarHarness.TestServer.Proxy;

namespace BarHarness.TestServer.Tests.Proxy;

/// <summary>
/// toxiproxy-node-client (npm, written by others) drives the proxy's Toxiproxy API against real byte
/// streams on loopback; tests/toxiproxy-node/measure.js measures each toxic and these tests judge
/// the numbers. Lower bounds are strict (a toxic never acts early or too little); upper bounds are
/// generous, for a loaded two-core machine.
/// </summary>
public sealed class ToxiproxyNodeClientTests : IClassFixture<ToxiproxyNodeClientTests.Measurements>
{
    private readonly JsonElement _m;

    public ToxiproxyNodeClientTests(Measurements measurements) => _m = measurements.Result;

    [Fact]
    public void Every_client_call_succeeds_and_version_names_the_proxy()
    {
        Assert.False(_m.TryGetProperty("failure", out var failure), failure.ToString());
        var calls = _m.GetProperty("calls").EnumerateArray().Select(c => c.GetString()!).ToArray();
        string[] expected =
            ["createProxy", "addToxic", "update", "getToxic", "remove", "reset", "get", "populate", "getAll"];
        Assert.Equal(expected, calls);
        Assert.Contains("barharness-proxy", _m.GetProperty("version").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_adds_at_least_its_milliseconds_downstream_and_upstream_and_goes_when_removed()
    {
        var toxic = _m.GetProperty("latencyToxic");
        Assert.Equal("latency_downstream", toxic.GetProperty("name").GetString());
        Assert.Equal("downstream", toxic.GetProperty("stream").GetString());
        Assert.True(Ms("latencyMs") >= 400, $"latency 400 gave a round trip of {Ms("latencyMs")} ms");
        Assert.True(Ms("latencyUpdatedMs") >= 700, $"updated to 700 gave {Ms("latencyUpdatedMs")} ms");
        Assert.Equal(700, _m.GetProperty("latencyShown").GetDouble());
        Assert.True(Ms("latencyRemovedMs") < 400, $"removed, still {Ms("latencyRemovedMs")} ms");
        Assert.Equal("latency_upstream", _m.GetProperty("upstreamLatencyName").GetString());
        Assert.True(Ms("upstreamLatencyMs") >= 300, $"upstream latency 300 gave {Ms("upstreamLatencyMs")} ms");
    }

    [Fact]
    public void Toxicity_zero_touches_no_connection()
    {
        Assert.True(Ms("toxicityZeroMs") < 1500, $"a 1500 ms latency with toxicity 0 gave {Ms("toxicityZeroMs")} ms");
    }

    [Fact]
    public void Bandwidth_caps_the_rate_at_its_kilobytes_per_second()
    {
        var b = _m.GetProperty("bandwidth");
        Assert.Equal(100_000, b.GetProperty("total").GetInt32());
        var seconds = b.GetProperty("ms").GetDouble() / 1000;
        var kbPerSecond = 100.0 / seconds;
        Assert.True(kbPerSecond <= 40 * 1.05, $"40 KB/s cap measured {kbPerSecond:0.0} KB/s");
        Assert.True(kbPerSecond >= 40 / 6.0, $"40 KB/s cap measured only {kbPerSecond:0.0} KB/s");
    }

    [Fact]
    public void Slicer_delivers_slices_of_the_average_size_spaced_by_the_delay()
    {
        var s = _m.GetProperty("slicer");
        Assert.Equal(1000, s.GetProperty("total").GetInt32());
        var sizes = s.GetProperty("chunks").EnumerateArray().Select(c => c.GetProperty("size").GetInt32())
            .Order().ToArray();
        Assert.True(sizes.Length >= 5, $"1000 bytes in slices of 100 arrived in {sizes.Length} pieces");
        Assert.True(sizes[sizes.Length / 2] <= 100, $"median piece {sizes[sizes.Length / 2]} bytes");
        var ms = s.GetProperty("ms").GetDouble();
        Assert.True(ms >= (9 * 40) - 5, $"ten slices 40 ms apart took {ms} ms");
    }

    [Fact]
    public void Limit_data_closes_after_exactly_its_bytes_in_either_direction()
    {
        var down = _m.GetProperty("limitData");
        Assert.Equal(1000, down.GetProperty("total").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, down.GetProperty("ended").ValueKind);

        var up = _m.GetProperty("limitDataUpstream");
        Assert.Equal(1000, up.GetProperty("consumerReceived").GetInt32());
        Assert.NotEqual("still open", up.GetProperty("how").GetString());
    }

    [Fact]
    public void Timeout_stops_the_data_then_closes_after_its_milliseconds()
    {
        var t = _m.GetProperty("timeout");
        Assert.Equal(0, t.GetProperty("bytes").GetInt32());
        Assert.Contains(t.GetProperty("how").GetString(), new[] { "ECONNRESET", "end", "close" });
        var ms = t.GetProperty("ms").GetDouble();
        Assert.True(ms >= 600 - 5, $"timeout 600 closed after {ms} ms");
    }

    [Fact]
    public void Reset_peer_resets_the_connection_after_its_timeout()
    {
        var r = _m.GetProperty("resetPeer");
        Assert.Equal("ECONNRESET", r.GetProperty("how").GetString());
        var ms = r.GetProperty("ms").GetDouble();
        Assert.True(ms >= 300 - 5, $"reset_peer 300 reset after {ms} ms");
    }

    [Fact]
    public void A_disabled_proxy_refuses_connections_and_reset_enables_it_without_toxics()
    {
        Assert.Equal("ECONNREFUSED", _m.GetProperty("disabledConnect").GetString());
        Assert.True(_m.GetProperty("afterReset").GetProperty("enabled").GetBoolean());
        Assert.Equal(0, _m.GetProperty("afterReset").GetProperty("toxics").GetInt32());
        Assert.True(Ms("afterResetMs") < 50, $"the 50 ms latency survived reset: {Ms("afterResetMs")} ms");
    }

    [Fact]
    public void Populate_list_and_delete_behave_as_toxiproxy()
    {
        Assert.Equal(["populated"], _m.GetProperty("populated").EnumerateArray().Select(p => p.GetString()!));
        var all = _m.GetProperty("all").EnumerateArray().Select(p => p.GetString()!);
        Assert.Equal(["echo", "populated", "sink", "source"], all);
        Assert.Contains("404", _m.GetProperty("afterRemove").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_types_attributes_and_streams_are_refused_by_name_in_toxiproxys_error_shape()
    {
        var refusals = _m.GetProperty("refusals").EnumerateArray().ToArray();
        string[] named = ["'bogus'", "'nonsense'", "'sideways'", "'disconnect'"];
        Assert.Equal(named.Length, refusals.Length);
        foreach (var (refusal, name) in refusals.Zip(named))
        {
            Assert.Equal(400, refusal.GetProperty("status").GetInt32());
            Assert.Equal(400, refusal.GetProperty("body").GetProperty("status").GetInt32());
            var error = refusal.GetProperty("body").GetProperty("error").GetString();
            Assert.Contains(name, error, StringComparison.Ordinal);
        }

        Assert.Equal("ToxiproxyError", _m.GetProperty("clientRejects").GetString());
    }

    private double Ms(string name) => _m.GetProperty(name).GetDouble();

    /// <summary>Runs the proxy in-process and measure.js against it once for all the facts above.</summary>
    public sealed class Measurements : IDisposable
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

        public Measurements()
        {
            var folder = Path.Combine(TestEnvironment.RepositoryRoot(), "tests", "toxiproxy-node");
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "toxiproxy-node-client")))
            {
                throw new InvalidOperationException(
                    $"toxiproxy-node-client is not installed: run 'npm ci' in {folder} (.ci/run does)");
            }

            using var proxies = new ProxyCollection(seed: 3);
            using var stop = new CancellationTokenSource();
            var pump = proxies.RunAsync(stop.Token);
            using var api = new ToxiproxyApi(proxies, TestEnvironment.FreeLoopbackPort());
            api.Start();
            using var node = Process.Start(new ProcessStartInfo("node", ["measure.js", api.Url])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("node did not start");
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            if (!node.WaitForExit(Limit))
            {
                node.Kill(entireProcessTree: true);
                throw new TimeoutException($"measure.js ran past {Limit.TotalSeconds} s");
            }

            stop.Cancel();
            pump.GetAwaiter().GetResult();
            var text = output.GetAwaiter().GetResult();
            if (text.Length == 0)
            {
                throw new InvalidOperationException("measure.js printed nothing: " + errors.GetAwaiter().GetResult());
            }

            using var document = JsonDocument.Parse(text);
            Result = document.RootElement.Clone();
        }

        public JsonElement Result { get; }

        public void Dispose()
        {
        }
    }
}
