namespace BarHarness.Scenarios.Definition.Loading;

/// <summary>
/// <c>events:</c> a list of <c>{at, action, ...}</c> with actions speed (with <c>speed</c>), pause,
/// unpause, reload, enable, game_over, spectate (with optional <c>full_view</c>) and command (with
/// <c>text</c>), and the player's hands: select, order, key, click, wheel, type, resize and spawn (see
/// <see cref="PlayerActionReaders"/>); any of them may <c>repeat</c>.
/// </summary>
internal static class EventsSectionParser
{
    public const double MinSpeed = 0.1;
    public const double MaxSpeed = 10;

    private static readonly IReadOnlyDictionary<string, string> Actions = YamlValues.Names(
        "speed", "pause", "unpause", "reload", "enable", "game_over", "spectate", "command", "select", "order", "key",
        "click", "wheel", "type", "resize", "spawn");

    public static IReadOnlyList<GameEvent> Parse(YamlNode? node, ParseContext ctx)
    {
        if (node is null)
        {
            return [];
        }

        var list = YamlValues.Sequence(node, "'events'");
        var result = new List<(GameEvent Event, int Order)>();
        var gameOvers = new List<SourceLocation>();
        var enables = new List<SourceLocation>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var reader = new MappingReader(list.Items[i], $"events[{i + 1}]");
            var at = ctx.RequiredTime(reader, "at");
            var action = YamlValues.Choice(
                reader.Required("action", "one of " + string.Join(", ", Actions.Keys)),
                reader.Describe("action"),
                Actions);
            Func<double, GameEvent> make = action switch
            {
                "speed" => Speed(reader),
                "pause" => t => new Pause(t),
                "unpause" => t => new Unpause(t),
                "reload" => t => new WidgetReload(t),
                "enable" => t => new WidgetEnable(t),
                "game_over" => t => new GameOver(t),
                "spectate" => Spectate(reader),
                "command" => Command(reader),
                _ => PlayerActionReaders.Read(action, reader),
            };
            var offsets = RepeatReader.Offsets(reader, at, ctx.DurationSeconds, ctx);
            reader.Finish();

            if (action == "game_over")
            {
                gameOvers.Add(reader.Location);
            }

            if (action == "enable")
            {
                enables.Add(reader.Location);
            }

            result.AddRange(offsets.Select(o => (make(Math.Min(at + o, ctx.DurationSeconds)), i)));
        }

        if (gameOvers.Count > 1 || result.Count(r => r.Event is GameOver) > 1)
        {
            throw new HarnessInputException(
                gameOvers.Count > 1 ? gameOvers[1] : gameOvers[0],
                "the game can end only once",
                "at most one game_over event, without repeat");
        }

        if (enables.Count > 1 || result.Count(r => r.Event is WidgetEnable) > 1)
        {
            throw new HarnessInputException(
                enables.Count > 1 ? enables[1] : enables[0],
                "the widget can be enabled mid-game only once (it starts disabled until then)",
                "at most one enable event, without repeat; use reload to restart it");
        }

        // Stable order: by time, then as written.
        return result.OrderBy(r => r.Event.AtSeconds).ThenBy(r => r.Order).Select(r => r.Event).ToArray();
    }

    private static Func<double, GameEvent> Speed(MappingReader reader)
    {
        var speed = YamlValues.Number(
            reader.Required("speed", $"a game speed from {MinSpeed} to {MaxSpeed}"),
            reader.Describe("speed"),
            MinSpeed,
            MaxSpeed);
        return t => new SpeedChange(t, speed);
    }

    private static Func<double, GameEvent> Spectate(MappingReader reader)
    {
        var fullView = reader.Read("full_view", true, YamlValues.Bool);
        return t => new SpectatorSwitch(t, fullView);
    }

    private static Func<double, GameEvent> Command(MappingReader reader)
    {
        var textNode = reader.Required("text", "the command, e.g. \"/livedata status\"");
        var text = YamlValues.String(textNode, reader.Describe("text"));
        if (text.Length > 4096)
        {
            throw new HarnessInputException(
                textNode.Location,
                $"command text is {text.Length} characters long",
                "at most 4096 characters");
        }

        return t => new TextCommand(t, text);
    }
}
