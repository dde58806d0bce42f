using System.Net;
using System.Text.Json.Nodes;
using BarHarness.TestServer.Faults;
using BarHarness.TestServer.Toxiproxy;

namespace BarHarness.TestServer.Tests.Toxiproxy;

public sealed class ToxiproxyClientTests : IDisposable
{
    private readonly ToxiproxyStandIn _standIn = new();
    private readonly ToxiproxyClient _client;

    public ToxiproxyClientTests() => _client = ToxiproxyClient.Create(_standIn.BaseAddress);

    public void Dispose() => _standIn.Dispose();

    private static readonly ProxySpec Proxy = new("barharness", "127.0.0.1:28765", "127.0.0.1:8765");

    [Fact]
    public async Task A_schedule_becomes_proxy_creation_toxics_on_time_and_a_reset()
    {
        var schedule = new FaultSchedule(
        [
            new ScheduledFault(new LatencyFault(Latency: 250, Jitter: 20) { Toxicity = 0.5 }, 0, 1_000_000),
            new ScheduledFault(new StopReadFault(), 0, 1_000_000),
            new ScheduledFault(new DownFault(), 2_000_000, 3_000_000),
            new ScheduledFault(new SlicerFault(AverageSize: 10, SizeVariation: 2, Delay: 300) { Stream = FaultStream.Downstream }, 4_000_000, 5_000_000),
        ]);
        var runner = new ToxiproxyScheduleRunner(_client, Proxy, schedule);

        await runner.StartAsync();
        await runner.StepAsync(0, 0);
        Assert.Equal(["bh0_latency"], runner.ActiveToxics);
        var toxic = JsonNode.Parse(_standIn.Proxies["barharness"].Toxics["bh0_latency"])!;
        Assert.Equal("latency", toxic["type"]!.GetValue<string>());
        Assert.Equal("upstream", toxic["stream"]!.GetValue<string>());
        Assert.Equal(0.5, toxic["toxicity"]!.GetValue<double>());
        Assert.Equal(250, toxic["attributes"]!["latency"]!.GetValue<long>());
        Assert.Equal(20, toxic["attributes"]!["jitter"]!.GetValue<long>());

        await runner.StepAsync(1_500_000, 0);
        Assert.Empty(_standIn.Proxies["barharness"].Toxics);
        await runner.StepAsync(2_000_000, 0);
        Assert.False(_standIn.Proxies["barharness"].Enabled);
        await runner.StepAsync(3_500_000, 0);
        Assert.True(_standIn.Proxies["barharness"].Enabled);
        await runner.StepAsync(4_000_000, 0);
        Assert.Contains("\"stream\":\"downstream\"", _standIn.Proxies["barharness"].Toxics["bh3_slicer"]);
        await runner.FinishAsync();

        Assert.Empty(_standIn.Problems);
        Assert.Empty(_standIn.Proxies["barharness"].Toxics);
        Assert.Equal(
            ["POST /proxies", "POST /proxies/barharness/toxics", "DELETE /proxies/barharness/toxics/bh0_latency", "POST /proxies/barharness",
             "POST /proxies/barharness", "POST /proxies/barharness/toxics", "POST /reset"],
            _standIn.Requests.Select(r => string.Join(' ', r.Split(' ').Take(2))));
        Assert.Single(runner.Skipped);
        Assert.StartsWith("stop_read:", runner.Skipped[0]);
    }

    [Fact]
    public async Task Creating_a_proxy_twice_is_a_409_conflict()
    {
        await _client.CreateProxyAsync(Proxy);
        var error = await Assert.ThrowsAsync<ToxiproxyException>(() => _client.CreateProxyAsync(Proxy));

        Assert.Equal(HttpStatusCode.Conflict, error.Status);
    }

    [Fact]
    public async Task Unknown_proxy_or_toxic_is_a_404()
    {
        var error = await Assert.ThrowsAsync<ToxiproxyException>(() => _client.RemoveToxicAsync("nope", "latency_downstream"));
        Assert.Equal(HttpStatusCode.NotFound, error.Status);

        await Assert.ThrowsAsync<ToxiproxyException>(() => _client.SetProxyEnabledAsync("nope", false));
    }

    [Fact]
    public async Task Version_and_delete_use_their_documented_shapes()
    {
        Assert.Equal("2.12.0", await _client.GetVersionAsync());
        await _client.CreateProxyAsync(Proxy);
        await _client.DeleteProxyAsync(Proxy.Name);

        Assert.Empty(_standIn.Proxies);
        Assert.Empty(_standIn.Problems);
    }

    [Fact]
    public async Task An_unreachable_toxiproxy_is_a_clear_error()
    {
        var client = ToxiproxyClient.Create("http://127.0.0.1:1", TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<ToxiproxyException>(() => client.GetVersionAsync());

        Assert.Null(error.Status);
        Assert.Contains("cannot reach", error.Message);
    }

    [Fact]
    public void The_faults_toxiproxy_cannot_express_are_listed()
    {
        Assert.Equal(["disconnect", "garbage", "restart", "stop_read"], ToxiproxyMapping.UnsupportedFaultNames());
        Assert.IsType<ToxiproxyMapping.DisableProxy>(ToxiproxyMapping.For(new DownFault()));
    }
}
