namespace BarHarness.Reports.Model;

/// <summary>What machine measured the real-time figures; supplied by the caller.</summary>
public sealed record MachineInfo
{
    public required string OperatingSystem { get; init; }

    public required string Runtime { get; init; }

    public required int ProcessorCount { get; init; }

    /// <summary>CPU model name when known (e.g. from /proc/cpuinfo).</summary>
    public string? ProcessorName { get; init; }

    /// <summary>Host name or CI runner label when the caller wants it recorded.</summary>
    public string? HostLabel { get; init; }
}
