namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// One deliberate defect: replace <paramref name="Find"/> (which must occur exactly once) in a widget file.
/// </summary>
public sealed record Mutation(string Name, string File, string Find, string Replace, string Intent);

/// <summary>
/// A temporary copy of the bundled widget (main file and livedata/ folder) with its mutations applied.
/// Generated at test time so the mutants stay in step with the widget.
/// </summary>
internal sealed class MutantWidget : IDisposable
{
    private readonly TemporaryFolder _folder;

    private MutantWidget(TemporaryFolder folder)
    {
        _folder = folder;
    }

    public string Folder => _folder.Path;

    public string MainFile => Path.Combine(Folder, "export_livedata.lua");

    /// <summary>A clean copy: the same layout as a mutant, no change.</summary>
    public static MutantWidget Clean() => Create([]);

    public static MutantWidget Create(Mutation mutation) => Create([mutation]);

    /// <summary>A copy with every mutation applied in turn; each one's text must occur exactly once.</summary>
    public static MutantWidget Create(IReadOnlyList<Mutation> mutations)
    {
        var source = Path.Combine(RepositoryFiles.Root, "widget");
        var widget = new MutantWidget(new TemporaryFolder());
        Directory.CreateDirectory(Path.Combine(widget.Folder, "livedata"));
        File.Copy(Path.Combine(source, "export_livedata.lua"), widget.MainFile);
        foreach (var file in Directory.GetFiles(Path.Combine(source, "livedata"), "*.lua"))
        {
            File.Copy(file, Path.Combine(widget.Folder, "livedata", Path.GetFileName(file)));
        }

        foreach (var mutation in mutations)
        {
            widget.Apply(mutation);
        }

        return widget;
    }

    private static int Occurrences(string text, string find)
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

    public void Dispose() => _folder.Dispose();

    private void Apply(Mutation mutation)
    {
        var target = Path.Combine(Folder, mutation.File);
        var text = File.ReadAllText(target);
        var count = Occurrences(text, mutation.Find);
        if (count != 1)
        {
            Dispose();
            throw new InvalidOperationException(
                $"mutant '{mutation.Name}': expected the text to replace exactly once in {mutation.File}, "
                + $"found {count} times: {mutation.Find}");
        }

        File.WriteAllText(target, text.Replace(mutation.Find, mutation.Replace, StringComparison.Ordinal));
    }
}
