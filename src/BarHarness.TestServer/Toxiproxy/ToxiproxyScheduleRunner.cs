using BarHarness.TestServer.Faults;

namespace BarHarness.TestServer.Toxiproxy;

/// <summary>
/// Plays a <see cref="FaultSchedule"/> through an external Toxiproxy in front of the test server:
/// creates the proxy, adds each toxic when its entry starts and removes it when it ends, disables the
/// proxy for "down", and resets everything at the end. Faults Toxiproxy cannot express are skipped
/// and listed in <see cref="Skipped"/>. Toxiproxy draws its own randomness: runs through it are not
/// reproducible from our seed.
/// </summary>
public sealed class ToxiproxyScheduleRunner(ToxiproxyClient client, ProxySpec proxy, FaultSchedule schedule)
{
    private readonly HashSet<int> _started = [];
    private readonly Dictionary<int, (long SinceMicros, string? ToxicName)> _active = [];
    private readonly List<string> _skipped = [];

    public IReadOnlyList<string> Skipped => _skipped;

    /// <summary>Names of toxics currently installed by this runner.</summary>
    public IReadOnlyCollection<string> ActiveToxics => _active.Values.Where(v => v.ToxicName is not null).Select(v => v.ToxicName!).ToArray();

    public Task StartAsync(CancellationToken cancel = default) => client.CreateProxyAsync(proxy, cancel);

    public async Task StepAsync(long nowMicros, int gameFrame, CancellationToken cancel = default)
    {
        foreach (var (index, (since, toxic)) in _active.ToArray())
        {
            var entry = schedule.Entries[index];
            if (!entry.HasEnded(nowMicros, gameFrame, since))
            {
                continue;
            }

            _active.Remove(index);
            if (toxic is null)
            {
                await client.SetProxyEnabledAsync(proxy.Name, true, cancel);
            }
            else
            {
                await client.RemoveToxicAsync(proxy.Name, toxic, cancel);
            }
        }

        for (var i = 0; i < schedule.Entries.Count; i++)
        {
            var entry = schedule.Entries[i];
            if (_started.Contains(i) || !entry.HasStarted(nowMicros, gameFrame))
            {
                continue;
            }

            _started.Add(i);
            switch (ToxiproxyMapping.For(entry.Fault))
            {
                case ToxiproxyMapping.DisableProxy:
                    await client.SetProxyEnabledAsync(proxy.Name, false, cancel);
                    _active[i] = (nowMicros, null);
                    break;
                case ToxiproxyMapping.Toxic toxic:
                    var name = $"bh{i}_{entry.Fault.Name}";
                    var stream = entry.Fault.Stream == FaultStream.Upstream ? "upstream" : "downstream";
                    await client.AddToxicAsync(proxy.Name, new ToxicSpec(name, toxic.Type, stream, entry.Fault.Toxicity, toxic.Attributes), cancel);
                    _active[i] = (nowMicros, name);
                    break;
                case ToxiproxyMapping.Unsupported unsupported:
                    _skipped.Add($"{entry.Fault.Name}: {unsupported.Reason}");
                    break;
            }
        }
    }

    /// <summary>POST /reset: whatever happened, the proxy ends enabled and clean.</summary>
    public async Task FinishAsync(CancellationToken cancel = default)
    {
        _active.Clear();
        await client.ResetAsync(cancel);
    }
}
