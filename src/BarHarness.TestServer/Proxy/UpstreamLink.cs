using System.Net.Sockets;
using BarHarness.Transport.Real;

namespace BarHarness.TestServer.Proxy;

/// <summary>What the consumer's side of one proxied connection did during a pump.</summary>
internal enum UpstreamState
{
    Connecting,
    Open,

    /// <summary>The consumer could not be reached.</summary>
    Refused,

    /// <summary>The consumer closed its side (FIN).</summary>
    Finished,

    /// <summary>The consumer reset the connection.</summary>
    Reset,

    /// <summary>We closed it after the widget's side ended.</summary>
    Closed,
}

/// <summary>
/// The proxy's connection to the user's consumer for one widget connection: bytes from the widget
/// queue here until the consumer's socket takes them; bytes from the consumer go back through
/// <see cref="Pump"/>. Non-blocking throughout; the connect runs in the background.
/// </summary>
internal sealed class UpstreamLink : IDisposable
{
    private const int ReadChunk = 64 * 1024;
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp);
    private readonly Task _connect;
    private readonly Queue<byte[]> _pending = new();
    private readonly byte[] _buffer = new byte[ReadChunk];
    private IConnection? _connection;
    private int _offset;
    private bool _closeWhenFlushed;

    public UpstreamLink(NetEndpoint upstream, long id)
    {
        Id = id;
        _connect = _socket.ConnectAsync(upstream.Address, upstream.Port);
    }

    public long Id { get; }

    public UpstreamState State { get; private set; } = UpstreamState.Connecting;

    /// <summary>Bytes from the widget not yet taken by the consumer's socket.</summary>
    public long PendingBytes { get; private set; }

    public bool IsOver =>
        State is UpstreamState.Refused or UpstreamState.Finished or UpstreamState.Reset or UpstreamState.Closed;

    public void Forward(byte[] bytes)
    {
        if (!IsOver)
        {
            _pending.Enqueue(bytes);
            PendingBytes += bytes.Length;
        }
    }

    /// <summary>The widget's side ended: close toward the consumer once the queue is written.</summary>
    public void Finish() => _closeWhenFlushed = true;

    /// <summary>
    /// Connects, writes what is queued, reads what the consumer sent (at most <paramref name="readRoom"/>).
    /// </summary>
    public void Pump(long readRoom, Action<byte[]> fromConsumer)
    {
        if (State == UpstreamState.Connecting && !Connected())
        {
            return;
        }

        if (IsOver)
        {
            return;
        }

        Write();
        while (readRoom > 0 && !IsOver)
        {
            var result = _connection!.Read(_buffer.AsSpan(0, (int)Math.Min(readRoom, ReadChunk)));
            switch (result.Outcome)
            {
                case TransferOutcome.Transferred:
                    readRoom -= result.Bytes;
                    fromConsumer(_buffer.AsSpan(0, result.Bytes).ToArray());
                    continue;
                case TransferOutcome.EndOfStream:
                    State = UpstreamState.Finished;
                    _connection.Close();
                    return;
                case TransferOutcome.ConnectionReset or TransferOutcome.NotConnected:
                    State = UpstreamState.Reset;
                    _connection.Close();
                    return;
                default:
                    readRoom = 0;
                    break;
            }
        }

        if (_closeWhenFlushed && _pending.Count == 0 && !IsOver)
        {
            _connection!.Close();
            State = UpstreamState.Closed;
        }
    }

    public void Dispose()
    {
        if (_connection is not null)
        {
            _connection.Close();
        }
        else
        {
            _socket.Dispose();
        }
    }

    private bool Connected()
    {
        if (!_connect.IsCompleted)
        {
            // The widget left before the consumer answered: with nothing to deliver, give up the connect.
            if (_closeWhenFlushed && _pending.Count == 0)
            {
                State = UpstreamState.Closed;
                _socket.Dispose();
            }

            return false;
        }

        if (!_connect.IsCompletedSuccessfully)
        {
            State = UpstreamState.Refused;
            _socket.Dispose();
            return false;
        }

        _connection = RealNetwork.Adopt(_socket, Id, createdAtMicros: 0);
        State = UpstreamState.Open;
        return true;
    }

    private void Write()
    {
        while (_pending.TryPeek(out var head))
        {
            var result = _connection!.Write(head.AsSpan(_offset));
            if (result.Outcome != TransferOutcome.Transferred)
            {
                if (result.Outcome is TransferOutcome.ConnectionReset or TransferOutcome.NotConnected)
                {
                    State = UpstreamState.Reset;
                    _connection.Close();
                }

                return;
            }

            _offset += result.Bytes;
            PendingBytes -= result.Bytes;
            if (_offset < head.Length)
            {
                return;
            }

            _pending.Dequeue();
            _offset = 0;
        }
    }
}
