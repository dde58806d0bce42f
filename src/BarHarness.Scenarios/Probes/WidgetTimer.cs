namespace BarHarness.Scenarios.Probes;

/// <summary>What a run's Spring.GetTimer reads (<see cref="TimerMode"/>), at which prices, and its readings.</summary>
internal sealed record WidgetTimer(TimerMode Mode, VirtualTimerCostModel Prices, TimerReadings Readings)
{
    /// <summary>The report's name for it: cpu, cpu replayed, virtual or real.</summary>
    public string Name => Mode switch
    {
        TimerMode.Cpu => Readings.Replaying ? "cpu replayed" : "cpu",
        TimerMode.Real => "real",
        _ => "virtual",
    };

    public static WidgetTimer Of(EngineApiContext engine) =>
        new(engine.Options.TimerMode, engine.Options.TimerCosts, engine.TimerReadings);
}
