namespace BarHarness.Scenarios.Running;

/// <summary>The scenario's fault list as the test server's schedule, on the game clock (frames).</summary>
internal static class FaultScheduleBuilder
{
    public static FaultSchedule Build(IEnumerable<FaultSpec> faults)
    {
        var schedule = new FaultSchedule();
        foreach (var spec in faults)
        {
            var start = (long)Math.Round(spec.AtSeconds * ScenarioDefinition.FramesPerSecond);
            // A window without an end lasts until the end of the run, as scenarios/README.md says.
            long? end = spec.EndSeconds is double e
                ? (long)Math.Round(e * ScenarioDefinition.FramesPerSecond)
                : spec.IsInstant ? null : long.MaxValue;
            schedule.Add(new ScheduledFault(spec.ToFault(), start, end, FaultClock.GameFrame));
        }

        return schedule;
    }
}
