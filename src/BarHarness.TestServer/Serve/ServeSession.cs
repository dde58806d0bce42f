using System.Diagnostics;
using System.Net;
using BarHarness.Core.Time;
using BarHarness.TestServer.Server;
using BarHarness.Transport.Real;

namespace BarHarness.TestServer.Serve;

/// <summary>
/// The engine of <c>barharness serve</c>: the test server on real sockets facing a real BAR game,
/// the oracle without ground truth, a .jsonl recording, faults from a schedule or from keystrokes
/// (<see cref="Inject(string, IReadOnlyDictionary{string, object?}, TimeSpan?)"/>), and live
/// statistics. Serve is live, so its clock follows wall time (a measurement, not a decision).
/// </summary>
public sealed class ServeSession : IDisposable
{
    private const int RecentViolationCount = 10;
    private readonly ServeOptions _options;
    private readonly ITransport _transport;
    private readonly bool _ownsTransport;
    private readonly Stopwatch _wall = new();
    private readonly JsonlStreamRecorder? _recorder;
    private readonly Queue<(long AtMicros, long Messages, long Bytes)> _rateSamples = new();
    private readonly Queue<StreamViolation> _recent = new();
    private readonly object _gate = new();

    public ServeSession(ServeOptions options, ITransport? transport = null)
    {
        _options = options;
        CheckBindAddress(options);
        _ownsTransport = transport is null;
        // serve faces a real game: OS sockets, the kernel's buffer sizes unless asked, a clock set from
        // wall time as the session runs (timing is measured here, not decided)
        _transport = transport ?? new RealNetwork(
            new SimClock(), new TransportOptions { Buffers = options.Buffers ?? SocketBuffers.Kernel });
        var serverOptions = new TestServerOptions
        {
            Endpoint = options.Endpoint,
            Framing = options.Framing,
            Buffers = options.Buffers,
            RecordChunks = false,
        };
        Server = new Server.TestServer(
            _transport,
            new SeededRandom(options.Seed),
            serverOptions,
            options.Schedule,
            new StreamOracle(options.Oracle));
        Server.Oracle.ViolationFound += v =>
        {
            _recent.Enqueue(v);
            while (_recent.Count > RecentViolationCount)
            {
                _recent.Dequeue();
            }
        };
        if (options.RecordPath is { } path)
        {
            _recorder = UserFile.Access(path, 0, "write the recording", null, () => JsonlStreamRecorder.Create(path));

            Server.FrameObserved += _recorder.Record;
        }
    }

    public Server.TestServer Server { get; }

    public NetEndpoint Endpoint => Server.Endpoint;

    /// <summary>Opens the listener. Throws <see cref="TransportException"/> when the port is taken.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _wall.Start();
            Server.Start();
        }
    }

    /// <summary>One round: clock to wall time, accept, read, apply faults, validate. Call every few
    /// milliseconds.</summary>
    public void Poll()
    {
        lock (_gate)
        {
            var now = Math.Max(_transport.Clock.NowMicros, (long)(_wall.Elapsed.TotalMilliseconds * 1000));
            if (_ownsTransport || !_transport.IsSimulated)
            {
                _transport.Clock.AdvanceTo(now);
            }

            _transport.Pump();
            Server.Step(Server.Oracle.Stats.LastFrame ?? 0);
            SampleRates(_transport.Clock.NowMicros);
        }
    }

    /// <summary>Polls until cancelled, then stops the server and flushes the recording.</summary>
    public async Task RunAsync(CancellationToken cancel, TimeSpan? pollInterval = null)
    {
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(5);
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                Poll();
                await Task.Delay(interval, cancel).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the normal way out.
        }
        finally
        {
            Stop();
        }
    }

    /// <summary>A keystroke's fault, by catalog name and parameters; null duration = its natural one (an event, or
    /// restart's delay).</summary>
    public Fault Inject(string faultName, IReadOnlyDictionary<string, object?> parameters, TimeSpan? duration = null)
    {
        var fault = FaultCatalog.Default.Create(faultName, parameters);
        Inject(fault, duration);
        return fault;
    }

    public void Inject(Fault fault, TimeSpan? duration = null)
    {
        lock (_gate)
        {
            Server.Inject(fault, duration is { } d ? (long)(d.TotalMilliseconds * 1000) : null);
        }
    }

    /// <summary>Starts a fault that holds until <see cref="EndFault"/> (a toxic); returns its handle.</summary>
    public int InjectUntilEnded(Fault fault)
    {
        lock (_gate)
        {
            return Server.Inject(fault, long.MaxValue);
        }
    }

    public void EndFault(int handle)
    {
        lock (_gate)
        {
            Server.EndFault(handle);
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            Server.ClearFaults();
        }
    }

    public ServeStatistics Snapshot()
    {
        lock (_gate)
        {
            var stats = Server.Oracle.Stats;
            var counters = Server.Counters;
            var (messagesPerSecond, bytesPerSecond) = Rates();
            var state = !counters.Listening && Server.ActiveFaults.Count > 0 ? ServeConnectionState.Refusing
                : counters.OpenConnections > 0 ? ServeConnectionState.Connected
                : ServeConnectionState.Waiting;
            return new ServeStatistics(
                _wall.Elapsed,
                Server.Endpoint.ToString(),
                state,
                counters.ConnectionsAccepted,
                counters.OpenConnections,
                stats.Messages,
                counters.BytesRead,
                messagesPerSecond,
                bytesPerSecond,
                stats.UnitsInLastSnapshot,
                stats.SeqGaps,
                stats.SeqGapsUndeclared,
                stats.InvalidMessages,
                stats.TotalViolations,
                stats.LastSeq,
                stats.LastFrame,
                new Dictionary<string, long>(stats.MessagesByType),
                new Dictionary<ViolationKind, long>(stats.ViolationsByKind),
                _recent.ToArray(),
                Server.ActiveFaults,
                _recorder?.Lines ?? 0);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            Server.Stop();
            _recorder?.Flush();
        }
    }

    public void Dispose()
    {
        Server.Dispose();
        _recorder?.Dispose();
        if (_ownsTransport)
        {
            _transport.Dispose();
        }
    }

    /// <summary>Loopback unless allowed otherwise, and a real port; a bad address is an input error.</summary>
    public static void CheckBindAddress(ServeOptions options)
    {
        var address = options.Endpoint.Address;
        var loopback = IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip);
        if (!loopback && !options.AllowNonLoopback)
        {
            throw new HarnessInputException(
                null,
                $"refusing to listen on {options.Endpoint}: serve binds loopback unless told otherwise",
                "127.0.0.1, or allow non-loopback explicitly");
        }

        if (options.Endpoint.Port is < 0 or > 65535)
        {
            throw new HarnessInputException(null, $"port {options.Endpoint.Port}", "a TCP port from 0 to 65535");
        }
    }

    private void SampleRates(long nowMicros)
    {
        _rateSamples.Enqueue((nowMicros, Server.Oracle.Stats.Messages, Server.Counters.BytesRead));
        var window = (long)(_options.RateWindow.TotalMilliseconds * 1000);
        while (_rateSamples.Count > 2 && nowMicros - _rateSamples.Peek().AtMicros > window)
        {
            _rateSamples.Dequeue();
        }
    }

    private (double Messages, double Bytes) Rates()
    {
        if (_rateSamples.Count < 2)
        {
            return (0, 0);
        }

        var first = _rateSamples.Peek();
        var last = _rateSamples.Last();
        var seconds = (last.AtMicros - first.AtMicros) / 1e6;
        return seconds <= 0 ? (0, 0) : (
            (last.Messages - first.Messages) / seconds,
            (last.Bytes - first.Bytes) / seconds);
    }
}
