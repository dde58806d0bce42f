using BarHarness.World.Commands;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// The scripted player's hands, as Recoil hands them to LuaUI: an order goes through CommandNotify
/// first (a widget answering true swallows it), keys are KeyPress then KeyRelease with BAR's argument
/// lists, a click is MousePress then MouseRelease (with IsAbove first), typed text arrives as TextInput
/// per character, a resize as ViewResize.
/// </summary>
internal sealed class PlayerActionDriver(SyntheticWorld world, EngineApiContext engine, WidgetHost host,
    Action<string, CallInSample> measure)
{
    private readonly HandlerState _handler = new(host.Runtime);

    /// <summary>Performs a player action; false for events that are not player actions.</summary>
    public bool Apply(GameEvent e)
    {
        switch (e)
        {
            case SelectUnits s:
                var ofType = s.Unit is null ? 0 : world.UnitDefs.ByName(s.Unit)?.Id ?? -1;
                var own = world.AllUnitIds()
                    .Where(id => world.TrueTeamOf(id) == world.LocalTeamId
                        && (ofType == 0 || world.TrueDefOf(id) == ofType))
                    .Take(s.Count);
                world.Selection.Select(own, s.Append);
                return true;
            case OrderUnits o:
                Order(o);
                return true;
            case PressKey k:
                Key(k);
                return true;
            case ClickMouse c:
                Click(c);
                return true;
            case TurnWheel w:
                measure("MouseWheel", host.CallIn("MouseWheel", w.Up, w.Value));
                return true;
            case TypeText t:
                foreach (var rune in t.Text.EnumerateRunes())
                {
                    measure("TextInput", host.CallIn("TextInput", rune.ToString()));
                }

                return true;
            case ResizeView r:
                engine.ViewSize = (r.Width, r.Height);
                measure("ViewResize", host.CallIn("ViewResize", r.Width, r.Height));
                return true;
            case SpawnUnits sp when world.UnitDefs.ByName(sp.Unit) is { } def && world.Roster.IsValidTeam(sp.Team):
                world.Spawn(sp.Team, sp.Count, def.Id);
                return true;
            default:
                return e is SpawnUnits;
        }
    }

    private void Order(OrderUnits o)
    {
        var id = o.Command == "build"
            ? -(world.UnitDefs.ByName(o.Unit!)?.Id ?? 0)
            : OrderUnits.CommandIdsByName[o.Command];
        var options = o.Shift ? CommandOptions.Shift : CommandOptions.None;
        var optionsTable = new UnitCommand(id, o.Params, options, 0).OptionsTable();
        measure("CommandNotify", host.CallIn("CommandNotify", id, o.Params, optionsTable));
        if (_handler.LastAnswerTaken() || world.LocalIsSpectator)
        {
            return; // a widget took the command (or a spectator has nothing to command)
        }

        foreach (var unit in world.Selection.Selected.ToArray())
        {
            if (world.TrueTeamOf(unit) == world.LocalTeamId)
            {
                world.Commands.Give(unit, id, o.Params, options, world.LocalPlayerId);
            }
        }
    }

    private void Key(PressKey k)
    {
        var mods = new Dictionary<string, object>
        {
            ["alt"] = k.Mods.Contains("alt"),
            ["ctrl"] = k.Mods.Contains("ctrl"),
            ["meta"] = k.Mods.Contains("meta"),
            ["shift"] = k.Mods.Contains("shift"),
        };
        var printable = k.Key is > 32 and < 127;
        var label = printable ? ((char)k.Key).ToString() : k.Key.ToString(CultureInfo.InvariantCulture);
        var unicode = printable ? k.Key : 0;
        measure("KeyPress", host.CallIn("KeyPress", k.Key, mods, false, label, unicode, k.Key, new List<object>()));
        measure("KeyRelease", host.CallIn("KeyRelease", k.Key, mods, label, unicode, k.Key, new List<object>()));
    }

    private void Click(ClickMouse c)
    {
        var (left, middle, right) = (c.Button == 1, c.Button == 2, c.Button == 3);
        engine.Mouse = new MouseState(c.X, c.Y, left, middle, right, false);
        measure("IsAbove", host.CallIn("IsAbove", c.X, c.Y));
        if (_handler.LastAnswerTaken())
        {
            measure("GetTooltip", host.CallIn("GetTooltip", c.X, c.Y));
        }

        measure("MousePress", host.CallIn("MousePress", c.X, c.Y, c.Button));
        engine.Mouse = new MouseState(c.X, c.Y, false, false, false, false);
        measure("MouseRelease", host.CallIn("MouseRelease", c.X, c.Y, c.Button));
    }
}
