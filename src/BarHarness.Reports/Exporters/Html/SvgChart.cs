namespace BarHarness.Reports.Exporters.Html;

/// <summary>
/// A hand-drawn inline SVG line chart: x is game time, a left y axis from 0, an optional right
/// axis for a second series, shaded time windows and horizontal reference lines. Coordinates are
/// written with one decimal so the markup stays small.
/// </summary>
internal sealed class SvgChart
{
    public const int Width = 960;
    public const int PlotColumns = (Width - Left - Right) / 2;
    private const int Height = 250;
    private const int Left = 70;
    private const int Right = 70;
    private const int Top = 22;
    private const int Bottom = 30;
    private const int PlotWidth = Width - Left - Right;
    private const int PlotHeight = Height - Top - Bottom;

    private readonly StringBuilder _body = new();
    private readonly string _title;
    private readonly double _xMin;
    private readonly double _xMax;
    private readonly double _yMin;
    private readonly double _yMax;
    private readonly string _yUnit;
    private (double Max, string Unit)? _secondAxis;

    /// <param name="yMin">
    /// Bottom of the left axis; 0 unless the interesting part is a narrow band far from 0 (heap size).
    /// </param>
    public SvgChart(string title, double xMin, double xMax, double yMax, string yUnit, double yMin = 0)
    {
        _title = title;
        _xMin = xMin;
        _xMax = xMax > xMin ? xMax : xMin + 1;
        _yMin = double.IsFinite(yMin) ? yMin : 0;
        _yMax = _yMin + (yMax - _yMin > 0 && double.IsFinite(yMax) ? NiceCeiling(yMax - _yMin) : 1);
        _yUnit = yUnit;
    }

    public void AddWindow(double start, double end, string label)
    {
        var x1 = X(Math.Max(start, _xMin));
        var x2 = X(Math.Min(end, _xMax));
        _body.Append(Inv($"<rect class=\"window\" x=\"{x1:0.#}\" y=\"{Top}\" "))
            .Append(Inv($"width=\"{Math.Max(1, x2 - x1):0.#}\" height=\"{PlotHeight}\"><title>"))
            .Append(HtmlText.Escape(label)).Append("</title></rect>");
    }

    /// <summary>A min/max envelope drawn as a light band, with the per-column mean as a line through it.</summary>
    public void AddBand(IReadOnlyList<ChartBucket> buckets, string cssClass)
    {
        if (buckets.Count == 0)
        {
            return;
        }

        _body.Append("<polygon class=\"").Append(cssClass).Append("-band\" points=\"");
        foreach (var b in buckets)
        {
            Point(b.X, b.Max, _yMin, _yMax);
        }

        for (var i = buckets.Count - 1; i >= 0; i--)
        {
            Point(buckets[i].X, buckets[i].Min, _yMin, _yMax);
        }

        _body.Append("\"/>");
        AddLine(buckets.Select(b => (b.X, b.Mean)).ToArray(), cssClass);
    }

    public void AddLine(IReadOnlyList<(double X, double Y)> points, string cssClass) =>
        Polyline(points, cssClass, _yMin, _yMax);

    /// <summary>A series on the right-hand axis (e.g. unit count over frame time).</summary>
    public void AddSecondLine(IReadOnlyList<(double X, double Y)> points, string cssClass, string unit)
    {
        var max = points.Count == 0 ? 1 : NiceCeiling(points.Max(p => p.Y));
        _secondAxis = (max, unit);
        Polyline(points, cssClass, 0, max);
    }

    public void AddPoints(IReadOnlyList<(double X, double Y)> points, string cssClass)
    {
        foreach (var (x, y) in points)
        {
            _body.Append(Inv($"<circle class=\"{cssClass}\" cx=\"{X(x):0.#}\" "))
                .Append(Inv($"cy=\"{Y(y, _yMin, _yMax):0.#}\" r=\"2\"/>"));
        }
    }

    public void AddRule(double y, string label, string cssClass)
    {
        var py = Y(y, _yMin, _yMax);
        AcrossPlot(_body, cssClass, py);
        Text(_body, "rule-label", Left + PlotWidth - 4, py - 3, "end", HtmlText.Escape(label));
    }

    public override string ToString()
    {
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\""))
            .Append(HtmlText.Escape(_title))
            .Append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
            .Append(HtmlText.Escape(_title)).Append("</title>");
        svg.Append(Inv($"<rect class=\"plot\" x=\"{Left}\" y=\"{Top}\" "))
            .Append(Inv($"width=\"{PlotWidth}\" height=\"{PlotHeight}\"/>"));
        for (var i = 0; i <= 4; i++)
        {
            var value = _yMin + ((_yMax - _yMin) * i / 4);
            var py = Y(value, _yMin, _yMax);
            AcrossPlot(svg, "grid", py);
            Text(svg, "tick", Left - 4, py + 4, "end", ReportFormat.Number(value));
            if (_secondAxis is { } axis)
            {
                Text(svg, "tick second", Left + PlotWidth + 4, py + 4, null, ReportFormat.Number(axis.Max * i / 4));
            }
        }

        for (var i = 0; i <= 6; i++)
        {
            var t = _xMin + ((_xMax - _xMin) * i / 6);
            Text(svg, "tick", X(t), Height - 10, "middle", ReportFormat.GameTime(t));
        }

        Text(svg, "axis", Left, Top - 8, null, HtmlText.Escape(_yUnit));
        if (_secondAxis is { } second)
        {
            Text(svg, "axis second", Left + PlotWidth, Top - 8, "end", HtmlText.Escape(second.Unit));
        }

        return svg.Append(_body).Append("</svg>").ToString();
    }

    private void Polyline(IReadOnlyList<(double X, double Y)> points, string cssClass, double yMin, double yMax)
    {
        if (points.Count == 0)
        {
            return;
        }

        _body.Append("<polyline class=\"").Append(cssClass).Append("\" points=\"");
        foreach (var (x, y) in points)
        {
            Point(x, y, yMin, yMax);
        }

        _body.Append("\"/>");
    }

    /// <summary>A horizontal line across the plot at <paramref name="py"/> (a grid line or a rule).</summary>
    private static void AcrossPlot(StringBuilder to, string cssClass, double py) =>
        to.Append(Inv($"<line class=\"{cssClass}\" x1=\"{Left}\" x2=\"{Left + PlotWidth}\" "))
            .Append(Inv($"y1=\"{py:0.#}\" y2=\"{py:0.#}\"/>"));

    /// <summary>A text element; <paramref name="markup"/> is written as it is (escape what is not markup).</summary>
    private static void Text(StringBuilder to, string cssClass, double x, double y, string? anchor, string markup)
    {
        to.Append(Inv($"<text class=\"{cssClass}\" x=\"{x:0.#}\" y=\"{y:0.#}\""));
        if (anchor is not null)
        {
            to.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        to.Append('>').Append(markup).Append("</text>");
    }

    private void Point(double x, double y, double yMin, double yMax) =>
        _body.Append(Inv($"{X(x):0.#},{Y(y, yMin, yMax):0.#} "));

    private double X(double x) => Left + ((x - _xMin) / (_xMax - _xMin) * PlotWidth);

    private static double Y(double y, double yMin, double yMax) =>
        Top + PlotHeight - (Math.Clamp((y - yMin) / (yMax - yMin), 0, 1) * PlotHeight);

    /// <summary>
    /// A round axis bottom a little below <paramref name="value"/> (for axes that do not start at 0).
    /// </summary>
    public static double NiceFloor(double value, double range)
    {
        if (!double.IsFinite(value) || !double.IsFinite(range) || range <= 0)
        {
            return 0;
        }

        var step = Math.Pow(10, Math.Floor(Math.Log10(range)));
        return Math.Max(0, Math.Floor((value - (range * 0.1)) / step) * step);
    }

    // 1, 2 or 5 times a power of ten, at least the value: gives round tick labels.
    private static double NiceCeiling(double value)
    {
        if (value <= 0 || !double.IsFinite(value))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
