namespace BarHarness.Reports.Statistics;

/// <summary>
/// Ordinary least squares y = Intercept + Slope·x, with the slope's standard error
/// se = sqrt(SSE / (n-2) / Sxx) and its confidence interval Slope ± t(n-2)·se.
/// </summary>
public sealed record LinearFit(double Slope, double Intercept, double SlopeStandardError, int Count)
{
    /// <summary>Fits at least three points with at least two distinct x values.</summary>
    public static LinearFit Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y must have the same length.", nameof(y));
        }

        var n = x.Count;
        if (n < 3)
        {
            throw new ArgumentException("A fit with a confidence interval needs at least three points.", nameof(x));
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (y[i] - meanY);
        }

        if (sxx <= 0)
        {
            throw new ArgumentException("All x values are equal; no slope can be fitted.", nameof(x));
        }

        var slope = sxy / sxx;
        var intercept = meanY - (slope * meanX);
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var residual = y[i] - (intercept + (slope * x[i]));
            sse += residual * residual;
        }

        return new LinearFit(slope, intercept, Math.Sqrt(sse / (n - 2) / sxx), n);
    }

    /// <summary>Two-sided confidence interval of the slope (e.g. 0.95).</summary>
    public (double Low, double High) SlopeInterval(double confidence = 0.95)
    {
        var half = StudentT.TwoSidedCriticalValue(confidence, Count - 2) * SlopeStandardError;
        return (Slope - half, Slope + half);
    }
}
