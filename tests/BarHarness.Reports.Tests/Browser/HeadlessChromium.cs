using System.Diagnostics;
using System.Text.Json;

namespace BarHarness.Reports.Tests.Browser;

/// <summary>What a page did in the browser: script errors, SVG charts present and drawn with a visible size.</summary>
internal sealed record PageProbe(IReadOnlyList<string> Errors, int Charts, int DrawnCharts);

/// <summary>
/// Opens an HTML file in headless Chromium (Debian's <c>chromium</c>) with a probe around it: the first
/// script records every script error, the last one counts the SVG charts that were laid out with a size
/// and have marks in them, and writes both into the DOM that <c>--dump-dom</c> prints.
/// </summary>
internal static class HeadlessChromium
{
    private const string ErrorRecorder =
        "<script>window.__errors=[];" +
        "window.addEventListener('error',function(e){window.__errors.push(String(e.message||e));});</script>";

    private const string ChartCounter =
        "<script>(function(){var svgs=document.querySelectorAll('svg');var drawn=0;" +
        "svgs.forEach(function(s){var b=s.getBoundingClientRect();" +
        "if(b.width>0&&b.height>0&&s.querySelector('path,polyline,polygon,line,rect,circle'))drawn++;});" +
        "var p=document.createElement('pre');p.id='barharness-probe';" +
        "p.textContent=JSON.stringify({errors:window.__errors,charts:svgs.length,drawn:drawn});" +
        "document.body.appendChild(p);})();</script>";

    public static string? Executable { get; } = Find();

    public static PageProbe Open(string html)
    {
        var dir = Directory.CreateTempSubdirectory("bh-chromium-").FullName;
        try
        {
            var page = Path.Combine(dir, "index.html");
            var headAt = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
            var bodyEnd = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            var probed = html[..bodyEnd] + ChartCounter + html[bodyEnd..];
            probed = headAt < 0 ? ErrorRecorder + probed : probed.Insert(headAt + "<head>".Length, ErrorRecorder);
            File.WriteAllText(page, probed);
            var dom = Run(page, Path.Combine(dir, "profile"));
            const string Marker = "<pre id=\"barharness-probe\">";
            var start = dom.IndexOf(Marker, StringComparison.Ordinal);
            Assert.True(
                start >= 0,
                "the probe never ran (a script error before it, or Chromium printed no DOM):\n"
                + dom[..Math.Min(dom.Length, 2000)]);
            var end = dom.IndexOf("</pre>", start, StringComparison.Ordinal);
            var json = System.Net.WebUtility.HtmlDecode(dom[(start + Marker.Length)..end]);
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return new PageProbe(
                root.GetProperty("errors").EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList(),
                root.GetProperty("charts").GetInt32(),
                root.GetProperty("drawn").GetInt32());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static string Run(string page, string profile)
    {
        var info = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + profile, "--window-size=1280,2000", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(90_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("headless Chromium did not finish within 90 s");
        }

        return stdout.Result.Length > 0 ? stdout.Result : stderr.Result;
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}

/// <summary>
/// A fact that needs headless Chromium: skipped, saying how to install it, only when it is not installed.
/// </summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
        {
            Skip = "chromium is not installed: apt-get install -y chromium (bash .ci/run installs it)";
        }
    }
}
