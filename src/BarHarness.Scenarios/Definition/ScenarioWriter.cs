namespace BarHarness.Scenarios.Definition;

/// <summary>
/// Writes a <see cref="ScenarioDefinition"/> back as a scenario file that loads to the same
/// definition: for <c>barharness shrink</c>, for property tests that save a failing case, for
/// <c>replay</c>. Everything is written explicitly (no reliance on defaults), repeats stay
/// expanded, fault windows use <c>until</c>, and strings are double-quoted with escapes.
/// </summary>
public static class ScenarioWriter
{
    /// <summary>
    /// The YAML text. Paths (widget, director) are written relative to
    /// <paramref name="targetDirectory"/> when given ("./..." so they resolve beside the file),
    /// else absolute; the bundled default widget is left out.
    /// </summary>
    public static string ToYaml(ScenarioDefinition s, string? targetDirectory = null)
    {
        var w = new StringBuilder();
        w.Append("# Written by BarHarness from ")
            .Append(Path.GetFileName(s.SourceFile).ReplaceLineEndings(" ")).Append('\n');
        Line(w, 0, "name", Quote(s.Name));
        Line(w, 0, "description", Quote(s.Description));
        Line(w, 0, "tags", "[" + string.Join(", ", s.Tags.Select(Quote)) + "]");
        Line(w, 0, "seed", s.Seed.ToString(CultureInfo.InvariantCulture));
        Line(w, 0, "duration", Number(s.DurationSeconds));
        Line(w, 0, "timer", s.Timer switch { TimerMode.Real => "real", TimerMode.Virtual => "virtual", _ => "cpu" });
        if (s.DirectorPath is not null)
        {
            Line(w, 0, "director", Quote(PathFor(s.DirectorPath, targetDirectory)));
        }

        WriteWidget(w, s.Widget, targetDirectory);
        WriteWorld(w, s.World);
        WriteUnits(w, s.Units);
        WriteEvents(w, s.Events);
        WriteNetwork(w, s.Network);
        WriteFaults(w, s.Faults);
        WriteExpectations(w, s.Expectations);
        return w.ToString();
    }

    /// <summary>Writes the scenario to <paramref name="path"/>, paths relative to its folder.</summary>
    public static void Save(ScenarioDefinition s, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, ToYaml(s, directory), new UTF8Encoding(false));
    }

    private static void WriteWidget(StringBuilder w, WidgetSpec widget, string? targetDirectory)
    {
        if (widget.IsDefault && widget.Config is null)
        {
            return;
        }

        w.Append("widget:\n");
        if (!widget.IsDefault)
        {
            Line(w, 1, "path", Quote(PathFor(widget.Path, targetDirectory)));
        }

        if (widget.Config is not null)
        {
            Line(w, 1, "config", Config(widget.Config));
        }
    }

    private static void WriteWorld(StringBuilder w, WorldSpec world)
    {
        w.Append("world:\n");
        Line(w, 1, "map", $"{{width_elmos: {world.Map.WidthElmos}, height_elmos: {world.Map.HeightElmos}}}");
        Line(
            w,
            1,
            "ally_teams",
            "[" + string.Join(", ", world.AllyTeams.Select(a => "[" + string.Join(", ", a.TeamIds) + "]")) + "]");
        Line(w, 1, "gaia", Bool(world.Gaia));
        var p = world.LocalPlayer;
        Line(
            w,
            1,
            "local_player",
            $"{{name: {Quote(p.Name)}, team: {p.Team}, spectator: {Bool(p.Spectator)}, "
                + $"full_view: {Bool(p.FullView)}}}");
        Line(w, 1, "unit_defs", world.UnitDefCount.ToString(CultureInfo.InvariantCulture));
        Line(w, 1, "replay", Bool(world.Replay));
        var e = world.EdgeData;
        Line(
            w,
            1,
            "edge_data",
            $"{{nan_positions: {Number(e.NanPositionRate)}, inf_positions: {Number(e.InfPositionRate)}, "
                + $"negative_health: {Number(e.NegativeHealthRate)}, huge_resources: {Bool(e.HugeResources)}, "
                + $"beyond_map: {Number(e.BeyondMapRate)}, unicode_names: {Bool(e.UnicodeNames)}, "
                + $"die_mid_frame: {Number(e.DieMidFrameRate)}}}");
    }

    private static void WriteUnits(StringBuilder w, UnitTimeline u)
    {
        w.Append("units:\n");
        Line(w, 1, "initial", u.Initial.ToString(CultureInfo.InvariantCulture));
        Items(w, "ramps", u.Ramps, r => $"{{at: {Number(r.AtSeconds)}, to: {r.To}, over: {Number(r.OverSeconds)}}}");
        Items(w, "waves", u.Waves, v => $"{{at: {Number(v.AtSeconds)}, count: {v.Count}{Team(v.Team)}}}");
        Line(w, 1, "churn_per_second", Number(u.ChurnPerSecond));
        Items(w, "mass_spawn", u.MassSpawns, m => $"{{at: {Number(m.AtSeconds)}, count: {m.Count}{Team(m.Team)}}}");
        Items(w, "mass_destroy", u.MassDestroys, m => $"{{at: {Number(m.AtSeconds)}, count: {m.Count}{Team(m.Team)}}}");
        Items(
            w,
            "transfers",
            u.Transfers,
            t => $"{{at: {Number(t.AtSeconds)}, count: {t.Count}, from: {t.From}, to: {t.To}}}");
        Line(w, 1, "moving_share", Number(u.MovingShare));
        if (!u.Hold)
        {
            Line(w, 1, "hold", "false");
        }

        Line(
            w,
            1,
            "los",
            $"{{changes_per_second: {Number(u.Los.ChangesPerSecond)}, moving_enemies: {Bool(u.Los.MovingEnemies)}}}");
    }

    private static void WriteEvents(StringBuilder w, IReadOnlyList<GameEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        w.Append("events:\n");
        foreach (var e in events)
        {
            var extra = e switch
            {
                SpeedChange s => $", speed: {Number(s.Speed)}",
                SpectatorSwitch s => $", full_view: {Bool(s.FullView)}",
                TextCommand c => $", text: {Quote(c.Command)}",
                SelectUnits s => $", count: {s.Count}, append: {Bool(s.Append)}"
                    + (s.Unit is null ? string.Empty : $", unit: {s.Unit}"),
                OrderUnits o => $", command: {o.Command}, params: [{string.Join(", ", o.Params.Select(Number))}]"
                    + $", shift: {Bool(o.Shift)}" + (o.Unit is null ? string.Empty : $", unit: {o.Unit}"),
                PressKey k => $", key: {k.Key}"
                    + (k.Mods.Count == 0 ? string.Empty : $", mods: [{string.Join(", ", k.Mods)}]"),
                ClickMouse c => $", x: {c.X}, y: {c.Y}, button: {c.Button}",
                TurnWheel t => $", up: {Bool(t.Up)}, value: {Number(t.Value)}",
                TypeText t => $", text: {Quote(t.Text)}",
                ResizeView r => $", width: {r.Width}, height: {r.Height}",
                SpawnUnits u => $", unit: {u.Unit}, team: {u.Team}, count: {u.Count}",
                _ => string.Empty,
            };
            w.Append($"  - {{at: {Number(e.AtSeconds)}, action: {e.Action}{extra}}}\n");
        }
    }

    private static void WriteNetwork(StringBuilder w, NetworkSpec n)
    {
        w.Append("network:\n");
        Line(w, 1, "mode", n.Mode == NetworkMode.Real ? "real" : "sim");
        Line(w, 1, "host", Quote(n.Host));
        Line(w, 1, "port", n.Port.ToString(CultureInfo.InvariantCulture));
        Line(w, 1, "framing", n.Framing.ToString().ToLowerInvariant());
        Line(w, 1, "client_buffer", n.ClientBufferBytes.ToString(CultureInfo.InvariantCulture));
        Line(w, 1, "server_buffer", n.ServerBufferBytes.ToString(CultureInfo.InvariantCulture));
        Line(w, 1, "connect_delay", Number(n.ConnectDelaySeconds));
        Line(w, 1, "server", n.ServerUpAtStart ? "up" : "down");
    }

    private static void WriteFaults(StringBuilder w, IReadOnlyList<FaultSpec> faults)
    {
        if (faults.Count == 0)
        {
            return;
        }

        w.Append("faults:\n");
        foreach (var f in faults)
        {
            var text = new StringBuilder($"{{name: {f.Name}, at: {Number(f.AtSeconds)}");
            if (f.EndSeconds is { } end)
            {
                text.Append($", until: {Number(end)}");
            }

            var shape = f.Schema;
            if (shape.Parameters.Count > 0)
            {
                var values = shape.Parameters.Select(p => $"{p.ScenarioKey}: {Number(f.Parameters[p.ScenarioKey])}");
                text.Append(", params: {").Append(string.Join(", ", values)).Append('}');
            }

            text.Append($", toxicity: {Number(f.Toxicity)}");
            if (f.Direction is { } direction)
            {
                text.Append(", direction: ").Append(direction == FaultDirection.Upstream ? "upstream" : "downstream");
            }

            w.Append("  - ").Append(text).Append("}\n");
        }
    }

    private static void WriteExpectations(StringBuilder w, ExpectationSet e)
    {
        w.Append("expectations:\n");
        var b = e.Budget;
        var budget = new List<string> { $"budget_ms: {Number(b.BudgetMs)}" };
        Optional(budget, "p99_ms", b.P99Ms);
        Optional(budget, "max_ms", b.MaxMs);
        Optional(budget, "max_over_budget_share", b.MaxOverBudgetShare);
        budget.Add($"after_s: {Number(b.AfterSeconds)}");
        Optional(budget, "collector_mean_ms", b.CollectorMeanMs);
        Line(w, 1, "budget", "{" + string.Join(", ", budget) + "}");
        if (e.Memory is { } m)
        {
            Line(
                w,
                1,
                "memory",
                $"{{max_growth_kb_per_min: {Number(m.MaxGrowthKbPerMinute)}, after_s: {Number(m.AfterSeconds)}}}");
        }

        Line(w, 1, "no_lua_errors", Bool(e.NoLuaErrors));
        Line(w, 1, "no_blocking_calls", Bool(e.NoBlockingCalls));
        if (e.ReconnectWithinSeconds is { } reconnect)
        {
            Line(w, 1, "reconnect_within_s", Number(reconnect));
        }

        var o = e.Oracle;
        var oracle = new List<string>
        {
            $"valid_stream: {Bool(o.ValidStream)}",
            $"no_silent_loss: {Bool(o.NoSilentLoss)}",
            $"privacy: {Bool(o.Privacy)}",
            $"snapshot_after_reconnect: {Bool(o.SnapshotAfterReconnect)}",
        };
        Optional(oracle, "freshness_frames", o.FreshnessFrames);
        Optional(oracle, "freshness_after_s", o.FreshnessAfterSeconds > 0 ? o.FreshnessAfterSeconds : null);
        Optional(oracle, "freshness_max_units", o.FreshnessMaxUnits);
        oracle.Add($"accuracy: {Bool(o.Accuracy)}");
        if (o.Written || o != OracleExpectation.Default)
        {
            // An unwritten default section stays unwritten: it decides whether a non-streaming widget is judged.
            Line(w, 1, "oracle", "{" + string.Join(", ", oracle) + "}");
        }
        if (e.MaxConsoleLinesPerMinute is { } lines)
        {
            Line(w, 1, "max_console_lines_per_min", Number(lines));
        }

        Line(w, 1, "expect_widget_removed", Bool(e.ExpectWidgetRemoved));
        Line(w, 1, "expect_errors", "[" + string.Join(", ", e.ExpectErrors.Select(Quote)) + "]");
    }

    private static void Items<T>(StringBuilder w, string key, IReadOnlyList<T> items, Func<T, string> format)
    {
        if (items.Count == 0)
        {
            return;
        }

        w.Append("  ").Append(key).Append(":\n");
        foreach (var item in items)
        {
            w.Append("    - ").Append(format(item)).Append('\n');
        }
    }

    private static void Optional(List<string> parts, string key, double? value)
    {
        if (value is { } v)
        {
            parts.Add($"{key}: {Number(v)}");
        }
    }

    private static void Line(StringBuilder w, int level, string key, string value) =>
        w.Append(' ', level * 2).Append(key).Append(": ").Append(value).Append('\n');

    private static string Team(int? team) => team is { } t ? $", team: {t}" : string.Empty;

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Shortest text that parses back to the same double.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Config(ConfigValue value) =>
        value switch
        {
            ConfigString s => Quote(s.Value),
            ConfigNumber n => Number(n.Value),
            ConfigBool b => Bool(b.Value),
            ConfigList l => "[" + string.Join(", ", l.Items.Select(Config)) + "]",
            ConfigMap m => "{" + string.Join(", ", m.Entries.Select(e => Quote(e.Key) + ": " + Config(e.Value))) + "}",
            _ => "~",
        };

    private static string PathFor(string path, string? targetDirectory)
    {
        if (targetDirectory is null)
        {
            return path;
        }

        var relative = Path.GetRelativePath(targetDirectory, path).Replace('\\', '/');
        return Path.IsPathRooted(relative) || relative.StartsWith("../", StringComparison.Ordinal)
            ? relative
            : "./" + relative;
    }

    /// <summary>A YAML double-quoted scalar; control and non-printable characters escaped.</summary>
    private static string Quote(string text)
    {
        var q = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (ShortEscape(c) is { } escape)
            {
                q.Append(escape);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                q.Append(c).Append(text[++i]); // a whole code point outside the BMP, written as is
            }
            else if (char.IsSurrogate(c))
            {
                // a lone surrogate is no Unicode text at all: replaced, as the loader would read it
                q.Append("\\uFFFD");
            }
            else if (char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF')
            {
                q.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                q.Append(c);
            }
        }

        return q.Append('"').ToString();
    }

    private static string? ShortEscape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\t' => "\\t",
        '\r' => "\\r",
        _ => null,
    };
}
