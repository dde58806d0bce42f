using System.Text.Json;

namespace BarHarness.Scenarios.Replay;

/// <summary>Visible units at a game frame, as the widget exported them.</summary>
public sealed record UnitCountSample(int Frame, int Units);

/// <summary>What a recording says about the game, on the game clock (frames of the widget's messages).</summary>
/// <param name="FirstFrame">Frame of the first message (the scenario's frame 0).</param>
/// <param name="LastFrame">Frame of the last message.</param>
/// <param name="UnitCounts">Units the widget's picture held after each unit message.</param>
/// <param name="TeamAllies">Team id to ally team id, from snapshot teams and units.</param>
/// <param name="ConnectionBreakFrames">Last frame of every connection that was followed by another.</param>
public sealed record RecordingSummary(
    int FirstFrame,
    int LastFrame,
    IReadOnlyList<UnitCountSample> UnitCounts,
    IReadOnlyDictionary<int, int?> TeamAllies,
    int? LocalTeam,
    bool Spectator,
    bool FullView,
    int? MapWidth,
    int? MapHeight,
    IReadOnlyList<int> ConnectionBreakFrames,
    int Messages)
{
    /// <summary>
    /// Follows the widget's picture through the stream: a snapshot replaces it, a delta adds
    /// <c>created</c> and removes <c>destroyed</c>/<c>left_los</c> (ids, so repeats do not double count).
    /// </summary>
    public static RecordingSummary From(RecordedStream stream)
    {
        var frames = stream.Messages.Select(m => m.Frame).OfType<int>().ToList();
        var first = frames.Count == 0 ? 0 : frames.Min();
        var last = frames.Count == 0 ? 0 : frames.Max();
        var counts = new List<UnitCountSample>();
        var teams = new Dictionary<int, int?>();
        var visible = new HashSet<long>();
        var breaks = new List<int>();
        int? localTeam = null, mapWidth = null, mapHeight = null;
        bool spectator = false, fullView = false;
        var lastFrame = first;
        long? connection = null;
        foreach (var m in stream.Messages)
        {
            if (connection is { } c && c != m.Connection)
            {
                breaks.Add(lastFrame);
                visible.Clear(); // a new connection starts from its own snapshot
            }

            connection = m.Connection;
            lastFrame = m.Frame ?? lastFrame;
            var msg = m.Message;
            switch (m.Type)
            {
                case "hello":
                    if (msg.TryGetProperty("local", out var local) && local.ValueKind == JsonValueKind.Object)
                    {
                        localTeam = Int(local, "team_id") ?? localTeam;
                        spectator = Bool(local, "spectator") ?? spectator;
                        fullView = Bool(local, "full_view") ?? fullView;
                        if (localTeam is { } own && Int(local, "ally_team_id") is { } ownAlly)
                        {
                            teams[own] = ownAlly;
                        }
                    }

                    if (msg.TryGetProperty("map", out var map) && map.ValueKind == JsonValueKind.Object)
                    {
                        mapWidth = Int(map, "size_x") ?? mapWidth;
                        mapHeight = Int(map, "size_z") ?? mapHeight;
                    }

                    break;
                case "snapshot":
                    visible.Clear();
                    AddUnits(msg, "units", visible, teams);
                    ReadTeams(msg, teams);
                    counts.Add(new UnitCountSample(lastFrame, visible.Count));
                    break;
                case "delta":
                    AddUnits(msg, "created", visible, teams);
                    AddUnits(msg, "updated", visible, teams);
                    RemoveIds(msg, "destroyed", visible);
                    RemoveIds(msg, "left_los", visible);
                    ReadTeams(msg, teams);
                    counts.Add(new UnitCountSample(lastFrame, visible.Count));
                    break;
            }
        }

        return new RecordingSummary(
            first,
            last,
            counts,
            teams,
            localTeam,
            spectator,
            fullView,
            mapWidth,
            mapHeight,
            breaks,
            stream.Messages.Count);
    }

    private static void AddUnits(JsonElement msg, string field, HashSet<long> visible, Dictionary<int, int?> teams)
    {
        if (!msg.TryGetProperty(field, out var list))
        {
            return;
        }

        var units = list.ValueKind switch
        {
            JsonValueKind.Array => list.EnumerateArray().ToList(),
            JsonValueKind.Object => list.EnumerateObject().Select(p => p.Value).ToList(), // units keyed by id
            _ => [],
        };
        foreach (var unit in units.Where(u => u.ValueKind == JsonValueKind.Object))
        {
            if (Long(unit, "id") is { } id)
            {
                visible.Add(id);
            }

            if (Int(unit, "team") is { } team && team >= 0)
            {
                teams.TryAdd(team, null);
            }
        }
    }

    private static void RemoveIds(JsonElement msg, string field, HashSet<long> visible)
    {
        if (msg.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var id in list.EnumerateArray())
            {
                if (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n))
                {
                    visible.Remove(n);
                }
            }
        }
    }

    private static void ReadTeams(JsonElement msg, Dictionary<int, int?> teams)
    {
        if (!msg.TryGetProperty("teams", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var team in list.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object))
        {
            if (Int(team, "id") is { } id && id >= 0)
            {
                teams[id] = Int(team, "ally_team") ?? (teams.TryGetValue(id, out var known) ? known : null);
            }
        }
    }

    private static int? Int(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v)
        && v.ValueKind == JsonValueKind.Number
        && v.TryGetDouble(out var d)
        && d is >= int.MinValue and <= int.MaxValue
            ? (int)d
            : null;

    private static long? Long(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    private static bool? Bool(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            }
            : null;
}
