namespace BarHarness.World;

/// <summary>
/// Game time as a widget sees it: the sim frame (30 a second; the first GameFrame is 1), speed
/// (0.1x..10x, wanted and actual), pause, start and end of game, replay mode.
/// </summary>
public sealed class GameClock
{
    public const int FramesPerSecond = 30;

    /// <summary>Frames in a game day: Spring.GetGameFrame splits the frame by this (float32 Lua numbers).</summary>
    public const int DayFrames = FramesPerSecond * 60 * 60 * 24;

    public const float MinSpeed = 0.1f;
    public const float MaxSpeed = 10f;

    public int Frame { get; internal set; }

    public float WantedSpeed { get; private set; } = 1f;

    public float ActualSpeed { get; private set; } = 1f;

    public bool Paused { get; private set; }

    /// <summary>Player id that paused or unpaused last (for the GamePaused call-in).</summary>
    public int PausedBy { get; private set; }

    public bool GameStarted { get; private set; }

    public bool GameOver { get; private set; }

    public bool IsReplay { get; init; }

    public double GameSeconds => Frame / (double)FramesPerSecond;

    public void SetSpeed(float wanted, float? actual = null)
    {
        WantedSpeed = Math.Clamp(wanted, MinSpeed, MaxSpeed);
        ActualSpeed = Math.Clamp(actual ?? WantedSpeed, MinSpeed, MaxSpeed);
    }

    public void SetPaused(bool paused, int byPlayerId)
    {
        Paused = paused;
        PausedBy = byPlayerId;
    }

    public void StartGame() => GameStarted = true;

    public void EndGame() => GameOver = true;
}
