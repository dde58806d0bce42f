using System.Runtime.InteropServices;

namespace BarHarness.Scenarios.Running;

/// <summary>Describes the machine a run measured on, for the report's <c>run.machine</c>.</summary>
public static class MachineDescription
{
    /// <summary>Names the host in reports when set (a CI runner label, "desk-5950x"...).</summary>
    public const string HostLabelVariable = "BARHARNESS_HOST_LABEL";

    public static MachineInfo Current() => new()
    {
        OperatingSystem = RuntimeInformation.OSDescription,
        Runtime = RuntimeInformation.FrameworkDescription,
        ProcessorCount = Environment.ProcessorCount,
        ProcessorName = ProcessorName(),
        HostLabel = HostLabel(Environment.GetEnvironmentVariable),
    };

    /// <summary>
    /// <see cref="HostLabelVariable"/> when set, else the CI runner's name where the CI says it (GitHub
    /// Actions' <c>RUNNER_NAME</c>, GitLab's <c>CI_RUNNER_DESCRIPTION</c>), else none: a host name is
    /// recorded only when asked for, since reports get shared.
    /// </summary>
    public static string? HostLabel(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        foreach (var name in new[] { HostLabelVariable, "RUNNER_NAME", "CI_RUNNER_DESCRIPTION" })
        {
            if (variable(name) is { Length: > 0 } value)
            {
                return value.Trim();
            }
        }

        return null;
    }

    /// <summary>The CPU model: Linux's /proc/cpuinfo "model name", Windows' PROCESSOR_IDENTIFIER.</summary>
    public static string? ProcessorName()
    {
        if (OperatingSystem.IsWindows())
        {
            return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER");
        }

        try
        {
            return File.Exists("/proc/cpuinfo") ? ModelName(File.ReadLines("/proc/cpuinfo")) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first "model name" line's value in cpuinfo text, or null.</summary>
    public static string? ModelName(IEnumerable<string> cpuinfoLines)
    {
        ArgumentNullException.ThrowIfNull(cpuinfoLines);
        foreach (var line in cpuinfoLines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == "model name")
            {
                var value = line[(colon + 1)..].Trim();
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }
}
