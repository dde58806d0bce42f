namespace BarHarness.Engine.Tests.World;

/// <summary>Steps two worlds frame by frame side by side, for comparing them as they go.</summary>
internal static class Lockstep
{
    /// <summary>Steps <paramref name="a"/> then <paramref name="b"/> <paramref name="frames"/> times, calling
    /// <paramref name="afterEachFrame"/> once both have stepped.</summary>
    public static void Step(SyntheticWorld a, SyntheticWorld b, int frames, Action? afterEachFrame = null)
    {
        for (var f = 0; f < frames; f++)
        {
            a.StepFrame();
            b.StepFrame();
            afterEachFrame?.Invoke();
        }
    }
}
