using BarHarness.Core.Diagnostics;
using BarHarness.TestServer.Faults;

namespace BarHarness.TestServer.Tests.Faults;

public class FaultCatalogTests
{
    [Fact]
    public void Every_fault_of_the_issue_is_registered_by_name()
    {
        Assert.Equal(
            ["bandwidth", "disconnect", "down", "garbage", "latency", "limit_data", "reset_peer", "restart", "slicer", "slow_close", "stop_read", "timeout"],
            FaultCatalog.Default.Names);
    }

    [Fact]
    public void Parameters_are_taken_in_snake_case_with_toxicity_and_stream()
    {
        var fault = FaultCatalog.Default.Create("slicer", new Dictionary<string, object?>
        {
            ["average_size"] = "32",
            ["size_variation"] = 8,
            ["delay"] = "100",
            ["toxicity"] = "0.25",
            ["stream"] = "downstream",
        });

        Assert.Equal(new SlicerFault(32, 8, 100) { Toxicity = 0.25, Stream = FaultStream.Downstream }, fault);
        Assert.Equal("slicer", fault.Name);
    }

    [Fact]
    public void Garbage_goes_downstream_by_default_and_read_faults_upstream()
    {
        Assert.Equal(FaultStream.Downstream, new GarbageFault().Stream);
        Assert.Equal(FaultStream.Upstream, new BandwidthFault().Stream);
    }

    [Fact]
    public void Unknown_fault_or_parameter_is_a_located_input_error_listing_what_is_allowed()
    {
        var at = new SourceLocation("f.yaml", 3, 5);
        var unknown = Assert.Throws<HarnessInputException>(() => FaultCatalog.Default.Create("lag", new Dictionary<string, object?>(), at));
        Assert.StartsWith("f.yaml:3:5: unknown fault 'lag'", unknown.Describe());
        Assert.Contains("latency", unknown.Describe());

        var badParam = Assert.Throws<HarnessInputException>(() => FaultCatalog.Default.Create("latency", new Dictionary<string, object?> { ["delay"] = 5 }, at));
        Assert.Contains("jitter", badParam.Describe());

        Assert.Throws<HarnessInputException>(() => FaultCatalog.Default.Create("latency", new Dictionary<string, object?> { ["latency"] = "-3" }, at));
        Assert.Throws<HarnessInputException>(() => FaultCatalog.Default.Create("latency", new Dictionary<string, object?> { ["toxicity"] = 2 }, at));
    }
}
