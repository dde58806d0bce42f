namespace BarHarness.Reports.Statistics;

/// <summary>
/// Multiple regression through the origin with non-negative coefficients: minimise
/// Σ (y - Σ βj·xj)² subject to βj ≥ 0. Solved by the normal equations; any feature whose
/// coefficient comes out negative is dropped (β = 0) and the rest refitted, until all are ≥ 0.
/// That simple active-set loop suits the cost model, where a negative price would be nonsense
/// (it appears when features are collinear, e.g. allocations and instructions).
/// </summary>
public static class LeastSquares
{
    /// <param name="rows">One feature vector per observation, all of the same length.</param>
    /// <param name="targets">The observed value per row.</param>
    public static double[] NonNegativeThroughOrigin(IReadOnlyList<double[]> rows, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        if (rows.Count != targets.Count || rows.Count == 0)
        {
            throw new ArgumentException("Need as many targets as rows, and at least one row.", nameof(targets));
        }

        var features = rows[0].Length;

        // Features differ by orders of magnitude (instructions vs engine calls); scaling each column
        // to unit RMS keeps the normal equations well conditioned. Scales are positive, so signs survive.
        var scales = Enumerable.Range(0, features).Select(j => Math.Sqrt(rows.Average(r => r[j] * r[j]))).ToArray();
        var scaled = rows.Select(r => r.Select((v, j) => scales[j] > 0 ? v / scales[j] : 0).ToArray()).ToArray();
        var active = Enumerable.Range(0, features).Where(j => scales[j] > 0).ToList();
        var beta = new double[features];
        while (active.Count > 0)
        {
            var solved = Solve(scaled, targets, active);
            var negative = active.Where((_, k) => solved[k] < 0).ToList();
            if (negative.Count == 0)
            {
                for (var k = 0; k < active.Count; k++)
                {
                    beta[active[k]] = solved[k] / scales[active[k]];
                }

                break;
            }

            active.RemoveAll(negative.Contains);
        }

        return beta;
    }

    private static double[] Solve(IReadOnlyList<double[]> rows, IReadOnlyList<double> targets, List<int> active)
    {
        var k = active.Count;
        var a = new double[k, k + 1];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < k; i++)
            {
                var xi = rows[r][active[i]];
                for (var j = 0; j < k; j++)
                {
                    a[i, j] += xi * rows[r][active[j]];
                }

                a[i, k] += xi * targets[r];
            }
        }

        return GaussianElimination(a, k);
    }

    // Partial pivoting; a (near-)singular column gets coefficient 0 instead of an exception,
    // because a feature that never varies independently simply carries no price.
    private static double[] GaussianElimination(double[,] a, int k)
    {
        for (var col = 0; col < k; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < k; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (var c = 0; c <= k; c++)
            {
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            }

            if (Math.Abs(a[col, col]) < 1e-300)
            {
                continue;
            }

            for (var r = 0; r < k; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var factor = a[r, col] / a[col, col];
                for (var c = col; c <= k; c++)
                {
                    a[r, c] -= factor * a[col, c];
                }
            }
        }

        var result = new double[k];
        for (var i = 0; i < k; i++)
        {
            result[i] = Math.Abs(a[i, i]) < 1e-300 ? 0 : a[i, k] / a[i, i];
        }

        return result;
    }
}
