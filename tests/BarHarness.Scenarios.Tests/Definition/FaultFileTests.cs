using BarHarness.TestServer.Faults;

namespace BarHarness.Scenarios.Tests.Definition;

public sealed class FaultFileTests
{
    [Fact]
    public void A_fault_file_is_a_scenario_faults_list_on_the_wall_clock()
    {
        var schedule = FaultFile.Parse(
            """
            faults:
              - {name: latency, at: 2s, duration: 500ms, params: {latency_ms: 200, jitter_ms: 50}}
              - {name: restart, at: 10s, params: {delay_s: 3}}
              - {name: stop_read, at: 20s}
            """,
            "f.yaml");

        var latency = schedule.Entries[0];
        Assert.Equal(new LatencyFault(200, 50), latency.Fault);
        Assert.Equal((2_000_000L, 2_500_000L, FaultClock.Wall), (latency.Start, latency.End!.Value, latency.Clock));
        Assert.Equal(new RestartFault(3000), schedule.Entries[1].Fault);
        Assert.Null(schedule.Entries[1].End);
        Assert.Equal(long.MaxValue, schedule.Entries[2].End);
    }

    [Theory]
    [InlineData("faults:\n  - {name: latency, at: 1s, params: {latency: 5}}\n", "f.yaml:2:", "latency")]
    [InlineData("faults:\n  - {fault: down, at: 1s}\n", "f.yaml:2:", "fault")]
    [InlineData("fault:\n  - {name: down, at: 1s}\n", "f.yaml:1:", "faults")]
    public void Errors_name_file_line_and_column(string text, string where, string what)
    {
        var error = Assert.Throws<HarnessInputException>(() => FaultFile.Parse(text, "f.yaml"));
        Assert.StartsWith(where, error.Describe(), StringComparison.Ordinal);
        Assert.Contains(what, error.Describe(), StringComparison.Ordinal);
    }
}
