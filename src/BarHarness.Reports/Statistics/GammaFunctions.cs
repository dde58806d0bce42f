namespace BarHarness.Reports.Statistics;

/// <summary>Log-gamma and the regularised incomplete beta function, the pieces Student's t needs.</summary>
internal static class GammaFunctions
{
    // Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for positive arguments.
    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection keeps the series in its accurate range.
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = LanczosCoefficients[0];
        for (var i = 1; i < LanczosCoefficients.Length; i++)
        {
            sum += LanczosCoefficients[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>I_x(a, b), evaluated by its continued fraction (modified Lentz), using the symmetry
    /// I_x(a,b) = 1 - I_{1-x}(b,a) to stay where the fraction converges quickly.</summary>
    public static double RegularizedIncompleteBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x));
        if (x < (a + 1) / (a + b + 2))
        {
            return Math.Exp(logFront) * BetaContinuedFraction(x, a, b) / a;
        }

        return 1 - (Math.Exp(logFront) * BetaContinuedFraction(1 - x, b, a) / b);
    }

    private static double BetaContinuedFraction(double x, double a, double b)
    {
        const double Tiny = 1e-300;
        const double Epsilon = 1e-15;
        var c = 1.0;
        var d = 1 - ((a + b) * x / (a + 1));
        d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
        var result = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + (even * d);
            c = 1 + (even / c);
            d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            result *= d * c;

            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + (odd * d);
            c = 1 + (odd / c);
            d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            var step = d * c;
            result *= step;
            if (Math.Abs(step - 1) < Epsilon)
            {
                break;
            }
        }

        return result;
    }
}
