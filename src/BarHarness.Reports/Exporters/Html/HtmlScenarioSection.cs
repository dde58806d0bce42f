namespace BarHarness.Reports.Exporters.Html;

/// <summary>Writes one scenario's section of index.html: facts, expectations, budget, leak, network, console.</summary>
internal static class HtmlScenarioSection
{
    public static void Write(StringBuilder html, ScenarioResult s, int index)
    {
        var open = s.Outcome == ScenarioOutcome.Pass ? string.Empty : " open";
        html.Append("<section id=\"s")
            .Append(index.ToString(CultureInfo.InvariantCulture)).Append("\"><details").Append(open)
            .Append("><summary><h2>").Append(Badge(s.Outcome)).Append(' ').Append(HtmlText.Escape(s.Name))
            .Append("</h2></summary>");

        WriteFacts(html, s);
        WriteExpectations(html, s);
        WriteBudget(html, s);
        WriteLeak(html, s);
        WriteNetwork(html, s);
        html.Append("</details></section>");
    }

    private static void WriteFacts(StringBuilder html, ScenarioResult s)
    {
        html.Append("<p class=\"facts\">")
            .Append(HtmlText.Escape(s.File)).Append(" · seed ").Append(s.Seed.ToString(CultureInfo.InvariantCulture))
            .Append(" · widget ").Append(HtmlText.Escape(s.WidgetPath)).Append(" <code>")
            .Append(HtmlText.Escape(s.WidgetSha256)).Append("</code>").Append(" · ")
            .Append(ReportFormat.GameTime(s.DurationGameSeconds)).Append(" game time");
        if (s.WallSeconds is { } wall)
        {
            html.Append(" in ").Append(ReportFormat.Number(wall)).Append(" s real");
        }

        html.Append("</p><pre class=\"repro\">").Append(HtmlText.Escape(s.ReproduceCommand)).Append("</pre>");
        if (s.Error is { } error)
        {
            html.Append("<p class=\"error\"><strong>Run error:</strong> ")
                .Append(HtmlText.Escape(error.ToString())).Append("</p>");
        }
    }

    private static void WriteExpectations(StringBuilder html, ScenarioResult s)
    {
        html.Append("<h3>Expectations</h3>");
        if (ReportFormat.BudgetReplay(s) is { } replayed)
        {
            html.Append("<p>").Append(HtmlText.Escape(replayed)).Append("</p>");
        }

        HtmlTable.Write(
            html,
            ["Expectation", "Result", "Expected", "Actual", "Detail"],
            s.Expectations.OrderBy(e => e.Passed)
                .Select(e => new HtmlRow(
                    [e.Name, e.Passed ? "pass" : "FAIL", e.Expected, e.Actual, e.Detail ?? string.Empty],
                    e.Passed ? null : "fail")));
    }

    private static void WriteBudget(StringBuilder html, ScenarioResult s)
    {
        var b = s.Budget;
        html.Append("<h3>Frame budget</h3>");
        AppendChart(
            html,
            ScenarioCharts.FrameTime(s),
            "Blue: real widget µs per frame (band min–max, line mean per pixel); "
                + "orange dashes: deterministic cost (max per pixel); grey: units (right axis); "
                + "shaded: fault windows.");
        HtmlTable.Write(
            html,
            ["Per frame", "p50", "p95", "p99", "max", "frames over budget"],
            [
                DistributionRow("real µs", b.FrameRealMicros, OverBudgetCell(b.OverBudgetReal)),
                DistributionRow("deterministic cost", b.FrameCost, OverBudgetCell(b.OverBudgetCost)),
                DistributionRow(
                    "engine calls µs", b.FrameEngineMicros, "engine share " + ReportFormat.Share(b.EngineShare)),
            ]);

        html.Append("<h4>Per call-in</h4>");
        HtmlTable.Write(
            html,
            ["Call-in", "calls", "p50 µs", "p95 µs", "p99 µs", "max µs", "p99 cost", "max cost"],
            b.CallIns.Select(c => new HtmlRow([
                c.CallIn,
                ReportFormat.Count(c.Calls),
                .. Micros(c.RealMicros.P50, c.RealMicros.P95, c.RealMicros.P99, c.RealMicros.Max),
                .. Micros(c.Cost.P99, c.Cost.Max),
            ])));

        html.Append("<h4>By unit count</h4>");
        HtmlTable.Write(
            html,
            ["Units", "frames", "p50 µs", "p99 µs", "max µs", "p99 cost"],
            b.UnitBuckets.Select(u => new HtmlRow([
                u.Label,
                ReportFormat.Count(u.RealMicros.Count),
                .. Micros(u.RealMicros.P50, u.RealMicros.P99, u.RealMicros.Max, u.Cost.P99),
            ])));

        html.Append("<h4>Costliest frames</h4>");
        HtmlTable.Write(
            html,
            ["Frame", "game time", "CPU µs", "real µs", "cost", "call-in", "widget functions responsible"],
            s.SlowestFrames.Select(f => new HtmlRow(
                [
                    ReportFormat.Count(f.Frame),
                    ReportFormat.GameTime(f.GameSeconds),
                    .. Micros(f.CpuMicros, f.WidgetMicros, f.Cost),
                    f.CallIn,
                    string.Join(", ", f.TopFunctions),
                ],
                f.CpuMicros > b.BudgetMicros ? "fail" : null)));

        html.Append("<h4>Per function (widget Lua)</h4>");
        HtmlTable.Write(
            html,
            ["Function", "self samples", "self instructions", "share", "allocated (sampled)"],
            s.Profile.Select(p => new HtmlRow([
                p.Function, ReportFormat.Count(p.SelfSamples), ReportFormat.Count(p.SelfInstructions),
                ReportFormat.Share(p.Share), ReportFormat.Bytes(p.AllocBytes)])));
    }

    private static void WriteLeak(StringBuilder html, ScenarioResult s)
    {
        var leak = s.Leak;
        html.Append("<h3>Memory</h3><p>Verdict <strong>")
            .Append(leak.Verdict).Append("</strong>: ").Append(HtmlText.Escape(leak.VerdictReason));
        if (leak.Slope is { } slope)
        {
            html.Append(". Slope ")
                .Append(ReportFormat.Number(slope.BytesPerMinute)).Append(" B/min (95% CI ")
                .Append(ReportFormat.Number(slope.Low95)).Append(" to ").Append(ReportFormat.Number(slope.High95))
                .Append(", ").Append(slope.Samples.ToString(CultureInfo.InvariantCulture)).Append(" samples)");
        }

        html.Append(".</p>");
        AppendChart(
            html,
            ScenarioCharts.Heap(s),
            "Dots: heap after full collection; red line: fitted trend over the fit window.");
        AppendChart(
            html,
            ScenarioCharts.Allocation(s),
            "Bytes allocated per frame (band min–max, line mean per pixel).");
        HtmlTable.Write(
            html,
            ["Per frame", "mean", "p50", "p99", "max"],
            [
                AllocationRow("bytes allocated", leak.AllocBytesPerFrame),
                AllocationRow("allocations", leak.AllocCountPerFrame),
            ]);

        html.Append("<h4>Still held at the end (grown most since the steady state began)</h4>");
        HtmlTable.Write(
            html,
            ["Reachable from", "object", "size", "objects", "growth"],
            leak.Retained.Select(r => new HtmlRow([
                r.ReachableFrom, r.Description, ReportFormat.Bytes(r.Bytes), ReportFormat.Number(r.Objects),
                (r.GrowthBytes >= 0 ? "+" : "-") + ReportFormat.Bytes(Math.Abs(r.GrowthBytes))])));
        html.Append("<h4>Left open after Shutdown</h4>");
        HtmlTable.Write(
            html,
            ["Kind", "what"],
            leak.Leftovers.OpenSockets.Select(x => new HtmlRow(["socket", x], "fail"))
                .Concat(leak.Leftovers.Actions.Select(x => new HtmlRow(["action", x], "fail"))));
    }

    private static void WriteNetwork(StringBuilder html, ScenarioResult s)
    {
        var n = s.Network;
        html.Append("<h3>Network</h3><p>Sent ")
            .Append(ReportFormat.Bytes(n.BytesSent)).Append(", received ").Append(ReportFormat.Bytes(n.BytesReceived))
            .Append(", ").Append(ReportFormat.Count(n.Messages)).Append(" messages, ")
            .Append(n.Reconnects.ToString(CultureInfo.InvariantCulture)).Append(" reconnects, ")
            .Append(ReportFormat.Count(n.DropsDeclared)).Append(" drops declared by the widget.</p>");
        AppendChart(
            html,
            ScenarioCharts.QueueDepth(s),
            "Send-queue depth per frame (band min–max, line mean per pixel).");
        AppendChart(html, ScenarioCharts.Freshness(s), "Age of the newest data the server holds.");
        HtmlNetworkTimelineSection.Write(html, s.NetworkTimeline);
        HtmlTable.Write(
            html,
            ["Oracle rule", "game time", "finding"],
            n.OracleViolations.Select(v => new HtmlRow(
                [v.Rule, v.GameSeconds is { } t ? ReportFormat.GameTime(t) : string.Empty, v.Message],
                "fail")));

        var console = s.Console;
        html.Append("<h3>Console</h3><p>")
            .Append(ReportFormat.Count(console.Lines)).Append(" lines, at most ")
            .Append(ReportFormat.Count(console.MaxLinesPerGameMinute)).Append(" in one game minute.</p>");
        HtmlTable.Write(
            html,
            ["Repeated line", "count"],
            console.TopRepeated.Select(r => new HtmlRow([r.Text, ReportFormat.Count(r.Count)])));
        HtmlConsoleTranscriptSection.Write(html, s.ConsoleTranscript);
    }

    private static string OverBudgetCell(OverBudget over) =>
        ReportFormat.Count(over.Frames) + " (" + ReportFormat.Share(over.Share) + ")";

    private static HtmlRow DistributionRow(string label, Distribution d, string extra) =>
        new([label, .. Micros(d.P50, d.P95, d.P99, d.Max), extra]);

    private static HtmlRow AllocationRow(string label, Distribution d) =>
        new([label, .. new[] { d.Mean, d.P50, d.P99, d.Max }.Select(ReportFormat.Number)]);

    private static IEnumerable<string> Micros(params double[] values) => values.Select(ReportFormat.Micros);

    private static void AppendChart(StringBuilder html, string? svg, string caption)
    {
        if (svg is null)
        {
            return;
        }

        html.Append("<figure>")
            .Append(svg).Append("<figcaption>").Append(HtmlText.Escape(caption)).Append("</figcaption></figure>");
    }

    private static string Badge(ScenarioOutcome outcome) =>
        outcome switch
        {
            ScenarioOutcome.Pass => "<span class=\"badge pass\">pass</span>",
            ScenarioOutcome.Fail => "<span class=\"badge fail\">FAIL</span>",
            _ => "<span class=\"badge error\">ERROR</span>",
        };
}
