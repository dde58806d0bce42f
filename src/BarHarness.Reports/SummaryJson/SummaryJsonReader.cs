namespace BarHarness.Reports.SummaryJson;

/// <summary>
/// Loads a summary.json back (for <c>--baseline</c> and <c>merge-reports</c>). Anything wrong with
/// the file is a <see cref="HarnessInputException"/> naming the file, line and column.
/// </summary>
public static class SummaryJsonReader
{
    public static RunReport ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new HarnessInputException(
                new SourceLocation(path, 1),
                "summary file not found",
                "a summary.json written by 'barharness run --format json'");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <param name="sourceName">Name used in error messages (usually the path).</param>
    public static RunReport Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();

        CheckSchemaVersion(bytes, sourceName);
        try
        {
            var document = JsonSerializer.Deserialize<SummaryDocument>(bytes, SummaryJsonOptions.Instance);
            return document?.Run
                ?? throw new HarnessInputException(
                    new SourceLocation(sourceName, 1, 1),
                    "summary file holds null",
                    "a JSON object");
        }
        catch (JsonException e)
        {
            throw Unreadable(e, sourceName, "does not match the summary.json schema", "the shape in SUMMARY-JSON.md");
        }
    }

    private static void CheckSchemaVersion(byte[] bytes, string sourceName)
    {
        int version;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (
                document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("schemaVersion", out var element)
                || !element.TryGetInt32(out version))
            {
                throw new HarnessInputException(
                    new SourceLocation(sourceName, 1, 1),
                    "summary file has no numeric 'schemaVersion'",
                    "a summary.json written by barharness");
            }
        }
        catch (JsonException e)
        {
            throw Unreadable(e, sourceName, "is not valid JSON", "a summary.json written by barharness");
        }

        if (version != SummaryDocument.CurrentSchemaVersion)
        {
            throw new HarnessInputException(
                new SourceLocation(sourceName, 1, 1),
                $"summary file has schemaVersion {version}, this harness reads {SummaryDocument.CurrentSchemaVersion}",
                $"schemaVersion {SummaryDocument.CurrentSchemaVersion} (re-create the baseline with this version)");
        }
    }

    // JsonException counts lines and bytes from 0; people count from 1.
    private static HarnessInputException Unreadable(
        JsonException e, string sourceName, string problem, string expected) =>
        new(LocationOf(e, sourceName), $"summary file {problem}: {e.Message}", expected, e);

    private static SourceLocation LocationOf(JsonException e, string sourceName) =>
        new(sourceName, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
}
