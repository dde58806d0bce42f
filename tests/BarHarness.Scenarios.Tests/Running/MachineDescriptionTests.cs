namespace BarHarness.Scenarios.Tests.Running;

/// <summary>run.machine names the CPU and, when asked, the host: both were documented and always null.</summary>
public sealed class MachineDescriptionTests
{
    [Fact]
    public void The_cpu_model_comes_from_the_first_model_name_line()
    {
        string[] cpuinfo =
            ["processor\t: 0", "vendor_id\t: AuthenticAMD", "model name\t: AMD EPYC 7B13", "model name\t: X"];

        Assert.Equal("AMD EPYC 7B13", MachineDescription.ModelName(cpuinfo));
        Assert.Null(MachineDescription.ModelName(["processor\t: 0", "model name\t:   "]));
    }

    [Fact]
    public void The_host_label_is_recorded_only_when_a_variable_names_it()
    {
        var set = new Dictionary<string, string>
        {
            ["RUNNER_NAME"] = "gh-runner-7",
            [MachineDescription.HostLabelVariable] = " bench-box ",
        };

        Assert.Equal("bench-box", MachineDescription.HostLabel(set.GetValueOrDefault));
        set.Remove(MachineDescription.HostLabelVariable);
        Assert.Equal("gh-runner-7", MachineDescription.HostLabel(set.GetValueOrDefault));
        Assert.Null(MachineDescription.HostLabel(_ => null));
    }

    [Fact]
    public void A_linux_run_names_its_cpu()
    {
        if (!File.Exists("/proc/cpuinfo") || !File.ReadLines("/proc/cpuinfo").Any(l => l.StartsWith("model name")))
        {
            return; // nothing to name it from on this machine
        }

        Assert.False(string.IsNullOrWhiteSpace(MachineDescription.Current().ProcessorName));
    }
}
