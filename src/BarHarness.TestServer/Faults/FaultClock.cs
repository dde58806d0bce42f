namespace BarHarness.TestServer.Faults;

/// <summary>Which clock a schedule entry's times are on.</summary>
public enum FaultClock
{
    /// <summary>Virtual wall time in µs since the run began.</summary>
    Wall,

    /// <summary>Game frames (30 per second of game time; stands still while the game is paused).</summary>
    GameFrame,
}
