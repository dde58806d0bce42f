namespace BarHarness.Network.Tests.Transport;

/// <summary>Builds either backend with small buffers, and waits for a condition on it (virtual time or bounded wall
/// time).</summary>
public static class Backends
{
    public static readonly TheoryData<string> Both = new() { "simulated", "real" };

    public static ITransport Create(string kind, int bufferBytes = 16 * 1024) => kind switch
    {
        "simulated" => Simulated(bufferBytes, bufferBytes),
        "real" => new RealNetwork(
            new SimClock(),
            new TransportOptions { Buffers = new SocketBuffers(bufferBytes, bufferBytes) }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A simulated network on its own clock whose sockets have the given buffer sizes.</summary>
    public static SimulatedNetwork Simulated(int sendBufferBytes, int receiveBufferBytes) => new(
        new SimClock(),
        new TransportOptions { Buffers = new SocketBuffers(sendBufferBytes, receiveBufferBytes) });

    /// <summary>Lets the network run until <paramref name="done"/> holds; false if it never does.</summary>
    public static bool Settle(this ITransport transport, Func<bool> done)
    {
        for (var i = 0; i < 400; i++)
        {
            if (done())
            {
                return true;
            }

            if (transport.IsSimulated)
            {
                transport.AdvanceBy(1_000);
            }
            else
            {
                Thread.Sleep(5);
            }
        }

        return done();
    }

    /// <summary>Gives the network a moment (1 ms virtual, or 50 ms wall) without waiting for anything.</summary>
    public static void Breathe(this ITransport transport)
    {
        if (transport.IsSimulated)
        {
            transport.AdvanceBy(1_000);
        }
        else
        {
            Thread.Sleep(50);
        }
    }

    public static (IListener Listener, IConnection Client, IConnection Server) Connected(this ITransport transport)
    {
        var listener = transport.Listen(NetEndpoint.Loopback(0));
        var client = transport.Connect(NetEndpoint.Loopback(listener.LocalEndpoint.Port));
        IConnection? server = null;
        Assert.True(
            transport.Settle(() => client.State == ConnectionState.Established
                && (server ??= listener.TryAccept()) is not null),
            "connection never came up");
        return (listener, client, server!);
    }

    /// <summary>Writes until the buffers refuse more; returns how many bytes were accepted.</summary>
    public static long FillUntilWouldBlock(this ITransport transport, IConnection connection)
    {
        var chunk = new byte[8192];
        long total = 0;
        var stalls = 0;
        while (stalls < 3)
        {
            var result = connection.Write(chunk);
            if (result.Outcome == TransferOutcome.Transferred)
            {
                total += result.Bytes;
                stalls = 0;
                continue;
            }

            Assert.Equal(TransferOutcome.WouldBlock, result.Outcome);
            stalls++;
            transport.Breathe();
        }

        return total;
    }

    public static byte[] ReadAll(this ITransport transport, IConnection connection, out TransferOutcome end)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        end = TransferOutcome.WouldBlock;
        for (var i = 0; i < 400; i++)
        {
            var result = connection.Read(buffer);
            if (result.Outcome == TransferOutcome.Transferred)
            {
                received.AddRange(buffer.AsSpan(0, result.Bytes).ToArray());
                i = 0;
                continue;
            }

            end = result.Outcome;
            if (end != TransferOutcome.WouldBlock)
            {
                break;
            }

            transport.Breathe();
        }

        return [.. received];
    }
}
