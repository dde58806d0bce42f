using System.Globalization;

namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Compares exported units with the engine. Values in a message were sampled at most
/// <c>sample_window</c> frames before its frame (SCHEMA.md §7), so a unit passes privacy and
/// accuracy when some frame of that window agrees. Keeps the client's picture (snapshot replaces,
/// delta removes and adds) to measure freshness: at each message, how many frames each unit the
/// player can see has gone without the picture matching the engine.
/// </summary>
internal sealed class GroundTruthChecker(IWorldTruth truth, OracleOptions options, OracleStats stats)
{
    private readonly Dictionary<int, ExportedUnit> _picture = [];
    private readonly Dictionary<int, int> _lastAccurateFrame = [];
    private readonly Dictionary<int, int> _firstVisibleFrame = [];
    private readonly HashSet<int> _reportedStale = [];
    private HashSet<int> _visibleAtLastSample = [];
    private HashSet<int> _visibleNow = [];

    public delegate void Report(ViolationKind kind, string detail, int? unitId);

    /// <summary>A new connection starts from nothing: the client has no picture until its snapshot.</summary>
    public void ConnectionStarted() => _picture.Clear();

    public void Check(ParsedMessage message, Report report)
    {
        var frame = message.Frame;
        var known = truth.Knows(frame);
        if (!known)
        {
            stats.MessagesWithoutTruth++;
        }

        if (message.Type == MessageTypes.Snapshot)
        {
            _picture.Clear();
        }

        foreach (var removed in ExportedUnit.ReadRemoved(message.Root, options.Fields))
        {
            _picture.Remove(removed);
        }

        var window = Enumerable.Range(0, message.SampleWindow + 1).Select(back => frame - back).Where(f => f >= 0 && truth.Knows(f)).ToArray();
        foreach (var unit in ExportedUnit.ReadAll(message.Root, options.Fields))
        {
            _picture[unit.UnitId] = unit;
            if (known)
            {
                CheckUnit(unit, frame, window, report);
            }
        }

        if (known)
        {
            SampleFreshness(frame, message.SampleWindow, report);
        }
    }

    private void CheckUnit(ExportedUnit unit, int frame, int[] window, Report report)
    {
        var states = window.Select(f => (Frame: f, Real: truth.Unit(unit.UnitId, f))).Where(s => s.Real is not null).ToArray();
        if (states.Length == 0)
        {
            report(ViolationKind.UnknownUnit, $"unit {unit.UnitId} does not exist at frame {frame}", unit.UnitId);
            return;
        }

        if (!truth.IsFullView(frame) && !states.Any(s => MayBeSent(unit, s.Real!)))
        {
            var real = states[0].Real!;
            var what = real.Visibility == UnitVisibility.RadarOnly
                ? (options.RadarContactsAllowed ? "radar blip exported with health (needs LOS)" : "radar-only contact exported")
                : "outside LOS and radar";
            report(ViolationKind.PrivacyLeak, $"enemy unit {unit.UnitId} (team {real.Team}) at frame {frame}: {what}", unit.UnitId);
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
            Compare("x", unit.X, real.X, options.PositionTolerance);
            Compare("y", unit.Y, real.Y, options.PositionTolerance);
            Compare("z", unit.Z, real.Z, options.PositionTolerance);
        }

        Compare("hp", unit.Health, real.Health, options.HealthTolerance);
        return found;

        void Compare(string field, double? exported, double engine, double tolerance)
        {
            if (exported is { } value && Math.Abs(value - engine) > tolerance)
            {
                found.Add(string.Create(CultureInfo.InvariantCulture, $"unit {unit.UnitId} {field} {value}, engine {engine} at frame {frame}"));
            }
        }
    }

    /// <summary>
    /// Ages every unit the player can see by the client's picture: a unit whose picture matches the
    /// engine at some frame of the message's sample window (its values were read then, SCHEMA.md §7)
    /// was current at that frame; its age is how long ago the latest such frame is.
    /// </summary>
    private void SampleFreshness(int frame, int sampleWindow, Report report)
    {
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

            var since = _firstVisibleFrame[unitId];

            if (_picture.TryGetValue(unitId, out var shown) && LatestMatchingFrame(unitId, shown, frame, sampleWindow) is { } matched)
            {
                if (matched > _lastAccurateFrame.GetValueOrDefault(unitId, int.MinValue))
                {
                    _lastAccurateFrame[unitId] = matched;
                }

                _reportedStale.Remove(unitId);
            }

            var age = frame - _lastAccurateFrame.GetValueOrDefault(unitId, since);
            stats.Freshness.Add(age);
            if (age > options.MaxStaleFrames && _reportedStale.Add(unitId))
            {
                report(ViolationKind.StaleUnit, $"the client's picture of unit {unitId} has been off the engine for {age} frames at frame {frame} (allowed {options.MaxStaleFrames})", unitId);
            }
        }

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
        static bool Near(double? value, double engine, double slack) => value is not { } v || Math.Abs(v - engine) <= slack;

        var positionKnown = !(real.IsEnemy && real.Visibility == UnitVisibility.RadarOnly);
        return (!positionKnown || (Near(shown.X, real.X, options.FreshPositionSlack) && Near(shown.Y, real.Y, options.FreshPositionSlack) && Near(shown.Z, real.Z, options.FreshPositionSlack)))
            && Near(shown.Health, real.Health, options.FreshHealthSlack);
    }
}
