using System.Text.Encodings.Web;

namespace BarHarness.Reports.Exporters;

/// <summary>
/// results.json in the shape of Mocha's JSON reporter, the format BAR's headless test runner emits
/// and CI test reporters (e.g. mocha-json readers) understand:
/// <c>{ stats: {suites, tests, passes, pending, failures, start, end, duration}, tests, pending, failures, passes
/// }</c>,
/// each test <c>{ title, fullTitle, file, duration, currentRetry, err }</c> with <c>err</c> empty on a pass
/// and <c>{ message, stack }</c> on a failure. One suite per scenario, one test per expectation, plus a
/// "run" test when the run crashed. Durations are milliseconds; expectations carry 0 (see JUnit).
/// </summary>
public sealed class MochaJsonExporter : IReportExporter
{
    public string FormatName => "mocha";

    public string FileName => "results.json";

    public void Export(RunReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tests = report.Scenarios.SelectMany(TestsOf).ToArray();
        using var json = new Utf8JsonWriter(
            destination,
            new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartObject("stats");
        json.WriteNumber("suites", report.Scenarios.Count);
        json.WriteNumber("tests", tests.Length);
        json.WriteNumber("passes", tests.Count(t => t.Failure is null));
        json.WriteNumber("pending", 0);
        json.WriteNumber("failures", tests.Count(t => t.Failure is not null));
        json.WriteString("start", report.StartedAt);
        json.WriteString("end", report.FinishedAt ?? report.StartedAt);
        json.WriteNumber("duration", Math.Round((report.WallSeconds ?? 0) * 1000));
        if (report.LuaVm is not null)
        {
            json.WriteString("luaVm", report.LuaVm);
        }

        json.WriteEndObject();
        WriteTests(json, "tests", tests);
        WriteTests(json, "pending", []);
        WriteTests(json, "failures", tests.Where(t => t.Failure is not null));
        WriteTests(json, "passes", tests.Where(t => t.Failure is null));
        json.WriteEndObject();
    }

    private static IEnumerable<MochaTest> TestsOf(ScenarioResult scenario)
    {
        if (scenario.Error is { } error)
        {
            yield return new MochaTest(
                "run",
                scenario,
                new MochaFailure(
                    error.ToString(),
                    $"RunError: {error}\n    at {error.Location ?? scenario.File}\n"
                        + $"Reproduce: {scenario.ReproduceCommand}"));
        }

        foreach (var e in scenario.Expectations)
        {
            var failure = e.Passed
                ? null
                : new MochaFailure(
                    $"expected {e.Expected}, actual {e.Actual}",
                    $"ExpectationFailed: expected {e.Expected}, actual {e.Actual}"
                        + (e.Detail is null ? string.Empty : "\n" + e.Detail)
                        + $"\n    at {scenario.File}\nReproduce: {scenario.ReproduceCommand}");
            yield return new MochaTest(e.Name, scenario, failure);
        }
    }

    private static void WriteTests(Utf8JsonWriter json, string name, IEnumerable<MochaTest> tests)
    {
        json.WriteStartArray(name);
        foreach (var test in tests)
        {
            json.WriteStartObject();
            json.WriteString("title", test.Title);
            json.WriteString("fullTitle", $"{test.Scenario.Name} {test.Title}");
            json.WriteString("file", test.Scenario.File);
            json.WriteNumber("duration", 0);
            json.WriteNumber("currentRetry", 0);
            json.WriteStartObject("err");
            if (test.Failure is { } failure)
            {
                json.WriteString("message", failure.Message);
                json.WriteString("stack", failure.Stack);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private sealed record MochaTest(string Title, ScenarioResult Scenario, MochaFailure? Failure);

    private sealed record MochaFailure(string Message, string Stack);
}
