namespace BarHarness.Reports.Exporters.Html;

/// <summary>The report's inline stylesheet: no external assets, so index.html opens anywhere, offline.</summary>
internal static class ReportStyles
{
    public const string Css = """
        body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:1000px;color:#1b1f24;padding:0 1rem}
        h1{font-size:1.5rem}h2{display:inline;font-size:1.2rem}h3{margin-top:1.4rem;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:13px}
        th,td{border:1px solid #d0d7de;padding:2px 6px;text-align:left;vertical-align:top}
        th{background:#f6f8fa}tr.fail td{background:#ffebe9}
        .badge{border-radius:4px;padding:1px 6px;color:#fff;font-size:12px}
        .badge.pass{background:#1a7f37}.badge.fail{background:#cf222e}.badge.error{background:#8250df}
        td.none{color:#8c959f;font-style:italic}
        pre.repro{background:#f6f8fa;padding:6px;overflow-x:auto}.error{color:#cf222e}.facts{color:#57606a}
        section{margin:1rem 0;padding:.5rem;border:1px solid #d0d7de;border-radius:6px}
        summary{cursor:pointer}figure{margin:.5rem 0}figcaption{font-size:12px;color:#57606a}
        svg.chart{width:100%;height:auto;font-size:11px}
        .plot{fill:#fff;stroke:#d0d7de}.grid{stroke:#eee}.tick,.axis{fill:#57606a}.second{fill:#8c959f}
        .window{fill:#f0b400;opacity:.15}
        polyline{fill:none;stroke-width:1.2}
        .real{stroke:#0969da}.real-band{fill:#0969da;opacity:.25}
        .cost{stroke:#d4760a;stroke-dasharray:3 2}.units{stroke:#8c959f}
        .budget{stroke:#cf222e;stroke-dasharray:6 4;stroke-width:1.5}.rule-label{fill:#cf222e}
        .heap{fill:#0969da}.heap-band{fill:#0969da;opacity:.25}.trend{stroke:#cf222e;stroke-width:2}
        .alloc{stroke:#8250df}.alloc-band{fill:#8250df;opacity:.25}
        .queue{stroke:#1a7f37}.queue-band{fill:#1a7f37;opacity:.25}
        .fresh{stroke:#bf3989}.fresh-band{fill:#bf3989;opacity:.25}
        """;
}
