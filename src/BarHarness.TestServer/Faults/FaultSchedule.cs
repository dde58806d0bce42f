namespace BarHarness.TestServer.Faults;

/// <summary>The faults of a run, in the order given (ties on the same tick apply in this order).</summary>
public sealed class FaultSchedule
{
    private readonly List<ScheduledFault> _entries = [];

    public FaultSchedule(IEnumerable<ScheduledFault>? entries = null)
    {
        if (entries is not null)
        {
            _entries.AddRange(entries);
        }
    }

    public static FaultSchedule Empty => new();

    public IReadOnlyList<ScheduledFault> Entries => _entries;

    /// <summary>Adds an entry (also while running: a keystroke in <c>serve</c>); returns its index.</summary>
    public int Add(ScheduledFault entry)
    {
        _entries.Add(entry);
        return _entries.Count - 1;
    }
}
