using BarHarness.Engine.SpringApi;
using BarHarness.TestServer.Faults;

namespace BarHarness.Scenarios.Tests.Definition;

public sealed class ScenarioLoaderTests
{
    private const string File = "/nowhere/scenario.yaml";

    private static ScenarioDefinition Parse(string yaml) => ScenarioLoader.Parse(yaml, File);

    private static HarnessInputException Fails(string yaml) =>
        Assert.Throws<HarnessInputException>(() => ScenarioLoader.Parse(yaml, File));

    /// <summary>Asserts that <paramref name="yaml"/> is rejected at <paramref name="line"/>:<paramref name="column"/>
    /// with a message that holds <paramref name="messagePart"/>; returns the error.</summary>
    private static HarnessInputException AssertRejectedAt(string yaml, int line, int column, string messagePart)
    {
        var ex = Fails(yaml);
        Assert.Equal(new SourceLocation(File, line, column), ex.Location);
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    /// <summary>Asserts that a 30-second scenario whose second line is <paramref name="line"/> is rejected with
    /// the error located on that line.</summary>
    private static void AssertRejectedAtSecondLine(string line) =>
        Assert.Equal(2, Fails($"duration: 30\n{line}\n").Location!.Line);

    [Fact]
    public void Minimal_file_gets_documented_defaults()
    {
        var s = Parse("duration: 30\n");

        Assert.Equal("scenario", s.Name);
        Assert.Equal(30, s.DurationSeconds);
        Assert.Equal(900, s.DurationFrames);
        Assert.True(s.Widget.IsDefault);
        Assert.EndsWith("widget/export_livedata.lua", s.Widget.Path.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Null(s.Widget.Config);
        Assert.Equal(2, s.World.AllyTeams.Count);
        Assert.True(s.World.Gaia);
        Assert.Equal(NetworkSpec.Default, s.Network);
        Assert.Equal(8765, s.Network.Port);
        Assert.Equal(64 * 1024, s.Network.ClientBufferBytes);
        Assert.Equal(2, s.Expectations.Budget.BudgetMs);
        Assert.True(s.Expectations.NoLuaErrors);
        Assert.True(s.Expectations.NoBlockingCalls);
        Assert.Equal(TimerMode.Cpu, s.Timer);
        Assert.Empty(s.Faults);
    }

    [Theory]
    [InlineData("cpu", TimerMode.Cpu)]
    [InlineData("virtual", TimerMode.Virtual)]
    [InlineData("real", TimerMode.Real)]
    public void Timer_names_the_clock_spring_gettimer_reads(string written, TimerMode expected)
    {
        var s = ScenarioLoader.Parse($"duration: 1s\ntimer: {written}\n", "t.yaml");

        Assert.Equal(expected, s.Timer);
    }

    [Fact]
    public void The_freshness_bound_can_be_scoped_to_a_time_and_a_number_of_visible_units()
    {
        var s = ScenarioLoader.Parse(
            "duration: 90s\nexpectations:\n"
                + "  oracle: {freshness_frames: 3, freshness_after_s: 65, freshness_max_units: 1000}\n",
            "t.yaml");

        Assert.Equal(65, s.Expectations.Oracle.FreshnessAfterSeconds);
        Assert.Equal(1000, s.Expectations.Oracle.FreshnessMaxUnits);
        Assert.True(s.Expectations.Oracle.FreshnessScoped);
        Assert.False(ScenarioLoader.Parse("duration: 1s\n", "t.yaml").Expectations.Oracle.FreshnessScoped);
        var late = Assert.Throws<HarnessInputException>(() => ScenarioLoader.Parse(
            "duration: 10s\nexpectations:\n  oracle: {freshness_frames: 3, freshness_after_s: 20}\n", "t.yaml"));
        Assert.Equal(3, late.Location?.Line);
    }

    [Fact]
    public void An_unknown_timer_is_bad_input_naming_the_choices()
    {
        var e = Assert.Throws<HarnessInputException>(
            () => ScenarioLoader.Parse("duration: 1s\ntimer: wall\n", "t.yaml"));

        Assert.Contains("cpu", e.Describe(), StringComparison.Ordinal);
        Assert.Equal(2, e.Location?.Line);
    }

    [Fact]
    public void Default_seed_is_stable_per_name_and_differs_between_names()
    {
        var a1 = Parse("name: a\nduration: 1\n").Seed;
        var a2 = Parse("name: a\nduration: 1\n").Seed;
        var b = Parse("name: b\nduration: 1\n").Seed;
        Assert.Equal(a1, a2);
        Assert.NotEqual(a1, b);
        Assert.Equal(18446744073709551615UL, Parse("seed: 18446744073709551615\nduration: 1\n").Seed);
    }

    [Theory]
    [CaseTable("Definition/ScenarioLoaderTests.Durations_are_numbers_of_seconds_or_strings_with_units.tsv")]
    public void Durations_are_numbers_of_seconds_or_strings_with_units(string written, double seconds)
    {
        Assert.Equal(seconds, Parse($"duration: {written}\n").DurationSeconds, 9);
    }

    [Fact]
    public void Missing_duration_is_an_error_at_the_mapping()
    {
        AssertRejectedAt("name: x\n", 1, 1, "'duration'");
    }

    [Fact]
    public void Unknown_key_names_its_line_and_column_and_suggests_the_nearest()
    {
        AssertRejectedAt("name: x\n  \nduraton: 30\n", 3, 1, "did you mean 'duration'?");
    }

    [Fact]
    public void Unknown_nested_key_is_reported_with_its_section()
    {
        var ex = AssertRejectedAt("duration: 30\nexpectations:\n  budget:\n    p99: 1\n", 4, 5, "expectations.budget");
        Assert.Contains("did you mean 'p99_ms'?", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_far_from_any_known_key_gets_no_suggestion_but_the_list()
    {
        var ex = Fails("duration: 30\nzzzzzzzz: 1\n");
        Assert.DoesNotContain("did you mean", ex.Message, StringComparison.Ordinal);
        Assert.Contains("duration", ex.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duration: \"abc\"\n", 1, 11)]
    [InlineData("duration: [1, 2]\n", 1, 11)]
    [InlineData("duration: 30\nunits:\n  initial: many\n", 3, 12)]
    [InlineData("duration: 30\nunits:\n  initial: \"5\"\n", 3, 12)]
    [InlineData("duration: 30\nworld:\n  gaia: yes\n", 3, 9)]
    [InlineData("duration: 30\nevents: {at: 1}\n", 2, 9)]
    public void Wrong_types_are_errors_at_the_value(string yaml, int line, int column)
    {
        var ex = Fails(yaml);
        Assert.Equal(new SourceLocation(File, line, column), ex.Location);
        Assert.NotNull(ex.Expected);
    }

    [Theory]
    [InlineData("{at: 5, action: speed, speed: 0.05}")]
    [InlineData("{at: 5, action: speed, speed: 10.5}")]
    [InlineData("{at: 5, action: speed, speed: .inf}")]
    [InlineData("{at: 5, action: speed, speed: .nan}")]
    public void Speed_outside_a_tenth_to_ten_is_out_of_range(string evt)
    {
        var ex = Fails($"duration: 30\nevents:\n  - {evt}\n");
        Assert.Equal(3, ex.Location!.Line);
        Assert.Contains("out of range", ex.Message, StringComparison.Ordinal);
        Assert.Equal("0.1 to 10", ex.Expected);
    }

    [Theory]
    [InlineData("units: {initial: -1}")]
    [InlineData("units: {initial: 20001}")]
    [InlineData("units: {initial: 2.5}")]
    [InlineData("units: {ramps: [{at: 1, to: 30000, over: 1}]}")]
    [InlineData("units: {waves: [{at: 1, count: -5}]}")]
    public void Negative_fractional_or_huge_unit_counts_are_errors(string units)
    {
        AssertRejectedAtSecondLine(units);
    }

    [Fact]
    public void Timeline_that_can_exceed_twenty_thousand_units_is_an_error()
    {
        var ex = Fails("duration: 30\nunits:\n  initial: 15000\n  mass_spawn: [{at: 1, count: 6000}]\n");
        Assert.Equal(new SourceLocation(File, 3, 3), ex.Location);
        Assert.Contains("20000", ex.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events: [{at: 31s, action: pause}]")]
    [InlineData("faults: [{name: down, at: 10, duration: 25}]")]
    [InlineData("faults: [{name: down, at: 10, until: 40}]")]
    [InlineData("units: {ramps: [{at: 20, to: 10, over: 15}]}")]
    [InlineData("events: [{at: 20, action: pause, repeat: {every: 5, count: 4}}]")]
    [InlineData("faults: [{name: down, at: 10, duration: 5, repeat: {every: 10, count: 3}}]")]
    public void Times_beyond_the_duration_are_errors(string yaml)
    {
        AssertRejectedAtSecondLine(yaml);
    }

    [Fact]
    public void Broken_yaml_becomes_a_located_input_error()
    {
        var ex = Fails("duration: 30\nunits:\n  initial: [1, 2\nname: x\n");
        Assert.NotNull(ex.Location);
        Assert.StartsWith("broken YAML", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Location!.Line >= 3);
    }

    [Fact]
    public void Bad_indentation_becomes_a_located_input_error()
    {
        var ex = Fails("duration: 30\nworld:\n  teams: 2\n ally_teams: 2\n");
        Assert.Equal(File, ex.Location!.File);
        Assert.Equal(4, ex.Location.Line);
    }

    [Fact]
    public void Duplicate_keys_point_at_the_second_one()
    {
        AssertRejectedAt("duration: 30\nseed: 1\nseed: 2\n", 3, 1, "duplicate");
    }

    [Fact]
    public void Empty_file_and_second_document_are_errors()
    {
        Assert.Contains("empty", Fails("").Message, StringComparison.Ordinal);
        Assert.Contains("empty", Fails("# only a comment\n").Message, StringComparison.Ordinal);
        Assert.Equal(2, Fails("duration: 1\n---\nduration: 2\n").Location!.Line);
    }

    [Fact]
    public void Alias_bombs_are_refused_as_input_errors()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 0; i < 8; i++)
        {
            yaml += $"b{i}: &b{i} [{string.Join(", ", Enumerable.Repeat(i == 0 ? "*a" : $"*b{i - 1}", 10))}]\n";
        }

        var ex = Fails(yaml + "duration: 1\n");
        Assert.Contains("nodes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_as_input_error()
    {
        var ex = Fails("duration: 1\nwidget:\n  config:\n    x: " + new string('[', 500) + new string(']', 500) + "\n");
        Assert.Contains("nested", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Widget_config_becomes_a_typed_tree()
    {
        var s = Parse("""
            duration: 10
            widget:
              config:
                host: 127.0.0.1
                port: 8765
                quoted: "8765"
                on: true
                nothing: ~
                ratio: 0.5
                list: [1, two, false]
                nested: {deep: {x: -3}}
                nan: .nan
            """);
        var config = s.Widget.Config!;
        Assert.Equal(new ConfigString("127.0.0.1"), config["host"]);
        Assert.Equal(new ConfigNumber(8765), config["port"]);
        Assert.Equal(new ConfigString("8765"), config["quoted"]);
        Assert.Equal(new ConfigBool(true), config["on"]);
        Assert.Equal(ConfigNull.Instance, config["nothing"]);
        Assert.Equal(new ConfigNumber(0.5), config["ratio"]);
        var list = Assert.IsType<ConfigList>(config["list"]);
        Assert.Equal(new ConfigValue[] { new ConfigNumber(1), new ConfigString("two"), new ConfigBool(false) },
            list.Items);
        var deep = Assert.IsType<ConfigMap>(Assert.IsType<ConfigMap>(config["nested"])["deep"]);
        Assert.Equal(new ConfigNumber(-3), deep["x"]);
        Assert.Equal(new ConfigString(".nan"), config["nan"]);
        Assert.Equal("host", config.Entries[0].Key);
    }

    [Fact]
    public void Teams_given_as_counts_are_dealt_into_ally_teams_in_blocks()
    {
        var world = Parse("duration: 1\nworld: {ally_teams: 3, teams: 8}\n").World;
        Assert.Equal(new[] { 0, 1, 2 }, world.AllyTeams[0].TeamIds);
        Assert.Equal(new[] { 3, 4, 5 }, world.AllyTeams[1].TeamIds);
        Assert.Equal(new[] { 6, 7 }, world.AllyTeams[2].TeamIds);
        Assert.Equal(8, world.GaiaTeamId);
        Assert.Equal(2, world.AllyTeamOf(7));
    }

    [Fact]
    public void Explicit_ally_teams_must_number_teams_without_gaps()
    {
        var world = Parse("duration: 1\nworld:\n  ally_teams: [[0, 2], [1, 3]]\n  gaia: false\n").World;
        Assert.Equal(new[] { 1, 3 }, world.AllyTeams[1].TeamIds);
        Assert.Null(world.GaiaTeamId);

        Assert.Contains("missing", Fails("duration: 1\nworld:\n  ally_teams: [[0, 2], [3]]\n").Message,
            StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(File, 3, 25),
            Fails("duration: 1\nworld:\n  ally_teams: [[0, 1], [1]]\n").Location);
        Assert.Contains("conflicts", Fails("duration: 1\nworld:\n  ally_teams: [[0], [1]]\n  teams: 2\n").Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Conflicting_player_settings_are_errors()
    {
        Assert.Contains("spectator", Fails("duration: 1\nworld:\n  local_player: {full_view: true}\n").Message,
            StringComparison.Ordinal);
        Assert.Contains("replay", Fails("duration: 1\nworld:\n  replay: true\n  local_player: "
            + "{spectator: false}\n").Message, StringComparison.Ordinal);
        Assert.Equal(3, Fails("duration: 1\nworld:\n  local_player: {team: 2}\n").Location!.Line);

        var replay = Parse("duration: 1\nworld: {replay: true}\n").World.LocalPlayer;
        Assert.True(replay.Spectator);
        Assert.True(replay.FullView);
    }

    [Fact]
    public void Map_size_must_be_whole_squares()
    {
        var map = Parse("duration: 1\nworld:\n  map: {width_elmos: 4096, height_elmos: 6144}\n").World.Map;
        Assert.Equal(512, map.WidthSquares);
        Assert.Equal(768, map.HeightSquares);
        Assert.Contains("multiple of 8", Fails("duration: 1\nworld:\n  map: {width_elmos: 4100}\n").Expected,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Team_references_in_the_timeline_must_exist()
    {
        Assert.Equal(3, Fails("duration: 30\nunits:\n  transfers: [{at: 1, count: 1, "
            + "from: 0, to: 9}]\n").Location!.Line);
        Assert.Contains("itself", Fails("duration: 30\nunits:\n  transfers: [{at: 1, count: 1, "
            + "from: 1, to: 1}]\n").Message, StringComparison.Ordinal);
        var gaiaWave = Parse("duration: 30\nunits:\n  waves: [{at: 1, count: 5, team: 2}]\n").Units.Waves[0];
        Assert.Equal(2, gaiaWave.Team);
    }

    [Fact]
    public void Events_are_sorted_and_repeats_expanded()
    {
        var events = Parse("""
            duration: 60
            events:
              - {at: 30, action: game_over}
              - {at: 10, action: pause, repeat: {every: 10s, count: 2}}
              - {at: 15, action: unpause, repeat: {every: 10s, until: 25s}}
              - {at: 5, action: speed, speed: 0.1}
              - {at: 6, action: command, text: /livedata status}
              - {at: 7, action: spectate}
              - {at: 8, action: reload}
            """).Events;

        Assert.Equal(
            new GameEvent[]
            {
                new SpeedChange(5, 0.1), new TextCommand(6, "/livedata status"), new SpectatorSwitch(7, true),
                    new WidgetReload(8),
                new Pause(10), new Unpause(15), new Pause(20), new Unpause(25), new GameOver(30),
            },
            events);
    }

    [Fact]
    public void Game_over_and_enable_happen_at_most_once()
    {
        Assert.Contains("only once", Fails("duration: 60\nevents:\n  - {at: 1, action: game_over}\n  - {at: 2, "
            + "action: game_over}\n").Message, StringComparison.Ordinal);
        Assert.Contains("only once", Fails("duration: 60\nevents:\n  - {at: 1, action: enable, repeat: {every: "
            + "1, count: 2}}\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_event_action_suggests_the_nearest()
    {
        AssertRejectedAt("duration: 60\nevents:\n  - {at: 1, action: pasue}\n", 3, 21, "did you mean 'pause'?");
    }

    [Fact]
    public void Faults_get_default_parameters_and_server_names()
    {
        var faults = Parse("""
            duration: 60
            faults:
              - {name: latency, at: 10, duration: 5, params: {latency_ms: 100}}
              - {name: Restart, at: 20}
              - {name: slow-close, at: 30, until: 40, direction: upstream, toxicity: 0.5, params: {delay_ms: 50}}
            """).Faults;

        Assert.Equal("latency", faults[0].Name);
        Assert.Equal(15, faults[0].EndSeconds);
        Assert.Equal(0, faults[0]["jitter_ms"]);
        Assert.Null(faults[0].Direction);
        Assert.Equal(1.0, faults[0].Toxicity);

        Assert.True(faults[1].IsInstant);
        Assert.Null(faults[1].EndSeconds);
        Assert.Equal(new RestartFault(1000), faults[1].ToFault());

        Assert.Equal("slow_close", faults[2].Name);
        Assert.Equal(FaultDirection.Upstream, faults[2].Direction);
        Assert.Equal(new SlowCloseFault(50) { Toxicity = 0.5, Stream = FaultStream.Upstream }, faults[2].ToFault());
        Assert.True(faults[2].IsActiveAt(30));
        Assert.False(faults[2].IsActiveAt(40));
    }

    [Theory]
    [CaseTable("Definition/ScenarioLoaderTests.Fault_entries_are_checked_against_the_catalog.tsv")]
    public void Fault_entries_are_checked_against_the_catalog(string fault, string message)
    {
        var ex = Fails($"duration: 30\nfaults:\n  - {fault}\n");
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, ex.Location!.Line);
    }

    [Fact]
    public void Every_fault_of_the_catalog_is_read_from_a_scenario_into_the_same_fault()
    {
        foreach (var schema in FaultCatalog.Default.Schemas)
        {
            var required = schema.Parameters.Where(p => p.Default is null).ToArray();
            var values = string.Join(", ", required.Select(p => $"{p.ScenarioKey}: {p.ToScenario(p.Max)}"));
            var given = required.Length == 0 ? string.Empty : $", params: {{{values}}}";
            var window = schema.IsInstant ? string.Empty : ", duration: 5";
            var spec = Parse($"duration: 30\nfaults:\n  - {{name: {schema.Name}, at: 1{window}{given}}}\n").Faults[0];

            var expected = schema.Create(required.ToDictionary(p => p.Name, p => p.Max));
            Assert.Equal(expected, spec.ToFault());
            Assert.Equal(schema.IsInstant, spec.EndSeconds is null);
        }
    }

    [Fact]
    public void Network_section_reads_sizes_modes_and_server_state()
    {
        var n = Parse("duration: 1\nnetwork: {mode: real, port: 9000, framing: length, client_buffer: 8KiB, "
            + "server_buffer: 1MiB, connect_delay: 50ms, server: down}\n").Network;
        Assert.Equal(new NetworkSpec(NetworkMode.Real, "127.0.0.1", 9000, Framing.Length, 8192, 1 << 20, 0.05, false),
            n);

        Assert.Equal(2, Fails("duration: 1\nnetwork: {port: 70000}\n").Location!.Line);
        Assert.Contains("did you mean 'newline'?", Fails("duration: 1\nnetwork: {framing: newlines}\n").Message,
            StringComparison.Ordinal);
        Assert.Contains("host", Fails("duration: 1\nnetwork: {host: \"a b\"}\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expectations_are_read_with_defaults_and_checked_for_conflicts()
    {
        var e = Parse("""
            duration: 60
            expectations:
              budget: {p99_ms: 1.5, max_ms: 2, max_over_budget_share: 0.01, after_s: 1}
              memory: {max_growth_kb_per_min: 2}
              reconnect_within_s: 35
              oracle: {freshness_frames: 3, accuracy: true, privacy: false}
              max_console_lines_per_min: 20
              expect_errors: [oops, "bad thing"]
            """).Expectations;
        Assert.Equal(new BudgetExpectation(2, 1.5, 2, 0.01, 1), e.Budget);
        Assert.Equal(new MemoryExpectation(2, 0), e.Memory);
        Assert.Equal(35, e.ReconnectWithinSeconds);
        Assert.Equal(new OracleExpectation(true, true, false, true, 3, true) { Written = true }, e.Oracle);
        Assert.Equal(20, e.MaxConsoleLinesPerMinute);
        Assert.Equal(new[] { "oops", "bad thing" }, e.ExpectErrors);

        Assert.False(Parse("duration: 5\nexpectations: {expect_widget_removed: true}\n").Expectations.NoLuaErrors);
        Assert.Contains("conflicts", Fails("duration: 5\nexpectations: {expect_widget_removed: true, "
            + "no_lua_errors: true}\n").Message, StringComparison.Ordinal);
        Assert.Contains("p99_ms", Fails("duration: 5\nexpectations: {budget: {p99_ms: 3, max_ms: 2}}\n").Message,
            StringComparison.Ordinal);
        Assert.Contains("warm-up", Fails("duration: 5\nexpectations: {budget: {after_s: 5}}\n").Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Widget_and_director_paths_resolve_beside_the_scenario_and_must_exist()
    {
        using var folder = new TemporaryFolder();
        folder.Write("mine/w.lua", "-- widget");
        folder.Write("mine/d.lua", "-- director");
        var file = folder.Write("mine/s.yaml", "duration: 1\nwidget: {path: w.lua}\ndirector: ./d.lua\n");

        var s = ScenarioLoader.Load(file);
        Assert.Equal(Path.Combine(folder.Path, "mine", "w.lua"), s.Widget.Path);
        Assert.False(s.Widget.IsDefault);
        Assert.Equal(Path.Combine(folder.Path, "mine", "d.lua"), s.DirectorPath);

        var missing = folder.Write("mine/t.yaml", "duration: 1\nwidget: {path: nope.lua}\n");
        var ex = Assert.Throws<HarnessInputException>(() => ScenarioLoader.Load(missing));
        Assert.Equal(new SourceLocation(missing, 2, 16), ex.Location);
    }

    [Fact]
    public void Missing_or_non_utf8_files_are_input_errors()
    {
        using var folder = new TemporaryFolder();
        Assert.Throws<HarnessInputException>(() => ScenarioLoader.Load(Path.Combine(folder.Path, "absent.yaml")));
        var binary = Path.Combine(folder.Path, "bin.yaml");
        System.IO.File.WriteAllBytes(binary, [0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]);
        Assert.Contains("UTF-8", Assert.Throws<HarnessInputException>(() => ScenarioLoader.Load(binary)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Names_must_be_usable_in_file_names()
    {
        Assert.Equal(1, Fails("name: \"a/b\"\nduration: 1\n").Location!.Line);
        Assert.Equal(2, Fails("duration: 1\ntags: [ok, \"not ok\"]\n").Location!.Line);
    }
}
