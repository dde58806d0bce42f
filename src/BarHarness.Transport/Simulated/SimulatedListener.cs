namespace BarHarness.Transport.Simulated;

internal sealed class SimulatedListener(
    SimulatedNetwork network,
    NetEndpoint endpoint,
    int backlog,
    SocketBuffers buffers) : IListener
{
    private readonly Queue<SimulatedConnection> _pending = new();

    public NetEndpoint LocalEndpoint { get; } = endpoint;

    public int Backlog { get; } = Math.Max(1, backlog);

    public SocketBuffers Buffers { get; } = buffers;

    public bool IsOpen { get; private set; } = true;

    public int PendingCount => _pending.Count;

    public bool HasRoom => _pending.Count < Backlog;

    public bool Accepts(string address) =>
        IsOpen && (LocalEndpoint.IsAnyAddress || LocalEndpoint.Address == address);

    public void Enqueue(SimulatedConnection serverEnd) => _pending.Enqueue(serverEnd);

    public IConnection? TryAccept() => IsOpen && _pending.Count > 0 ? _pending.Dequeue() : null;

    public void Close()
    {
        if (!IsOpen)
        {
            return;
        }

        IsOpen = false;
        // As in the kernel: connections that completed the handshake but were never accepted are reset.
        while (_pending.Count > 0)
        {
            _pending.Dequeue().Reset();
        }

        network.Unlisten(this);
    }
}
