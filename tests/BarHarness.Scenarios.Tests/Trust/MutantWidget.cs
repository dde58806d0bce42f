using BarHarness.Scenarios.Tests.Definition;

namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// One deliberate defect: replace <paramref name="Find"/> (which must occur exactly once) in a widget file.
/// </summary>
public sealed record Mutation(string Name, string File, string Find, string Replace, string Intent);

/// <summary>
/// A temporary copy of the bundled widget (main file and livedata/ folder) with one mutation applied.
/// Generated at test time so the mutants stay in step with the widget.
/// </summary>
internal sealed class MutantWidget : IDisposable
{
    private MutantWidget(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public string MainFile => Path.Combine(Folder, "export_livedata.lua");

    /// <summary>A clean copy: the same layout as a mutant, no change.</summary>
    public static MutantWidget Clean() => Create(null);

    public static MutantWidget Create(Mutation? mutation)
    {
        var source = Path.Combine(RepositoryFiles.Root, "widget");
        var folderName = "barharness-mutant-" + (mutation?.Name ?? "clean") + "-" + Guid.NewGuid().ToString("N");
        var folder = Path.Combine(Path.GetTempPath(), folderName);
        Directory.CreateDirectory(Path.Combine(folder, "livedata"));
        File.Copy(Path.Combine(source, "export_livedata.lua"), Path.Combine(folder, "export_livedata.lua"));
        foreach (var file in Directory.GetFiles(Path.Combine(source, "livedata"), "*.lua"))
        {
            File.Copy(file, Path.Combine(folder, "livedata", Path.GetFileName(file)));
        }

        if (mutation is not null)
        {
            var target = Path.Combine(folder, mutation.File);
            var text = File.ReadAllText(target);
            var count = Occurrences(text, mutation.Find);
            if (count != 1)
            {
                throw new InvalidOperationException(
                    $"mutant '{mutation.Name}': expected the text to replace exactly once in {mutation.File}, "
                    + $"found {count} times: {mutation.Find}");
            }

            File.WriteAllText(target, text.Replace(mutation.Find, mutation.Replace, StringComparison.Ordinal));
        }

        return new MutantWidget(folder);
    }

    public static int Occurrences(string text, string find)
    {
        var count = 0;
        for (var i = text.IndexOf(find, StringComparison.Ordinal);
             i >= 0;
             i = text.IndexOf(find, i + find.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
