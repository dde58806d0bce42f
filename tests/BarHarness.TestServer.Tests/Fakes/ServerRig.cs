using BarHarness.Core.Randomness;
using BarHarness.Core.Time;
using BarHarness.TestServer.Server;
using BarHarness.Transport.Simulated;

namespace BarHarness.TestServer.Tests.Fakes;

/// <summary>A test server on the simulated network (the one a scenario run uses) with one widget-like client,
/// stepped in 1 ms ticks.</summary>
internal sealed class ServerRig : IDisposable
{
    public const long TickMicros = 1_000;

    public ServerRig(
        FaultSchedule? schedule = null, ulong seed = 7, SocketBuffers? buffers = null, ITruthSource? truth = null)
    {
        Transport = new SimulatedNetwork(
            new SimClock(), new TransportOptions { Buffers = buffers ?? new SocketBuffers(1024, 1024) });
        Server = new global::BarHarness.TestServer.Server.TestServer(
            Transport,
            new SeededRandom(seed),
            new TestServerOptions { Endpoint = NetEndpoint.Loopback(8765) },
            schedule,
            new StreamOracle(truth: truth));
        Server.Start();
    }

    public SimulatedNetwork Transport { get; }

    public global::BarHarness.TestServer.Server.TestServer Server { get; }

    public long Now => Transport.Clock.NowMicros;

    public IConnection Connect()
    {
        var client = Transport.Connect(NetEndpoint.Loopback(8765));
        Tick();
        return client;
    }

    public void Tick(int count = 1, int gameFrame = 0)
    {
        for (var i = 0; i < count; i++)
        {
            Transport.AdvanceBy(TickMicros);
            Server.Step(gameFrame);
        }
    }

    public void RunUntil(long micros)
    {
        while (Now < micros)
        {
            Tick();
        }
    }

    /// <summary>Writes everything or as much as the buffers take; returns bytes accepted.</summary>
    public static int Send(IConnection client, byte[] data)
    {
        var result = client.Write(data);
        return result.Outcome == TransferOutcome.Transferred ? result.Bytes : 0;
    }

    public static (int Bytes, TransferOutcome Last) Drain(IConnection client)
    {
        var buffer = new byte[64 * 1024];
        var total = 0;
        while (true)
        {
            var r = client.Read(buffer);
            if (r.Outcome != TransferOutcome.Transferred)
            {
                return (total, r.Outcome);
            }

            total += r.Bytes;
        }
    }

    public void Dispose()
    {
        Server.Dispose();
        Transport.Dispose();
    }
}
