namespace BarHarness.Reports.SummaryJson;

/// <summary>
/// The top level of summary.json: a schema version first (so a reader can refuse a file it does
/// not understand before reading it), the overall verdict, then the run. See SUMMARY-JSON.md.
/// </summary>
public sealed record SummaryDocument
{
    /// <summary>Bump when a field is removed or changes meaning; adding fields keeps the version.</summary>
    public const int CurrentSchemaVersion = 1;

    public required int SchemaVersion { get; init; }

    public required bool Passed { get; init; }

    public required RunReport Run { get; init; }

    public static SummaryDocument Of(RunReport run) => new()
    {
        SchemaVersion = CurrentSchemaVersion,
        Passed = run.Passed,
        Run = run,
    };
}
