namespace BarHarness.Scenarios.Tests.Definition;

/// <summary>A scratch folder for scenario files, deleted when the test ends.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(),
            "barharness-scenarios-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Writes a minimal scenario called <paramref name="name"/> that lasts one second.</summary>
    public string WriteOneSecondScenario(string relative, string name) =>
        Write(relative, $"name: {name}\nduration: 1\n");

    /// <summary>Loads every scenario below the folder, paths relative to it.</summary>
    public ScenarioBatch LoadAll() => ScenarioLoader.LoadAll([Path], Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
