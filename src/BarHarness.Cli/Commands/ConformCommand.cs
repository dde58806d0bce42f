using BarHarness.TestServer.Oracle;

namespace BarHarness.Cli.Commands;

/// <summary>
/// <c>barharness conform stream.jsonl</c>: checks a recorded stream against widget/SCHEMA.md's rules that
/// need no game.
/// </summary>
internal static class ConformCommand
{
    public static Command Create()
    {
        var file = DescribedOption.Argument<string>(
            "stream", "the widget's bytes (a JSON message per line, or length-prefixed), or a serve --record file");
        var max = DefaultedOption.Create<int>("--max", 50, "print at most this many violations (all are counted)");
        var command = new Command(
            "conform",
            "Check a recorded stream against widget/SCHEMA.md: every rule that needs no game, one line per violation "
            + "with its rule; exit 0 conforms, 1 violations, 2 unreadable")
        {
            file,
            max,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var report = StreamConformance.Check(path); // an unreadable stream is bad input: exit 2 (Program)

            foreach (var v in report.Violations.Take(Math.Max(0, parse.GetValue(max))))
            {
                var seq = v.Seq is { } s ? $" seq {s}" : string.Empty;
                System.Console.WriteLine($"{path}:{v.AtMicros}: SCHEMA {v.RuleId} {v.Kind}{seq}: {v.Detail}");
            }

            var stats = report.Stats;
            var kinds = string.Join(
                ", ", stats.ViolationsByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"));
            System.Console.WriteLine(report.Conforms
                ? $"conforms: {stats.ValidMessages} messages on {stats.Connections} connection(s), "
                    + "no violation of SCHEMA.md's rules that need no game"
                : $"does not conform: {stats.TotalViolations} violation(s) in {stats.Messages} messages ({kinds}); "
                    + ":N is the input line (the message number in length framing)");
            return report.Conforms ? ExitCodes.Passed : ExitCodes.ExpectationFailed;
        });
        return command;
    }
}
