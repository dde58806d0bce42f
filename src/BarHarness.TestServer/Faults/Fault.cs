namespace BarHarness.TestServer.Faults;

/// <summary>
/// A fault is a value: a name, its parameters (in Toxiproxy's units where Toxiproxy has the same
/// fault) and one behaviour method, <see cref="ApplyTo"/> a connection, called every server tick while it
/// is active. It acts only through the levers <see cref="FaultContext"/> hands it. Each fault's file
/// also declares a <c>public static FaultSchema Schema</c>; <see cref="FaultCatalog"/> finds it.
/// </summary>
public abstract record Fault
{
    /// <summary>
    /// Probability (0..1) that the fault touches a given connection (or, for listener faults, this activation).
    /// </summary>
    public double Toxicity { get; init; } = 1.0;

    private FaultStream? _stream;

    /// <summary>Direction the fault acts on; each fault picks its natural default.</summary>
    public FaultStream Stream
    {
        get => _stream ?? DefaultStream;
        init => _stream = value;
    }

    /// <summary>What this fault's file declares: its name, parameters, instant or window.</summary>
    public FaultSchema DeclaredSchema => FaultCatalog.SchemaOf(GetType());

    public string Name => DeclaredSchema.Name;

    /// <summary>
    /// How long a schedule entry with no end stays active; 0 = it acts on one tick (an event, not a condition).
    /// </summary>
    public virtual long NaturalDurationMicros => 0;

    protected virtual FaultStream DefaultStream => FaultStream.Upstream;

    /// <summary>
    /// One server tick of the fault: <see cref="ApplyToListener"/> once, then <see cref="ApplyTo"/> for each
    /// connection the fault touches (as Toxiproxy applies a toxic to each link).
    /// </summary>
    public void Apply(FaultContext context)
    {
        ApplyToListener(context);
        foreach (var connection in context.Connections)
        {
            ApplyTo(connection, context);
        }
    }

    /// <summary>What the fault does to the listening socket; most faults leave it alone.</summary>
    protected virtual void ApplyToListener(FaultContext context)
    {
    }

    /// <summary>What the fault does to one connection on this tick.</summary>
    protected abstract void ApplyTo(ConnectionLever connection, FaultContext context);

    protected static long MillisToMicros(double millis) => (long)Math.Round(millis * 1000.0);

    /// <summary>Bytes the connection has moved in this fault's direction (read upstream, written downstream).</summary>
    protected long BytesMoved(ConnectionLever connection) =>
        Stream == FaultStream.Upstream ? connection.BytesRead : connection.BytesWritten;

    /// <summary>Lets at most <paramref name="bytes"/> more move in this fault's direction.</summary>
    protected void LimitMoved(ConnectionLever connection, long bytes)
    {
        if (Stream == FaultStream.Upstream)
        {
            connection.LimitRead(bytes);
        }
        else
        {
            connection.LimitWrite(bytes);
        }
    }
}
