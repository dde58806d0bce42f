using BarHarness.Cli.Serve;
using BarHarness.Core.Transport;

namespace BarHarness.Cli.Commands;

/// <summary>
/// <c>barharness serve</c>: the widget's peer for a real BAR game. Validates the stream with the
/// oracle (no ground truth), records it as .jsonl, applies faults from a schedule or from keys, and
/// shows live numbers. Exit 0 when the stream had no violations, 1 otherwise.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var host = DefaultedOption.Create<string>("--host", "127.0.0.1", "Address to listen on");
        var port = CreatePortOption("TCP port (the widget's default is 8765; 0 = any free port)");
        var record = DescribedOption.Create<string?>(
            "--record", "Record every message to this .jsonl file (replay turns it into a scenario)");
        var faults = DescribedOption.Create<string?>(
            "--faults", "Fault file: a YAML faults: list as in scenarios, times from the start");
        var allowRemote = DescribedOption.Create<bool>(
            "--allow-remote", "Allow a non-loopback --host (exposes the game's data to the network)");
        var seconds = StopSignal.CreateSecondsOption();
        var seed = DefaultedOption.Create<ulong>("--seed", 1, "Seed for the faults' random draws");
        var command = new Command(
            "serve",
            "Listen for a real BAR game's widget: validate, record, show live statistics, "
                + "inject faults by schedule or key")
        {
            host,
            port,
            record,
            faults,
            allowRemote,
            seconds,
            seed,
        };
        command.SetAction(parse =>
        {
            var endpoint = new NetEndpoint(parse.GetValue(host)!, parse.GetValue(port));
            if (parse.GetValue(seconds) is <= 0)
            {
                throw new HarnessInputException(
                    null,
                    $"--seconds {parse.GetValue(seconds)}",
                    "a positive number of seconds");
            }

            var recordPath = parse.GetValue(record);
            if (recordPath is not null && Path.GetDirectoryName(Path.GetFullPath(recordPath)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            var options = new ServeOptions
            {
                Endpoint = endpoint,
                AllowNonLoopback = parse.GetValue(allowRemote),
                RecordPath = recordPath,
                Schedule = parse.GetValue(faults) is { } faultFile ? FaultFile.Load(faultFile) : null,
                Seed = parse.GetValue(seed),
            };
            return Serve(options, parse.GetValue(seconds));
        });
        return command;
    }

    /// <summary>The <c>--port</c> the widget connects to, its own default unless told.</summary>
    internal static Option<int> CreatePortOption(string description) =>
        DefaultedOption.Create("--port", ServeOptions.DefaultPort, description);

    private static int Serve(ServeOptions options, double? seconds)
    {
        using var session = new ServeSession(options);
        InputFailure.Explain<TransportException>(
            session.Start, e => $"cannot listen on {options.Endpoint}: {e.Message}", "a free port (--port)");

        using (var signal = new StopSignal(seconds))
        {
            var stop = signal.Source;
            System.Console.Out.WriteLine($"serve: listening on {session.Endpoint}" + ServeBanner.Extras(options));
            var pump = session.RunAsync(stop.Token);
            LiveConsole.Run(session, stop, apply => apply());
            pump.GetAwaiter().GetResult();
        }

        return LiveConsole.Summarise("serve", session.Snapshot());
    }
}
