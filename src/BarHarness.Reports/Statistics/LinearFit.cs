namespace BarHarness.Reports.Statistics;

/// <summary>
/// Ordinary least squares y = Intercept + Slope·x (+ CovariateSlope·z when fitted with a covariate),
/// with the slope's standard error (se = sqrt(SSE / (n-2) / Sxx) without a covariate) and its
/// confidence interval Slope ± t(df)·se, df = n - 2 (n - 3 with a covariate).
/// </summary>
public sealed record LinearFit(double Slope, double Intercept, double SlopeStandardError, int Count)
{
    /// <summary>The covariate's coefficient; null when fitted without one.</summary>
    public double? CovariateSlope { get; init; }

    /// <summary>Residual degrees of freedom: n minus the fitted coefficients.</summary>
    public int DegreesOfFreedom => Count - (CovariateSlope is null ? 2 : 3);

    /// <summary>
    /// y = a + Slope·x + c·z: the slope of y in x with z held fixed, and its standard error from
    /// the two-predictor model. When z does not vary (or the points are too few) it is the plain fit.
    /// When x and z move together the slope's error grows, as it should: the data cannot tell them apart.
    /// </summary>
    public static LinearFit Of(IReadOnlyList<double> x, IReadOnlyList<double> z, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(z);
        var plain = Of(x, y);
        var n = x.Count;
        if (z.Count != n || n < 4)
        {
            return plain;
        }

        double meanX = x.Average(), meanZ = z.Average(), meanY = y.Average();
        double sxx = 0, szz = 0, sxz = 0, sxy = 0, szy = 0;
        for (var i = 0; i < n; i++)
        {
            double dx = x[i] - meanX, dz = z[i] - meanZ, dy = y[i] - meanY;
            sxx += dx * dx;
            szz += dz * dz;
            sxz += dx * dz;
            sxy += dx * dy;
            szy += dz * dy;
        }

        var det = (sxx * szz) - (sxz * sxz);
        if (szz <= 0 || det <= 1e-12 * sxx * szz)
        {
            return plain; // the covariate is constant, or the same line as x: it explains nothing apart
        }

        var slope = ((szz * sxy) - (sxz * szy)) / det;
        var covariate = ((sxx * szy) - (sxz * sxy)) / det;
        var intercept = meanY - (slope * meanX) - (covariate * meanZ);
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var residual = y[i] - (intercept + (slope * x[i]) + (covariate * z[i]));
            sse += residual * residual;
        }

        var error = Math.Sqrt(sse / (n - 3) * szz / det);
        return new LinearFit(slope, intercept, error, n) { CovariateSlope = covariate };
    }

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
        var half = StudentT.TwoSidedCriticalValue(confidence, DegreesOfFreedom) * SlopeStandardError;
        return (Slope - half, Slope + half);
    }
}
