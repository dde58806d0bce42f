namespace BarHarness.TestServer.Tests.Faults;

public class FaultCatalogTests
{
    [Fact]
    public void Every_fault_of_the_issue_is_registered_by_name()
    {
        Assert.Equal(
            ["bandwidth", "chatter", "disconnect", "down", "garbage", "latency", "limit_data", "reset_peer", "restart",
                "slicer", "slow_close", "stop_read", "timeout"],
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
        Assert.Equal(FaultStream.Downstream, new GarbageFault(10, 0).Stream);
        Assert.Equal(FaultStream.Upstream, new BandwidthFault(1).Stream);
    }

    [Fact]
    public void Unknown_fault_or_parameter_is_a_located_input_error_listing_what_is_allowed()
    {
        var at = new SourceLocation("f.yaml", 3, 5);
        var unknown = Assert.Throws<HarnessInputException>(() =>
            FaultCatalog.Default.Create("lag", new Dictionary<string, object?>(), at));
        Assert.StartsWith("f.yaml:3:5: unknown fault 'lag'", unknown.Describe());
        Assert.Contains("latency", unknown.Describe());

        var badParam = Assert.Throws<HarnessInputException>(() => FaultCatalog.Default.Create(
            "latency",
            new Dictionary<string,
            object?>
            { ["delay"] = 5 },
            at));
        Assert.Contains("jitter", badParam.Describe());

        Assert.Throws<HarnessInputException>(() => FaultCatalog.Default.Create(
            "latency",
            new Dictionary<string,
            object?>
            { ["latency"] = "-3" },
            at));
        Assert.Throws<HarnessInputException>(() => FaultCatalog.Default.Create(
            "latency",
            new Dictionary<string,
            object?>
            { ["toxicity"] = 2 },
            at));
    }
}

public class FaultSchemaTests
{
    [Fact]
    public void Every_fault_file_declares_its_name_parameters_and_whether_it_is_instant()
    {
        var schemas = FaultCatalog.Default.Schemas;
        var instant = schemas.Where(s => s.IsInstant).Select(s => s.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["disconnect", "garbage", "restart"], instant);
        var toxics = schemas.Where(s => s.IsToxiproxyToxic).Select(s => s.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["bandwidth", "latency", "limit_data", "reset_peer", "slicer", "slow_close", "timeout"], toxics);
    }

    [Fact]
    public void A_parameter_out_of_its_declared_range_or_missing_is_refused_by_name()
    {
        var range = Assert.Throws<HarnessInputException>(
            () => FaultCatalog.Default.Create("bandwidth", new Dictionary<string, object?> { ["rate"] = 0 }));
        Assert.Contains("rate 0 of fault 'bandwidth'", range.Describe());
        Assert.Contains("KB/s", range.Describe());

        var missing = Assert.Throws<HarnessInputException>(
            () => FaultCatalog.Default.Create("slow_close", new Dictionary<string, object?>()));
        Assert.Contains("needs 'delay'", missing.Describe());
    }

    [Fact]
    public void Scenario_keys_carry_the_unit_and_convert_to_the_faults_own_unit()
    {
        var delay = FaultCatalog.Default.Get("restart").Parameter("delay")!;
        Assert.Equal("delay_s", delay.ScenarioKey);
        Assert.Equal(2000, delay.FromScenario(2));
        Assert.Equal("delay_us", FaultCatalog.Default.Get("slicer").Parameter("delay")!.ScenarioKey);
        Assert.Equal("rate_kbps", FaultCatalog.Default.Get("bandwidth").Parameter("rate")!.ScenarioKey);
        Assert.Equal("bytes", FaultCatalog.Default.Get("limit_data").Parameter("bytes")!.ScenarioKey);
    }
}
