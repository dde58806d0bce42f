namespace BarHarness.Scenarios.Probes;

/// <summary>
/// When each of the server's faults was active, from its active-fault list read once a sim frame, and
/// which bit of a frame's fault flags stands for which fault (in order of first activity).
/// </summary>
internal sealed class FaultWindowTracker
{
    private readonly List<string> _names = new();
    private readonly Dictionary<string, double> _open = new(StringComparer.Ordinal);
    private readonly List<FaultWindow> _windows = new();

    public IReadOnlyList<string> Names => _names;

    public IReadOnlyList<FaultWindow> Windows => _windows;

    public void Observe(double gameSeconds, IReadOnlyList<string> active)
    {
        foreach (var name in active)
        {
            Bit(name);
            _open.TryAdd(name, gameSeconds);
        }

        foreach (var open in _open.Where(kv => !active.Contains(kv.Key)).ToList())
        {
            _windows.Add(new FaultWindow(open.Key, open.Value, gameSeconds));
            _open.Remove(open.Key);
        }
    }

    /// <summary>Bit i set when fault i of <see cref="Names"/> is in <paramref name="active"/> (the first 63).</summary>
    public long Flags(IReadOnlyList<string> active)
    {
        long flags = 0;
        foreach (var name in active)
        {
            var bit = Bit(name);
            if (bit < 63)
            {
                flags |= 1L << bit;
            }
        }

        return flags;
    }

    /// <summary>Closes the windows still open when the run ends.</summary>
    public void Close(double gameSeconds)
    {
        foreach (var open in _open)
        {
            _windows.Add(new FaultWindow(open.Key, open.Value, gameSeconds));
        }

        _open.Clear();
    }

    private int Bit(string name)
    {
        var i = _names.IndexOf(name);
        if (i < 0)
        {
            _names.Add(name);
            i = _names.Count - 1;
        }

        return i;
    }
}
