namespace BarHarness.LuaHost.Runtime;

/// <summary>One line a widget wrote (Spring.Echo, Spring.Log, print), stamped with the game frame.</summary>
public sealed record ConsoleLine(long Frame, string Source, string Text);

/// <summary>The infolog of a run: what the widget printed, in order, with counts for spam checks.</summary>
public sealed class ConsoleLog
{
    private readonly List<ConsoleLine> _lines = new();

    /// <summary>Set by the simulation each frame so lines carry the frame they were written in.</summary>
    public long CurrentFrame { get; set; }

    /// <summary>Lines are kept up to this many; beyond it only <see cref="TotalLines"/> grows.</summary>
    public int MaxKeptLines { get; set; } = 100_000;

    /// <summary>Echo lines are also written here when set (the CLI's exec command prints them).</summary>
    public TextWriter? Mirror { get; set; }

    public long TotalLines { get; private set; }

    public IReadOnlyList<ConsoleLine> Lines => _lines;

    public void Write(string source, string text)
    {
        TotalLines++;
        if (_lines.Count < MaxKeptLines)
        {
            _lines.Add(new ConsoleLine(CurrentFrame, source, text));
        }

        Mirror?.WriteLine(text);
    }
}
