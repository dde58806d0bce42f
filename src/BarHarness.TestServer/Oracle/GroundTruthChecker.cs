namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Compares exported units with the engine. Values in a message were sampled at most
/// <c>sample_window</c> frames before its frame (SCHEMA §7.1), so a unit passes privacy and accuracy
/// when some frame of that window agrees. Keeps the client's picture (snapshot replaces, delta removes
/// and adds) to measure freshness and coverage (§7.3, §7.4): at each message, how many frames each unit
/// the player can see has gone without the picture matching the engine, and which units the picture
/// keeps although the player can no longer see them.
/// </summary>
internal sealed class GroundTruthChecker(ITruthSource truth, OracleOptions options, OracleStats stats)
{
    /// <summary>Largest integer SCHEMA §6.1 writes for a position or health; beyond it the value is null.</summary>
    private const double IntegerRange = 2147483648;

    private readonly Dictionary<int, ExportedUnit> _picture = [];
    private readonly Dictionary<int, int> _lastAccurateFrame = [];
    private readonly Dictionary<int, int> _firstVisibleFrame = [];
    private readonly Dictionary<int, int> _ghostSince = [];
    private readonly HashSet<int> _reportedStale = [];
    private readonly HashSet<int> _reportedGhost = [];
    private readonly List<int> _ghostScratch = [];
    private HashSet<int> _visibleAtLastSample = [];
    private HashSet<int> _visibleNow = [];
    private readonly List<int> _ages = [];
    private int? _lastUnitMessageFrame;
    private int? _lastSampleFrame;

    public delegate void Report(ViolationKind kind, string detail, int? unitId);

    /// <summary>A new connection starts from nothing: the client has no picture until its snapshot.</summary>
    public void ConnectionStarted()
    {
        _picture.Clear();
        _ghostSince.Clear();
        _reportedGhost.Clear();
        _lastUnitMessageFrame = null;
    }

    /// <summary>Checks one message. <paramref name="pictureComplete"/>: the connection had its snapshot and no declared
    /// drop awaits one.</summary>
    public void Check(ParsedMessage message, bool pictureComplete, Report report)
    {
        var frame = message.Frame;
        var known = truth.Knows(frame);
        if (!known)
        {
            stats.MessagesWithoutTruth++;
        }

        var window = Enumerable
            .Range(0, message.SampleWindow + 1).Select(back => frame - back).Where(f => f >= 0 && truth.Knows(f))
            .ToArray();
        var unitMessage = message.Type is MessageTypes.Snapshot or MessageTypes.Delta;
        if (message.Type == MessageTypes.Snapshot)
        {
            _picture.Clear();
        }

        foreach (var removed in ExportedUnit.ReadRemoved(message.Root, options.Fields))
        {
            if (known && !_picture.ContainsKey(removed))
            {
                CheckRemovedId(removed, frame, window, report);
            }

            _picture.Remove(removed);
        }

        foreach (var unit in ExportedUnit.ReadAll(message.Root, options.Fields))
        {
            _picture[unit.UnitId] = unit;
            if (known)
            {
                CheckUnit(unit, frame, window, report);
            }
        }

        if (known && unitMessage)
        {
            CheckTeams(message.Root, frame, report);
        }

        if (known)
        {
            SampleFreshness(frame, message.SampleWindow, pictureComplete, unitMessage, report);
        }

        if (unitMessage)
        {
            _lastUnitMessageFrame = frame;
        }
    }

    /// <summary>
    /// SCHEMA §8.1: an id list names only units the client was shown; naming a hidden enemy tells where it was
    /// or that it died.
    /// </summary>
    private void CheckRemovedId(int unitId, int frame, int[] window, Report report)
    {
        if (truth.IsFullView(frame))
        {
            return;
        }

        var states = window.Select(f => truth.Unit(unitId, f)).Where(s => s is not null).ToArray();
        if (states.Length > 0 && states.All(s => s!.IsEnemy && s.Visibility != UnitVisibility.Full))
        {
            report(
                ViolationKind.PrivacyLeak,
                $"an id list names enemy unit {unitId}, which the player does not see and was never sent",
                unitId);
        }
    }

    /// <summary>SCHEMA §8.1: enemy team resources are null unless the player sees everything.</summary>
    private void CheckTeams(JsonElement root, int frame, Report report)
    {
        if (
            truth.IsFullView(frame)
            || !root.TryGetProperty("teams", out var teams)
            || teams.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var team in teams.EnumerateArray())
        {
            if (
                team.ValueKind != JsonValueKind.Object
                || !team.TryGetProperty("id", out var idElement)
                || !idElement.TryGetInt32(out var id))
            {
                continue;
            }

            var revealed = Revealed(team, "metal") || Revealed(team, "energy");
            if (revealed && truth.IsEnemyTeam(id, frame) == true)
            {
                report(
                    ViolationKind.PrivacyLeak,
                    $"resources of enemy team {id} sent to a player who is not spectating at frame {frame}",
                    null);
            }
        }

        static bool Revealed(JsonElement team, string name) =>
            team.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
    }

    private void CheckUnit(ExportedUnit unit, int frame, int[] window, Report report)
    {
        var states = window
            .Select(f => (Frame: f, Real: truth.Unit(unit.UnitId, f))).Where(s => s.Real is not null).ToArray();
        if (states.Length == 0)
        {
            report(ViolationKind.UnknownUnit, $"unit {unit.UnitId} does not exist at frame {frame}", unit.UnitId);
            return;
        }

        if (!truth.IsFullView(frame) && !states.Any(s => MayBeSent(unit, s.Real!)))
        {
            var real = states[0].Real!;
            var what =
                real.Visibility == UnitVisibility.RadarOnly
                    ? (
                        options.RadarContactsAllowed
                            ? "radar blip exported with health (needs LOS)"
                            : "radar-only contact exported")
                    : "outside LOS and radar";
            report(
                ViolationKind.PrivacyLeak,
                $"enemy unit {unit.UnitId} (team {real.Team}) at frame {frame}: {what}",
                unit.UnitId);
            return;
        }

        var mismatches = states.Select(s => Mismatches(unit, s.Real!, s.Frame)).ToArray();
        if (mismatches.All(m => m.Count > 0))
        {
            report(ViolationKind.InaccurateValue, string.Join("; ", mismatches[0]), unit.UnitId);
        }
    }

    private bool MayBeSent(ExportedUnit unit, UnitTruth real) =>
        !real.IsEnemy
        || real.Visibility == UnitVisibility.Full
        || (real.Visibility == UnitVisibility.RadarOnly && options.RadarContactsAllowed && !unit.HasLosOnlyData);

    /// <summary>Every field SCHEMA §6.1 defines that the unit carries and the truth records.</summary>
    private List<string> Mismatches(ExportedUnit unit, UnitTruth real, int frame)
    {
        var found = new List<string>();
        if (unit.Team is { } team && team != real.Team)
        {
            found.Add($"unit {unit.UnitId} team {team}, engine {real.Team} at frame {frame}");
        }

        // A radar blip's position carries the engine's deliberate error offset: nothing to compare.
        var comparePosition = !(real.IsEnemy && real.Visibility == UnitVisibility.RadarOnly);
        if (comparePosition)
        {
            Integer("x", unit.X, real.X, options.PositionTolerance);
            Integer("y", unit.Y, real.Y, options.PositionTolerance);
            Integer("z", unit.Z, real.Z, options.PositionTolerance);
        }

        Integer("hp", unit.Health, real.Health, options.HealthTolerance);
        if (real.MaxHealth is { } maxHealth)
        {
            Integer("max_hp", unit.MaxHealth, maxHealth, options.HealthTolerance);
        }

        if (real.DefId is { } def && unit.Def is { } sentDef && !double.IsNaN(sentDef) && sentDef != def)
        {
            found.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"unit {unit.UnitId} def {sentDef}, engine {def} at frame {frame}"));
        }

        if (real.BuildProgress is { } bp && unit.BuildProgress is { } sentBp)
        {
            var finished = bp >= 1;
            var wrong = double.IsNaN(sentBp) ? double.IsFinite(bp)
                : sentBp >= 1 != finished || Math.Abs(sentBp - bp) > options.BuildProgressTolerance;
            if (wrong)
            {
                found.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"unit {unit.UnitId} bp {sentBp}, engine {bp} at frame {frame}"));
            }
        }

        return found;

        // SCHEMA §6.1: rounded to an integer; null exactly when the engine's value is not finite or out of range.
        void Integer(string field, double? exported, double engine, double tolerance)
        {
            if (exported is not { } value)
            {
                return;
            }

            var representable = double.IsFinite(engine) && Math.Abs(engine) < IntegerRange;
            var ok = double.IsNaN(value) ? !representable : representable && Math.Abs(value - engine) <= tolerance;
            if (!ok)
            {
                var shown = double.IsNaN(value) ? "null" : value.ToString(CultureInfo.InvariantCulture);
                found.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"unit {unit.UnitId} {field} {shown}, engine {engine} at frame {frame}"));
            }
        }
    }

    /// <summary>
    /// Ages every unit the player can see by the client's picture: a unit whose picture matches the
    /// engine at some frame of the message's sample window (its values were read then, SCHEMA §7.1)
    /// was current at that frame; its age is how long ago the latest such frame is. With a complete
    /// picture, a unit absent or stale past the bound breaks §7.3, one kept out of sight breaks §7.4;
    /// while unit messages keep arriving either is a loss the widget did not declare (§3.6).
    /// </summary>
    private void SampleFreshness(int frame, int sampleWindow, bool pictureComplete, bool unitMessage, Report report)
    {
        var bound = options.MaxStaleFrames;
        var flowing = unitMessage || (_lastUnitMessageFrame is { } last && frame - last <= bound);
        _visibleNow.Clear();
        foreach (var unitId in truth.UnitsVisibleToLocalPlayer(frame))
        {
            // A radar-only contact is not exported at all (SCHEMA §8) unless radar contacts are
            // allowed: it has no picture to be fresh or stale.
            if (!options.RadarContactsAllowed && truth.Unit(unitId, frame) is { Visibility: UnitVisibility.RadarOnly })
            {
                continue;
            }

            _visibleNow.Add(unitId);
            if (!_visibleAtLastSample.Contains(unitId))
            {
                // Visible again after a time out of sight: its age counts from now, not from the last
                // time the picture matched before it went out of sight.
                _firstVisibleFrame[unitId] = frame;
                _lastAccurateFrame.Remove(unitId);
            }
            else if (LastHiddenSinceSample(unitId, frame) is { } hidden)
            {
                // Out of sight between two messages (no message to see it by): its age counts from its return.
                _firstVisibleFrame[unitId] = hidden + 1;
                _lastAccurateFrame.Remove(unitId);
            }

            var since = _firstVisibleFrame[unitId];
            var shown = _picture.TryGetValue(unitId, out var inPicture);
            if (shown && LatestMatchingFrame(unitId, inPicture!, frame, sampleWindow) is { } matched)
            {
                if (matched > _lastAccurateFrame.GetValueOrDefault(unitId, int.MinValue))
                {
                    _lastAccurateFrame[unitId] = matched;
                }

                _reportedStale.Remove(unitId);
            }

            var age = frame - _lastAccurateFrame.GetValueOrDefault(unitId, since);
            if (pictureComplete)
            {
                _ages.Add(age);
            }

            if (pictureComplete && age > bound && _reportedStale.Add(unitId))
            {
                var state = shown ? "off the engine" : "absent from the picture";
                var detail = $"the client's picture of unit {unitId}: {state} for {age} frames "
                    + $"at frame {frame} (allowed {bound})";
                var silent = flowing && !shown;
                report(
                    silent ? ViolationKind.SilentLoss : ViolationKind.StaleUnit,
                    silent ? detail + " while unit messages kept arriving and no drop was declared" : detail,
                    unitId);
            }
        }

        var judged = frame >= options.FreshnessJudgedFromFrame
            && _visibleNow.Count <= options.FreshnessJudgedUpToVisibleUnits;
        foreach (var age in _ages)
        {
            stats.Freshness.Add(age);
            if (judged)
            {
                stats.JudgedFreshness.Add(age);
            }
        }

        _ages.Clear();
        foreach (var gone in _visibleAtLastSample)
        {
            if (!_visibleNow.Contains(gone))
            {
                _firstVisibleFrame.Remove(gone);
                _lastAccurateFrame.Remove(gone);
                _reportedStale.Remove(gone);
            }
        }

        (_visibleAtLastSample, _visibleNow) = (_visibleNow, _visibleAtLastSample);
        _lastSampleFrame = frame;
        CheckGhosts(frame, bound, pictureComplete, flowing, report);
    }

    /// <summary>The latest frame since the previous sample at which the unit was dead or out of sight, if
    /// any.</summary>
    private int? LastHiddenSinceSample(int unitId, int frame)
    {
        if (_lastSampleFrame is not { } last)
        {
            return null;
        }

        for (var f = frame - 1; f > last; f--)
        {
            if (!truth.Knows(f))
            {
                return null;
            }

            var state = truth.Unit(unitId, f);
            if (state is null || (!truth.IsFullView(f) && state.IsEnemy && state.Visibility != UnitVisibility.Full))
            {
                return f;
            }
        }

        return null;
    }

    private void CheckGhosts(int frame, int bound, bool pictureComplete, bool flowing, Report report)
    {
        _ghostScratch.Clear();
        foreach (var ghost in _ghostSince.Keys)
        {
            if (!_picture.ContainsKey(ghost) || _visibleAtLastSample.Contains(ghost))
            {
                _ghostScratch.Add(ghost);
            }
        }

        foreach (var ghost in _ghostScratch)
        {
            _ghostSince.Remove(ghost);
            _reportedGhost.Remove(ghost);
        }

        foreach (var unitId in _picture.Keys)
        {
            if (_visibleAtLastSample.Contains(unitId))
            {
                continue;
            }

            if (!_ghostSince.TryGetValue(unitId, out var since))
            {
                _ghostSince[unitId] = frame;
                continue;
            }

            if (pictureComplete && frame - since > bound && _reportedGhost.Add(unitId))
            {
                var state = truth.Unit(unitId, frame) is null ? "dead" : "out of the player's sight";
                var detail = $"the client's picture keeps unit {unitId}, {state} for {frame - since} frames "
                    + $"at frame {frame} (allowed {bound})";
                report(
                    flowing ? ViolationKind.SilentLoss : ViolationKind.GhostUnit,
                    flowing ? detail + " while unit messages kept arriving and no drop was declared" : detail,
                    unitId);
            }
        }
    }

    private int? LatestMatchingFrame(int unitId, ExportedUnit shown, int frame, int sampleWindow)
    {
        for (var back = 0; back <= sampleWindow; back++)
        {
            var f = frame - back;
            if (f < 0 || !truth.Knows(f))
            {
                break;
            }

            if (truth.Unit(unitId, f) is { } real && IsCurrent(shown, real))
            {
                return f;
            }
        }

        return null;
    }

    private bool IsCurrent(ExportedUnit shown, UnitTruth real)
    {
        // SCHEMA §6.1: null stands for a value that is not finite or out of range; it is current when the engine's is.
        static bool Near(double? value, double engine, double slack) =>
            value switch
            {
                null => true,
                { } v when double.IsNaN(v) => !double.IsFinite(engine) || Math.Abs(engine) >= IntegerRange,
                { } v => Math.Abs(v - engine) <= slack,
            };

        var positionKnown = !(real.IsEnemy && real.Visibility == UnitVisibility.RadarOnly);
        return (
                !positionKnown
                || (
                    Near(shown.X, real.X, options.FreshPositionSlack)
                    && Near(shown.Y, real.Y, options.FreshPositionSlack)
                    && Near(shown.Z, real.Z, options.FreshPositionSlack))
            ) && Near(shown.Health, real.Health, options.FreshHealthSlack);
    }
}
