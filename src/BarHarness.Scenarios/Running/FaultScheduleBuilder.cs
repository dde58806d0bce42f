using BarHarness.Scenarios.Definition;
using BarHarness.TestServer.Faults;
using ScenarioFaults = BarHarness.Scenarios.Definition.FaultCatalog;
using ServerFaults = BarHarness.TestServer.Faults.FaultCatalog;

namespace BarHarness.Scenarios.Running;

/// <summary>The scenario's fault list as the test server's schedule, on the game clock (frames).</summary>
internal static class FaultScheduleBuilder
{
    public static FaultSchedule Build(IEnumerable<FaultSpec> faults)
    {
        var schedule = new FaultSchedule();
        foreach (var spec in faults)
        {
            var shape = ScenarioFaults.Get(spec.Kind);
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var p in shape.Parameters)
            {
                if (spec.Parameters.TryGetValue(p.Name, out var value))
                {
                    parameters[p.ServerName] = value * p.ServerScale;
                }
                else if (p.Default is double d)
                {
                    parameters[p.ServerName] = d * p.ServerScale;
                }
            }

            var fault = ServerFaults.Default.Create(spec.Name, parameters) with
            {
                Toxicity = spec.Toxicity,
            };
            if (spec.Direction is FaultDirection direction)
            {
                fault = fault with { Stream = direction == FaultDirection.Upstream ? FaultStream.Upstream : FaultStream.Downstream };
            }

            var start = (long)Math.Round(spec.AtSeconds * ScenarioDefinition.FramesPerSecond);
            long? end = spec.EndSeconds is double e ? (long)Math.Round(e * ScenarioDefinition.FramesPerSecond) : null;
            schedule.Add(new ScheduledFault(fault, start, end, FaultClock.GameFrame));
        }

        return schedule;
    }
}
