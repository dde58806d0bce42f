using System.Net;
using BarHarness.Cli.Serve;
using BarHarness.Core.Transport;
using BarHarness.TestServer.Proxy;

namespace BarHarness.Cli.Commands;

/// <summary>
/// <c>barharness proxy</c>: sits between a real BAR game's widget and the user's real consumer.
/// Forwards both ways, validates the widget's stream with the oracle (no ground truth), records it
/// as .jsonl, applies faults from a fault file, from keys and from Toxiproxy's HTTP API. Exit 0
/// when the proxied stream had no violations, 1 otherwise.
/// </summary>
internal static class ProxyCommand
{
    public const string DefaultProxyName = "livedata";

    public static Command Create()
    {
        var port = ServeCommand.CreatePortOption(
            "Port the widget connects to, on 127.0.0.1 (the widget's default is 8765)");
        var upstream = DescribedOption.Create<string?>(
            "--upstream", "Your consumer, host:port (without it only the Toxiproxy API runs; create proxies there)");
        var name = DefaultedOption.Create<string>("--name", DefaultProxyName, "The proxy's name in the Toxiproxy API");
        var apiPort = DefaultedOption.Create<int>(
            "--api-port", ToxiproxyApi.DefaultPort, "Port of the Toxiproxy HTTP API on 127.0.0.1");
        var noApi = DescribedOption.Create<bool>("--no-api", "Do not start the Toxiproxy HTTP API");
        var record = DescribedOption.Create<string?>(
            "--record", "Record every message to this .jsonl file as it arrives (replay turns it into a scenario)");
        var faults = DescribedOption.Create<string?>(
            "--faults", "Fault file: a YAML faults: list as in scenarios, times from the start");
        var seconds = StopSignal.CreateSecondsOption();
        var seed = DefaultedOption.Create<ulong>("--seed", 1, "Seed for the faults' random draws (toxicity, jitter)");
        var command = new Command(
            "proxy",
            "Stand between a real game's widget and your consumer: forward, validate, record, inject faults")
        {
            port, upstream, name, apiPort, noApi, record, faults, seconds, seed,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(seconds) is <= 0)
            {
                throw new HarnessInputException(
                    null, $"--seconds {parse.GetValue(seconds)}", "a positive number of seconds");
            }

            var recordPath = parse.GetValue(record);
            if (recordPath is not null && Path.GetDirectoryName(Path.GetFullPath(recordPath)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            ProxyOptions? main = null;
            if (parse.GetValue(upstream) is { } target)
            {
                main = new ProxyOptions(parse.GetValue(name)!, Upstream(target))
                {
                    Serve = new ServeOptions
                    {
                        Endpoint = NetEndpoint.Loopback(parse.GetValue(port)),
                        RecordPath = recordPath,
                        Schedule = parse.GetValue(faults) is { } faultFile ? FaultFile.Load(faultFile) : null,
                        Seed = parse.GetValue(seed),
                    },
                };
            }
            else if (recordPath is not null || parse.GetValue(faults) is not null)
            {
                throw new HarnessInputException(
                    null, "--record and --faults need --upstream", "--upstream host:port (your consumer)");
            }

            var api = parse.GetValue(noApi) ? (int?)null : parse.GetValue(apiPort);
            return Run(main, api, parse.GetValue(seed), parse.GetValue(seconds));
        });
        return command;
    }

    private static NetEndpoint Upstream(string text)
    {
        return InputFailure.Explain<NetEndpoint, ToxiproxyApiException>(
            () => ManagedProxy.ParseAddress(text, "--upstream"),
            e => e.Message,
            "--upstream host:port, e.g. 127.0.0.1:9000");
    }

    private static int Run(ProxyOptions? main, int? apiPort, ulong seed, double? seconds)
    {
        using var proxies = new ProxyCollection(seed);
        var proxy = main is null
            ? null
            : InputFailure.Explain<ManagedProxy, ToxiproxyApiException>(
                () => proxies.Add(main, enabled: true), e => e.Message, "a free port (--port)");

        using var api = apiPort is { } p ? new ToxiproxyApi(proxies, p) : null;
        InputFailure.Explain<HttpListenerException>(
            () => api?.Start(),
            e => $"cannot serve the Toxiproxy API on 127.0.0.1:{apiPort}: {e.Message}",
            "a free port (--api-port) or --no-api");

        using (var signal = new StopSignal(seconds))
        {
            var stop = signal.Source;
            System.Console.Out.WriteLine("proxy: "
                + (proxy is null ? "no proxy yet" : $"'{proxy.Name}' {proxy.Listen} -> {proxy.Upstream}")
                + (api is null ? string.Empty : $", Toxiproxy API on {api.Url}")
                + ServeBanner.Extras(main?.Serve));
            var pump = proxies.RunAsync(stop.Token);
            if (proxy is not null)
            {
                LiveConsole.Run(proxy.Session.Serve, stop, apply => proxies.Locked(() =>
                {
                    apply();
                    return true;
                }));
            }
            else
            {
                stop.Token.WaitHandle.WaitOne();
            }

            pump.GetAwaiter().GetResult();
        }

        if (proxy is null)
        {
            return ExitCodes.Passed;
        }

        proxies.Locked(() =>
        {
            proxy.Session.Stop();
            return true;
        });
        return LiveConsole.Summarise("proxy", proxy.Session.Serve.Snapshot());
    }
}
