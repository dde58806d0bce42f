namespace BarHarness.Cli.Serve;

/// <summary>One key a maintainer presses to pull the plug on a live game.</summary>
public sealed record ServeKey(char Key, string Label, Action<ServeSession, ServeKeyState> Apply);

/// <summary>What keystrokes have switched on (stop_read is a toggle).</summary>
public sealed class ServeKeyState
{
    public bool StopReading { get; set; }

    public bool QuitRequested { get; set; }
}

/// <summary>The keys of <c>barharness serve</c>'s live view and the faults they inject.</summary>
public static class ServeKeyBindings
{
    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    public static IReadOnlyList<ServeKey> All { get; } =
    [
        new('d', "disconnect (FIN)", (s, _) => s.Inject("disconnect", NoParameters)),
        new('r', "reset_peer (RST)", (s, _) => s.Inject("reset_peer", NoParameters)),
        new('s', "toggle stop_read", ToggleStopRead),
        new('x', "down for 10 s", (s, _) => s.Inject("down", NoParameters, TimeSpan.FromSeconds(10))),
        new('c', "clear faults", (s, k) =>
        {
            s.ClearFaults();
            k.StopReading = false;
        }),
        new('q', "quit", (_, k) => k.QuitRequested = true),
    ];

    public static ServeKey? Find(char key) => All.FirstOrDefault(k => k.Key == char.ToLowerInvariant(key));

    public static string Legend => string.Join("  ", All.Select(k => $"{k.Key} {k.Label}"));

    private static void ToggleStopRead(ServeSession session, ServeKeyState state)
    {
        if (state.StopReading)
        {
            // The session removes faults only all at once: switching stop_read off clears the others too.
            session.ClearFaults();
            state.StopReading = false;
        }
        else
        {
            session.Inject("stop_read", NoParameters);
            state.StopReading = true;
        }
    }
}
