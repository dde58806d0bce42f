namespace BarHarness.Scenarios.Running;

/// <summary>
/// Applies the scenario's game events (speed, pause, reload, spectator switch, commands) at their frames.
/// </summary>
internal sealed class GameEventDriver
{
    private readonly List<(int Frame, GameEvent Event)> _pending;
    private int _next;

    public GameEventDriver(IEnumerable<GameEvent> events)
    {
        _pending = events
            .Select((e, i) => (
                Frame: (int)Math.Round(e.AtSeconds * ScenarioDefinition.FramesPerSecond), Event: e, Index: i))
            .OrderBy(x => x.Frame).ThenBy(x => x.Index)
            .Select(x => (x.Frame, x.Event))
            .ToList();
    }

    /// <summary>The frame the widget is first loaded at: 0, or the first WidgetEnable event's.</summary>
    public int LoadFrame => _pending.Where(p => p.Event is WidgetEnable).Select(p => p.Frame).DefaultIfEmpty(0).First();

    /// <summary>Events due at or before <paramref name="frame"/>, in order, each once.</summary>
    public IEnumerable<GameEvent> Due(int frame)
    {
        while (_next < _pending.Count && _pending[_next].Frame <= frame)
        {
            yield return _pending[_next++].Event;
        }
    }

    /// <summary>Whether the game is paused right now according to the events applied so far.</summary>
    public static void ApplySpeed(SyntheticWorld world, SpeedChange change) =>
        world.Clock.SetSpeed((float)change.Speed);
}
