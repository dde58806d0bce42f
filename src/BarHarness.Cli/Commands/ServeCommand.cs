using System.CommandLine;
using BarHarness.Cli.Serve;
using BarHarness.Core.Diagnostics;
using BarHarness.Core.Transport;
using BarHarness.Scenarios.Definition;
using BarHarness.TestServer.Serve;
using Spectre.Console;

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
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int>("--port")
        {
            Description = "TCP port (the widget's default is 8765; 0 = any free port)",
            DefaultValueFactory = _ => ServeOptions.DefaultPort,
        };
        var record = new Option<string?>("--record") { Description = "Record every message to this .jsonl file (replay turns it into a scenario)" };
        var faults = new Option<string?>("--faults")
        {
            Description = "Fault file: a YAML faults: list as in scenarios, times from the start",
        };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow a non-loopback --host (exposes the game's data to the network)" };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: until Ctrl+C or q)" };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed for the faults' random draws",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command(
            "serve",
            "Listen for a real BAR game's widget: validate, record, show live statistics, inject faults by schedule or key")
        {
            host, port, record, faults, allowRemote, seconds, seed,
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

    private static int Serve(ServeOptions options, double? seconds)
    {
        using var session = new ServeSession(options);
        try
        {
            session.Start();
        }
        catch (TransportException e)
        {
            throw new HarnessInputException(
                null,
                $"cannot listen on {options.Endpoint}: {e.Message}",
                "a free port (--port)");
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // Ctrl+C ends serve cleanly: recording flushed, summary printed.
            stop.Cancel();
        };
        System.Console.CancelKeyPress += onCancel;
        try
        {
            if (seconds is { } limit)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(limit));
            }

            System.Console.Out.WriteLine($"serve: listening on {session.Endpoint}" + (options.RecordPath is { } r ? $", recording to {r}" : string.Empty)
                + (options.Schedule is { } s ? $", {s.Entries.Count} scheduled fault(s)" : string.Empty));
            var pump = session.RunAsync(stop.Token);
            LiveConsole.Run(session, stop, apply => apply());
            pump.GetAwaiter().GetResult();
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }

        return LiveConsole.Summarise("serve", session.Snapshot());
    }
}
