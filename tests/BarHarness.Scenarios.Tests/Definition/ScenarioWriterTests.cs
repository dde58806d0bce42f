namespace BarHarness.Scenarios.Tests.Definition;

public sealed class ScenarioWriterTests
{
    public static TheoryData<string> LibraryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Scenarios, "*.yaml",
            SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryFiles.Scenarios, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void Written_library_scenario_loads_back_to_the_same_definition(string relative)
    {
        var path = Path.Combine(RepositoryFiles.Scenarios, relative);
        var original = ScenarioLoader.Load(path);

        var text = ScenarioWriter.ToYaml(original, Path.GetDirectoryName(path));
        var reloaded = ScenarioLoader.Parse(text, path);

        AssertSameScenario(original, reloaded);
        Assert.Equal(text, ScenarioWriter.ToYaml(reloaded, Path.GetDirectoryName(path)));
    }

    [Fact]
    public void Saved_scenario_keeps_widget_and_director_paths_working_from_its_new_folder()
    {
        using var folder = new TemporaryFolder();
        folder.Write("src/w.lua", "-- widget");
        folder.Write("src/d.lua", "-- director");
        var original = ScenarioLoader.Load(folder.Write("src/s.yaml",
            "name: s\nduration: 5\nwidget: {path: w.lua, config: {a: 1}}\ndirector: d.lua\n"));

        var target = Path.Combine(folder.Path, "elsewhere", "deeper", "s.yaml");
        ScenarioWriter.Save(original, target);
        var reloaded = ScenarioLoader.Load(target);

        Assert.Equal(original.Widget.Path, reloaded.Widget.Path);
        Assert.Equal(original.DirectorPath, reloaded.DirectorPath);
        Assert.Contains("../../src/w.lua", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Property]
    public Property Any_text_in_names_commands_and_config_survives_the_round_trip()
    {
        // Lone UTF-16 surrogates are not Unicode text; a scenario file cannot hold them.
        static bool IsText(string s) => !s.Where((c, i) => char.IsSurrogate(c)
            && !(char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]))).Any();

        var text = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && IsText(s));
        var gen = from name in text
                  from command in text
                  from value in text
                  from key in text.Where(k => k.Length > 0)
                  select (name, command, value, key);

        var template = ScenarioLoader.Parse("name: t\nduration: 10\n", "/nowhere/t.yaml");
        return Prop.ForAll(Arb.From(gen), c =>
        {
            var scenario = template with
            {
                Description = c.value,
                World = template.World with { LocalPlayer = template.World.LocalPlayer with { Name = c.name } },
                Events = [new TextCommand(1, c.command)],
                Widget = template.Widget with { Config = new ConfigMap([new(c.key, new ConfigString(c.value))]) },
            };
            var back = ScenarioLoader.Parse(ScenarioWriter.ToYaml(scenario), "/nowhere/t.yaml");
            return back.Description == c.value
                && back.World.LocalPlayer.Name == c.name
                && back.Events.Single() == new TextCommand(1, c.command)
                && back.Widget.Config!.Entries.Single().Key == c.key
                && back.Widget.Config["" + c.key] == new ConfigString(c.value);
        });
    }

    private static void AssertSameScenario(ScenarioDefinition a, ScenarioDefinition b)
    {
        Assert.Equal(a.Name, b.Name);
        Assert.Equal(a.Description, b.Description);
        Assert.Equal(a.Tags, b.Tags);
        Assert.Equal(a.Seed, b.Seed);
        Assert.Equal(a.DurationSeconds, b.DurationSeconds);
        Assert.Equal(a.Timer, b.Timer);
        Assert.Equal(a.DirectorPath, b.DirectorPath);
        Assert.Equal(a.Widget.Path, b.Widget.Path);
        Assert.Equal(a.Widget.IsDefault, b.Widget.IsDefault);
        Assert.Equal(Flatten(a.Widget.Config), Flatten(b.Widget.Config));

        Assert.Equal(a.World.Map, b.World.Map);
        Assert.Equal(a.World.AllyTeams.Select(t => (t.Id, string.Join(",", t.TeamIds))),
            b.World.AllyTeams.Select(t => (t.Id, string.Join(",", t.TeamIds))));
        Assert.Equal(a.World with { AllyTeams = [] }, b.World with { AllyTeams = [] });

        Assert.Equal(a.Units.Ramps, b.Units.Ramps);
        Assert.Equal(a.Units.Waves, b.Units.Waves);
        Assert.Equal(a.Units.MassSpawns, b.Units.MassSpawns);
        Assert.Equal(a.Units.MassDestroys, b.Units.MassDestroys);
        Assert.Equal(a.Units.Transfers, b.Units.Transfers);
        Assert.Equal(
            a.Units with { Ramps = [], Waves = [], MassSpawns = [], MassDestroys = [], Transfers = [] },
            b.Units with { Ramps = [], Waves = [], MassSpawns = [], MassDestroys = [], Transfers = [] });

        Assert.Equal(a.Events, b.Events);
        Assert.Equal(a.Network, b.Network);
        Assert.Equal(a.Faults.Count, b.Faults.Count);
        foreach (var (fa, fb) in a.Faults.Zip(b.Faults))
        {
            Assert.Equal(fa with { Parameters = null! }, fb with { Parameters = null! });
            Assert.Equal(fa.Parameters.OrderBy(p => p.Key), fb.Parameters.OrderBy(p => p.Key));
        }

        Assert.Equal(a.Expectations.ExpectErrors, b.Expectations.ExpectErrors);
        Assert.Equal(a.Expectations with { ExpectErrors = [] }, b.Expectations with { ExpectErrors = [] });
    }

    private static string Flatten(ConfigValue? value) =>
        value switch
        {
            null => "<none>",
            ConfigMap m => "{" + string.Join(",", m.Entries.Select(e => e.Key + "=" + Flatten(e.Value))) + "}",
            ConfigList l => "[" + string.Join(",", l.Items.Select(Flatten)) + "]",
            _ => value.ToString()!,
        };
}
