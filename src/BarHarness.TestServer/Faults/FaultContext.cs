namespace BarHarness.TestServer.Faults;

/// <summary>What an active fault may see and pull during one server tick.</summary>
public sealed class FaultContext(
    long nowMicros,
    long activeSinceMicros,
    SeededRandom random,
    IReadOnlyList<ConnectionLever> connections,
    ListenerLever? listener)
{
    public long NowMicros { get; } = nowMicros;

    /// <summary>When this activation began (virtual µs).</summary>
    public long ActiveSinceMicros { get; } = activeSinceMicros;

    /// <summary>This activation's own stream: draws here never shift another fault's numbers.</summary>
    public SeededRandom Random { get; } = random;

    /// <summary>
    /// Open connections this fault touches (its toxicity draw, made once per connection, said yes), by id.
    /// </summary>
    public IReadOnlyList<ConnectionLever> Connections { get; } = connections;

    /// <summary>The listening socket, or null when this activation's toxicity draw said no.</summary>
    public ListenerLever? Listener { get; } = listener;

    /// <summary>
    /// Time since the fault began touching <paramref name="connection"/> (its accept or this activation, whichever is
    /// later).
    /// </summary>
    public long ElapsedFor(ConnectionLever connection) =>
        NowMicros - Math.Max(ActiveSinceMicros, connection.AcceptedAtMicros);
}
