namespace BarHarness.Scenarios.Probes;

/// <summary>
/// A deterministic sampling profiler: at every instruction-hook tick (every N instructions) it charges
/// N instructions to the Lua function running then (file:line where it is defined). Same code, same
/// input, same profile, on any machine. It also charges the bytes the Lua allocator handed out since
/// the previous tick inside a call-in to that function: sampled allocation sites (an allocation-heavy
/// function shows; one that allocates a little between long stretches of arithmetic may be missed).
/// </summary>
internal sealed class FunctionProfiler
{
    private readonly LuaRuntime _runtime;
    private readonly Dictionary<(IntPtr Source, int Line), long> _total = new();
    private readonly Dictionary<(IntPtr Source, int Line), long> _frame = new();
    private readonly Dictionary<(IntPtr Source, int Line), string> _names = new();
    private readonly Dictionary<(IntPtr Source, int Line), long> _allocated = new();
    private long _allocatedBefore;

    public FunctionProfiler(LuaRuntime runtime)
    {
        _runtime = runtime;
        runtime.Meter.OnTick = OnTick;
        runtime.Meter.OnCallStart = () => _allocatedBefore = _runtime.Allocations.Bytes;
    }

    private void OnTick(IntPtr l)
    {
        var allocatedNow = _runtime.Allocations.Bytes;
        // since the call began or the last tick
        var allocated = _runtime.Meter.InCall ? allocatedNow - _allocatedBefore : 0;
        _allocatedBefore = allocatedNow;
        if (!LuaStackInspector.TryGetFrame(l, 2, out var source, out var line, out _))
        {
            return;
        }

        var key = (source, line);
        if (!_names.ContainsKey(key))
        {
            var name = LuaStackInspector.SourceName(source);
            _names[key] = name.StartsWith("=(barharness", StringComparison.Ordinal)
                ? $"{name[1..]}:{line}"
                : $"{name.TrimStart('@', '=')}:{line}";
        }

        _total[key] = _total.GetValueOrDefault(key) + 1;
        _allocated[key] = _allocated.GetValueOrDefault(key) + allocated;
        _frame[key] = _frame.GetValueOrDefault(key) + 1;
    }

    /// <summary>The functions that ran most since the last call (up to three), and forget them.</summary>
    public IReadOnlyList<string> TakeFrameTop()
    {
        if (_frame.Count == 0)
        {
            return Array.Empty<string>();
        }

        var top = _frame.OrderByDescending(kv => kv.Value).ThenBy(kv => _names[kv.Key], StringComparer.Ordinal).Take(3)
            .Select(kv => $"{_names[kv.Key]} ({kv.Value * _runtime.Meter.HookInterval:N0} instr)").ToList();
        _frame.Clear();
        return top;
    }

    public IReadOnlyList<FunctionProfileEntry> Entries()
    {
        var interval = _runtime.Meter.HookInterval;
        var total = Math.Max(1, _total.Values.Sum());
        return _total
            .GroupBy(kv => _names[kv.Key])
            .Select(g => (
                Name: g.Key,
                Samples: g.Sum(kv => kv.Value),
                Bytes: g.Sum(kv => _allocated.GetValueOrDefault(kv.Key))))
            .OrderByDescending(x => x.Samples).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(40)
            .Select(x => new FunctionProfileEntry(x.Name, x.Samples, x.Samples * interval, x.Samples / (double)total)
            {
                AllocBytes = x.Bytes,
            })
            .ToList();
    }
}
