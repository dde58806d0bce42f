namespace BarHarness.Reports.Model;

/// <summary>The leak report's conclusion; the rule is in <c>Analysis.LeakVerdictRule</c>.</summary>
public enum LeakVerdict
{
    /// <summary>The whole 95 % interval of the slope lies at or below the allowed growth.</summary>
    NoGrowth,

    /// <summary>The whole 95 % interval of the slope lies above the allowed growth.</summary>
    Growth,

    /// <summary>Too few samples, or the interval straddles the allowed growth.</summary>
    Inconclusive,
}
