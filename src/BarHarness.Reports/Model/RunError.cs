namespace BarHarness.Reports.Model;

/// <summary>Why a scenario ended in <see cref="ScenarioOutcome.Error"/>.</summary>
/// <param name="Message">The error text as the widget or harness reported it.</param>
/// <param name="Location">Where it happened (<c>file:line</c>), when known.</param>
/// <param name="GameSeconds">Game time at which the run stopped, when known.</param>
public sealed record RunError(string Message, string? Location = null, double? GameSeconds = null)
{
    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}
