namespace BarHarness.Scenarios.Running;

/// <summary>The scenario's events and the world's, delivered to the widget as BAR's call-ins.</summary>
public sealed partial class Simulation
{
    private void LoadWidget()
    {
        var config = _def.Widget.Config is null ? null : ConfigConversion.ToPlain(_def.Widget.Config);
        var result = _host.Load(
            _widgetPath, "LuaUI/Widgets/" + Path.GetFileName(_widgetPath), _widgetName is null ? config : null);
        Probes.Lifecycle.OnLoad(result, _world.Clock.GameSeconds);
        if (result.IsLoaded)
        {
            _widgetName = result.Name;
            _callIns.WidgetLoaded();
        }
    }

    // The world queues only what Recoil delivers to the local LuaUI (allied or readable units, LOS
    // and radar events of the local ally team); WorldEventCallIn gives BAR's name and argument list.
    private void Forward(in WorldEvent e)
    {
        using var readable = _world.KeepReadableDuring(e);
        var (name, args) = WorldEventCallIn.From(e);
        Measure(name, _host.CallIn(name, args));
    }

    private void ApplyEvent(GameEvent e)
    {
        switch (e)
        {
            case SpeedChange s:
                GameEventDriver.ApplySpeed(_world, s);
                break;
            case Pause:
                _world.Clock.SetPaused(true, _world.LocalPlayerId);
                Measure("GamePaused", _host.CallIn("GamePaused", _world.LocalPlayerId, true));
                break;
            case Unpause:
                _world.Clock.SetPaused(false, _world.LocalPlayerId);
                Measure("GamePaused", _host.CallIn("GamePaused", _world.LocalPlayerId, false));
                break;
            case WidgetReload when _widgetName is not null:
                Measure("Shutdown", _host.Unload(_widgetName, "reload"));
                LoadWidget();
                break;
            case WidgetEnable when _widgetName is null && _world.Frame > 0:
                LoadWidget();
                break;
            case GameOver:
                _world.EndGame();
                _gameOverAt = _world.Frame;
                Measure("GameOver", _host.CallIn("GameOver"));
                break;
            case SpectatorSwitch sw:
                _world.SetLocalView(true, sw.FullView, _world.LocalTeamId);
                Measure("PlayerChanged", _host.CallIn("PlayerChanged", _world.LocalPlayerId));
                break;
            case TextCommand cmd:
                Measure("TextCommand", _host.TextCommand(cmd.Command));
                break;
            default:
                _player.Apply(e);
                break;
        }
    }
}
