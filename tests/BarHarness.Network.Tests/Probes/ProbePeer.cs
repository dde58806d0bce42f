using System.Text;
using BarHarness.Network.Tests.Transport;

namespace BarHarness.Network.Tests.Probes;

/// <summary>
/// The scripted server a socket probe talks to, over either backend of the transport contract.
/// Commands come from the probe ("@peer listen", "accept", "write a\nb", "reset"...) and each
/// answers with one line.
/// </summary>
public sealed class ProbePeer(ITransport transport)
{
    private IListener? _listener;
    private IConnection? _connection;

    public string Execute(string command)
    {
        var space = command.IndexOf(' ');
        var verb = space < 0 ? command : command[..space];
        var argument = space < 0 ? string.Empty : command[(space + 1)..];
        switch (verb)
        {
            case "closedport":
                var probe = transport.Listen(NetEndpoint.Loopback(0));
                var port = probe.LocalEndpoint.Port;
                probe.Close();
                return port.ToString();
            case "listen":
                _listener?.Close();
                _listener = transport.Listen(NetEndpoint.Loopback(0), backlog: 8);
                return _listener.LocalEndpoint.Port.ToString();
            case "accept":
                IConnection? accepted = null;
                transport.Settle(() => (accepted = _listener?.TryAccept()) is not null);
                _connection = accepted ?? _connection;
                return accepted is null ? "none" : "ok";
            case "connect":
                var client = transport.Connect(NetEndpoint.Loopback(int.Parse(argument)));
                transport.Settle(() => client.State != ConnectionState.Connecting);
                _connection = client;
                return client.State.ToString();
            case "read":
                var buffer = new byte[int.Parse(argument)];
                var read = _connection!.Read(buffer);
                return read.Outcome == TransferOutcome.Transferred ? read.Bytes.ToString() : read.Outcome.ToString();
            case "drain":
                return Drain().ToString();
            case "write":
                var bytes = Encoding.Latin1.GetBytes(argument.Replace("\\n", "\n").Replace("\\r", "\r"));
                return _connection!.Write(bytes).Bytes.ToString();
            case "close":
                _connection!.Close();
                return "ok";
            case "reset":
                _connection!.Reset();
                return "ok";
            case "shutdown":
                _connection!.Shutdown(ShutdownDirection.Send);
                return "ok";
            default:
                throw new InvalidOperationException($"unknown peer command: {command}");
        }
    }

    private long Drain()
    {
        var buffer = new byte[65536];
        long total = 0;
        var idle = 0;
        while (idle < 3)
        {
            var read = _connection!.Read(buffer);
            if (read.Outcome == TransferOutcome.Transferred)
            {
                total += read.Bytes;
                idle = 0;
                continue;
            }

            idle++;
            transport.Breathe();
        }

        return total;
    }
}
