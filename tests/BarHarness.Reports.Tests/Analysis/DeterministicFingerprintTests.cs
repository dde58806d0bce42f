namespace BarHarness.Reports.Tests.Analysis;

public sealed class DeterministicFingerprintTests
{
    [Fact]
    public void Same_seed_gives_the_same_fingerprint()
    {
        Assert.Equal(
            DeterministicFingerprint.Of(SampleReports.Passing("typical", 9)),
            DeterministicFingerprint.Of(SampleReports.Passing("typical", 9)));
    }

    [Fact]
    public void One_more_instruction_in_one_frame_changes_the_fingerprint()
    {
        var scenario = SampleReports.Passing("typical", 9);
        var instructions = scenario.Frames.LuaInstructions.ToArray();
        instructions[100]++;

        var changed = scenario with { Frames = scenario.Frames with { LuaInstructions = instructions } };

        Assert.NotEqual(DeterministicFingerprint.Of(scenario), DeterministicFingerprint.Of(changed));
    }

    [Fact]
    public void Real_time_does_not_enter_the_fingerprint()
    {
        var scenario = SampleReports.Passing("typical", 9);
        var slower = scenario with
        {
            WallSeconds = 99,
            Frames = scenario.Frames with { WidgetMicros = scenario.Frames.WidgetMicros.Select(m => m * 3).ToArray() },
            Budget = BudgetReport.Empty,
        };

        Assert.Equal(DeterministicFingerprint.Of(scenario), DeterministicFingerprint.Of(slower));
    }
}
