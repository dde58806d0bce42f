namespace BarHarness.Cli.Console;

/// <summary>The command line that reproduces a result, as printed in reproduce lines and reports.</summary>
public static class ReproduceCommandLine
{
    /// <summary>How the command is started from a clone of the repository.</summary>
    public const string Prefix = "dotnet run --project src/BarHarness.Cli --";

    public static string Format(Reproduction r)
    {
        if (r.ScenarioFileBroken)
        {
            return $"{Prefix} validate {Quote(r.ScenarioFile)}";
        }

        var widget = r.WidgetOverride is null ? string.Empty : $" --widget {Quote(r.WidgetOverride)}";
        var trace = r.TimerTrace is null ? string.Empty : $" --timer-trace {Quote(r.TimerTrace)}";
        return $"{Prefix} run {Quote(r.ScenarioFile)} --seed {r.Seed}{widget} --vm {LuaVm.ActiveName}{trace}";
    }

    private static string Quote(string s) => s.Contains(' ', StringComparison.Ordinal) ? $"\"{s}\"" : s;
}
