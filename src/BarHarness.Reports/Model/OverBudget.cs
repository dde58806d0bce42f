namespace BarHarness.Reports.Model;

/// <summary>How many frames went over the budget, and their share of all frames (0..1).</summary>
public sealed record OverBudget(long Frames, double Share)
{
    public static OverBudget None { get; } = new(0, 0);
}
