using BarHarness.Scenarios.Definition.Loading;

namespace BarHarness.Scenarios.Definition;

/// <summary>
/// A fault file for <c>serve</c> and <c>proxy</c>: a YAML mapping whose <c>faults:</c> list is written
/// exactly as a scenario's, with times counted on the wall clock from the start of the command.
/// Errors name file, line and column.
/// </summary>
public static class FaultFile
{
    /// <summary>How far into a live session a fault file may reach (repeats included).</summary>
    public const double MaxSeconds = 6 * 3600;

    private const int MaxFileBytes = 1024 * 1024;

    public static FaultSchedule Load(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new HarnessInputException(
                    new SourceLocation(path, 1), "fault file not found", "an existing .yaml file");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new HarnessInputException(
                    new SourceLocation(path, 1), $"fault file is {info.Length} bytes", $"at most {MaxFileBytes} bytes");
            }

            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new HarnessInputException(
                new SourceLocation(path, 1), "cannot read fault file: " + ex.Message, "a readable UTF-8 file", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses fault-file text; <paramref name="file"/> names it in errors.</summary>
    public static FaultSchedule Parse(string text, string file)
    {
        var root = YamlDocumentReader.Read(text, file)
            ?? throw new HarnessInputException(
                new SourceLocation(file, 1, 1), "the fault file is empty", "a mapping with 'faults:'");
        var reader = new MappingReader(root, string.Empty);
        var ctx = new ParseContext(file, Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", MaxSeconds);
        var specs = FaultsSectionParser.Parse(reader.Required("faults", "a list of faults, as in a scenario"), ctx);
        reader.Finish();
        var schedule = new FaultSchedule();
        foreach (var spec in specs)
        {
            // A window without an end holds until the session ends; an instant fault lasts its natural time.
            long? end = spec.EndSeconds is { } e ? Micros(e) : spec.IsInstant ? null : long.MaxValue;
            schedule.Add(new ScheduledFault(spec.ToFault(), Micros(spec.AtSeconds), end, FaultClock.Wall));
        }

        return schedule;
    }

    private static long Micros(double seconds) => (long)Math.Round(seconds * 1_000_000);
}
