namespace BarHarness.TestServer.Server;

/// <summary>
/// One scheduled fault while it is active: when it began, its random streams, its toxicity draws
/// (one per connection, one for the listener) and the state it keeps per connection.
/// </summary>
internal sealed class FaultActivation(ScheduledFault entry, long sinceMicros, SeededRandom random)
{
    private readonly SeededRandom _behaviour = random.Fork("behaviour");
    private readonly SeededRandom _toxicity = random.Fork("toxicity");
    private readonly Dictionary<long, bool> _touches = [];
    private readonly Dictionary<(long, Type), object> _state = [];
    private bool? _touchesListener;

    public ScheduledFault Entry { get; } = entry;

    public long SinceMicros { get; } = sinceMicros;

    public bool AppliedOnce { get; set; }

    public SeededRandom Random => _behaviour;

    public bool Touches(long connectionId)
    {
        if (!_touches.TryGetValue(connectionId, out var yes))
        {
            _touches[connectionId] = yes = _toxicity.Chance(Entry.Fault.Toxicity);
        }

        return yes;
    }

    public bool TouchesListener() => _touchesListener ??= _toxicity.Chance(Entry.Fault.Toxicity);

    public object State(long connectionId, Type type)
    {
        if (!_state.TryGetValue((connectionId, type), out var value))
        {
            _state[(connectionId, type)] = value = Activator.CreateInstance(type, nonPublic: true)!;
        }

        return value;
    }
}
