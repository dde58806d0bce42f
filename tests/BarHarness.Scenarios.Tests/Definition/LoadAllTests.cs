namespace BarHarness.Scenarios.Tests.Definition;

public sealed class LoadAllTests
{
    [Fact]
    public void One_broken_file_does_not_hide_the_others_and_results_are_sorted_by_path()
    {
        using var folder = new TemporaryFolder();
        folder.WriteOneSecondScenario("b/two.yaml", "two");
        folder.WriteOneSecondScenario("a/one.yml", "one");
        folder.Write("a/broken.yaml", "name: broken\nduraton: 1\n");
        folder.Write("c/three.yaml", "name: three\nduration: [\n");
        folder.Write("c/notes.txt", "not a scenario");

        var batch = folder.LoadAll();

        Assert.Equal(new[] { "a/one.yml", "b/two.yaml" }, batch.Scenarios.Select(s => s.RelativePath));
        Assert.Equal(new[] { "a/broken.yaml", "c/three.yaml" }, batch.Errors.Select(e => e.RelativePath));
        Assert.All(batch.Errors, e => Assert.Equal(e.RelativePath, e.Error.Location!.File));
        Assert.Equal(2, batch.Errors[0].Error.Location!.Line);
        Assert.True(batch.HasErrors);
    }

    [Fact]
    public void A_soak_folder_is_left_out_of_its_parent_and_run_when_named()
    {
        using var folder = new TemporaryFolder();
        folder.WriteOneSecondScenario("load/short.yaml", "short");
        folder.Write("soak/ten-hours.yaml", "name: ten-hours\nduration: 10h\n");

        var suite = folder.LoadAll();
        var soak = ScenarioLoader.LoadAll([Path.Combine(folder.Path, "soak")], folder.Path);

        Assert.Equal(["load/short.yaml"], suite.Scenarios.Select(s => s.RelativePath));
        Assert.Equal(["soak/ten-hours.yaml"], soak.Scenarios.Select(s => s.RelativePath));
    }

    [Fact]
    public void Files_and_folders_can_be_mixed_and_are_loaded_once()
    {
        using var folder = new TemporaryFolder();
        var one = folder.WriteOneSecondScenario("x/one.yaml", "one");
        folder.WriteOneSecondScenario("x/two.yaml", "two");

        var batch = ScenarioLoader.LoadAll([one, Path.Combine(folder.Path, "x"),
            Path.Combine(folder.Path, "missing.yaml")], folder.Path);

        Assert.Equal(new[] { "x/one.yaml", "x/two.yaml" }, batch.Scenarios.Select(s => s.RelativePath));
        Assert.Equal("missing.yaml", Assert.Single(batch.Errors).RelativePath);
    }

    [Fact]
    public void Two_files_with_one_name_are_an_error_for_the_second()
    {
        using var folder = new TemporaryFolder();
        folder.WriteOneSecondScenario("a.yaml", "same");
        folder.WriteOneSecondScenario("b.yaml", "same");

        var batch = folder.LoadAll();

        Assert.Equal("a.yaml", Assert.Single(batch.Scenarios).RelativePath);
        var error = Assert.Single(batch.Errors);
        Assert.Equal("b.yaml", error.RelativePath);
        Assert.Contains("a.yaml", error.Error.Message, StringComparison.Ordinal);
    }
}
