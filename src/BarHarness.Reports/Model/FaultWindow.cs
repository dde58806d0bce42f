namespace BarHarness.Reports.Model;

/// <summary>
/// A fault that was active from <paramref name="StartGameSeconds"/> to <paramref name="EndGameSeconds"/>.
/// </summary>
public sealed record FaultWindow(string Name, double StartGameSeconds, double EndGameSeconds);
