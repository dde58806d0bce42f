using BarHarness.Core.Diagnostics;
using BarHarness.TestServer.Faults;

namespace BarHarness.TestServer.Tests.Faults;

public class FaultScheduleFileTests
{
    [Fact]
    public void A_schedule_file_reads_wall_and_game_clock_entries()
    {
        const string yaml = """
            faults:
              - fault: stop_read
                at: 10s
                for: 5s
              - fault: latency
                at_frame: 300
                until_frame: 600
                latency: 200
                jitter: 50
                toxicity: 0.5
              - fault: restart
                at: 1500ms
                delay: 2000
            """;

        var schedule = FaultScheduleFile.Parse(yaml, "s.yaml");

        Assert.Equal(new ScheduledFault(new StopReadFault(), 10_000_000, 15_000_000), schedule.Entries[0]);
        Assert.Equal(new ScheduledFault(new LatencyFault(200, 50) { Toxicity = 0.5 }, 300, 600, FaultClock.GameFrame), schedule.Entries[1]);
        Assert.Equal(new ScheduledFault(new RestartFault(2000), 1_500_000), schedule.Entries[2]);
    }

    [Theory]
    [InlineData("faults:\n  - fault: lag\n    at: 1s\n", "s.yaml:2:12: unknown fault 'lag'")]
    [InlineData("faults:\n  - fault: latency\n    at: 1s\n    jitter: 5\n    latency: fast\n", "s.yaml:5:14: 'latency' of fault 'latency' is 'fast'")]
    [InlineData("faults:\n  - fault: latency\n    at: 1s\n    latncy: 5\n", "s.yaml:4:13: fault 'latency' has no parameter 'latncy'")]
    [InlineData("faults:\n  - fault: latency\n    at: soon\n", "s.yaml:3:9: 'at' is 'soon'")]
    [InlineData("faults:\n  - fault: latency\n    latency: 10\n", "s.yaml:2:5: fault 'latency' has no start")]
    [InlineData("faults:\n  - fault: latency\n    at: 1s\n    at_frame: 3\n", "s.yaml:2:5: fault entry mixes")]
    [InlineData("faults:\n  - fault: latency\n    at: 2s\n    until: 1s\n", "s.yaml:4:12: fault 'latency' ends before it starts")]
    [InlineData("faults: [ {fault: down, at: 1s ]\n", "s.yaml:1:")]
    public void Bad_schedules_name_file_line_and_column(string yaml, string expectedStart)
    {
        var error = Assert.Throws<HarnessInputException>(() => FaultScheduleFile.Parse(yaml, "s.yaml"));

        Assert.StartsWith(expectedStart, error.Describe());
    }

    [Fact]
    public void Json_is_accepted_too()
    {
        var schedule = FaultScheduleFile.Parse("""[{"fault": "down", "at": 2, "for": 1}]""", "s.json");

        Assert.Equal(new ScheduledFault(new DownFault(), 2_000_000, 3_000_000), Assert.Single(schedule.Entries));
    }

    [Theory]
    [InlineData("10s", 10_000_000)]
    [InlineData("250ms", 250_000)]
    [InlineData("1500us", 1_500)]
    [InlineData("2m", 120_000_000)]
    [InlineData("0.5", 500_000)]
    public void Durations_accept_common_units(string text, long micros) =>
        Assert.Equal(micros, FaultScheduleFile.ParseMicros(text));
}
