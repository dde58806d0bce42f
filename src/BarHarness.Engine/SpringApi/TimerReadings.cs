namespace BarHarness.Engine.SpringApi;

/// <summary>
/// The widget CPU time behind each Spring.GetTimer reading of a <see cref="TimerMode.Cpu"/> run, in the order
/// the widget took them. Recorded, they let the run be reproduced exactly: a replay hands the widget the same
/// readings, so it takes the same decisions, while its CPU time is measured afresh. A replay asked for more
/// readings than were recorded (another widget, scenario or harness) continues with live readings, never going
/// backwards, and counts them in <see cref="ReadingsBeyondReplay"/>.
/// </summary>
public sealed class TimerReadings
{
    private readonly List<long> _values;
    private int _next;
    private long _last;

    private TimerReadings(List<long> values, bool replaying)
    {
        _values = values;
        Replaying = replaying;
    }

    /// <summary>True when the readings come from an earlier run.</summary>
    public bool Replaying { get; }

    /// <summary>The readings, ns of widget CPU time: recorded so far, or the ones being replayed.</summary>
    public IReadOnlyList<long> Values => _values;

    /// <summary>Readings taken so far in this run.</summary>
    public long Taken { get; private set; }

    /// <summary>Readings a replay had to take live because the recorded ones ran out (0: it followed them).</summary>
    public long ReadingsBeyondReplay { get; private set; }

    public static TimerReadings Record() => new([], replaying: false);

    public static TimerReadings Replay(IReadOnlyList<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new TimerReadings([.. values], replaying: true);
    }

    /// <summary>The next reading: the recorded one when replaying, else <paramref name="live"/>'s, kept.</summary>
    public long Take(Func<long> live)
    {
        ArgumentNullException.ThrowIfNull(live);
        Taken++;
        if (!Replaying)
        {
            var value = live();
            _values.Add(value);
            return value;
        }

        if (_next < _values.Count)
        {
            _last = _values[_next++];
            return _last;
        }

        ReadingsBeyondReplay++;
        _last = Math.Max(_last, live());
        return _last;
    }
}
