namespace BarHarness.TestServer.Oracle;

/// <summary>
/// The widget's sequence numbers live in [0, 2^24): Recoil's Lua numbers are float32, exact only up
/// to 2^24, so the widget wraps 16777215 -> 0.
/// </summary>
public static class SeqSpace
{
    public const long Modulus = 1L << 24;

    public static long Next(long seq) => (seq + 1) % Modulus;

    /// <summary>How many numbers were skipped between <paramref name="expected"/> and <paramref name="actual"/>, going
    /// forward.</summary>
    public static long ForwardDistance(long expected, long actual) =>
        ((actual - expected) % Modulus + Modulus) % Modulus;

    /// <summary>Distances past half the space are read as going backwards (a repeat or reorder), not as a huge
    /// gap.</summary>
    public static bool IsBackwards(long forwardDistance) => forwardDistance >= Modulus / 2;
}
