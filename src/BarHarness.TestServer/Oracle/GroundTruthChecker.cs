namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Compares exported units with the engine: privacy (no hidden enemy, no LOS-only data of a radar
/// blip, for a non-spectator), accuracy (team exact, position and health within tolerance) and
/// freshness (age of each visible unit's last export, sampled at every message).
/// </summary>
internal sealed class GroundTruthChecker(IWorldTruth truth, OracleOptions options, OracleStats stats)
{
    private readonly Dictionary<int, int> _lastExportFrame = [];
    private readonly Dictionary<int, int> _firstVisibleFrame = [];
    private readonly HashSet<int> _reportedStale = [];

    public delegate void Report(ViolationKind kind, string detail, int? unitId);

    public void Check(ParsedMessage message, Report report)
    {
        var frame = message.Frame;
        if (!truth.Knows(frame))
        {
            stats.MessagesWithoutTruth++;
            return;
        }

        var fullView = truth.IsFullView(frame);
        foreach (var unit in ExportedUnit.ReadAll(message.Root, options.Fields))
        {
            var real = truth.Unit(unit.UnitId, frame);
            if (real is null)
            {
                report(ViolationKind.UnknownUnit, $"unit {unit.UnitId} does not exist at frame {frame}", unit.UnitId);
                continue;
            }

            if (!fullView && real.IsEnemy && !CheckPrivacy(unit, real, frame, report))
            {
                continue;
            }

            CheckAccuracy(unit, real, frame, report);
            _lastExportFrame[unit.UnitId] = frame;
            _reportedStale.Remove(unit.UnitId);
        }

        SampleFreshness(frame, report);
    }

    private static bool CheckPrivacy(ExportedUnit unit, UnitTruth real, int frame, Report report)
    {
        if (real.Visibility == UnitVisibility.Hidden)
        {
            report(ViolationKind.PrivacyLeak, $"enemy unit {unit.UnitId} (team {real.Team}) exported at frame {frame} while outside LOS and radar", unit.UnitId);
            return false;
        }

        if (real.Visibility == UnitVisibility.RadarOnly && unit.HasLosOnlyData)
        {
            report(ViolationKind.PrivacyLeak, $"enemy radar blip {unit.UnitId} exported with health at frame {frame} (health needs LOS)", unit.UnitId);
            return false;
        }

        return true;
    }

    private void CheckAccuracy(ExportedUnit unit, UnitTruth real, int frame, Report report)
    {
        if (unit.Team is { } team && team != real.Team)
        {
            report(ViolationKind.InaccurateValue, $"unit {unit.UnitId} team {team}, engine {real.Team} at frame {frame}", unit.UnitId);
        }

        // A radar blip's position carries the engine's deliberate error offset: nothing to compare.
        if (real.Visibility != UnitVisibility.RadarOnly || !real.IsEnemy)
        {
            ComparePosition("x", unit.X, real.X);
            ComparePosition("y", unit.Y, real.Y);
            ComparePosition("z", unit.Z, real.Z);
        }

        if (unit.Health is { } health && Math.Abs(health - real.Health) > options.HealthTolerance)
        {
            report(ViolationKind.InaccurateValue, $"unit {unit.UnitId} health {health}, engine {real.Health} at frame {frame}", unit.UnitId);
        }

        void ComparePosition(string axis, double? exported, double engine)
        {
            if (exported is { } value && Math.Abs(value - engine) > options.PositionTolerance)
            {
                report(ViolationKind.InaccurateValue, $"unit {unit.UnitId} {axis} {value}, engine {engine} at frame {frame}", unit.UnitId);
            }
        }
    }

    private void SampleFreshness(int frame, Report report)
    {
        foreach (var unitId in truth.UnitsVisibleToLocalPlayer(frame))
        {
            if (!_firstVisibleFrame.TryGetValue(unitId, out var since))
            {
                _firstVisibleFrame[unitId] = since = frame;
            }

            var last = _lastExportFrame.TryGetValue(unitId, out var exported) ? exported : since;
            var age = frame - last;
            stats.Freshness.Add(age);
            if (age > options.MaxStaleFrames && _reportedStale.Add(unitId))
            {
                report(ViolationKind.StaleUnit, $"unit {unitId} last exported {age} frames before frame {frame} (allowed {options.MaxStaleFrames})", unitId);
            }
        }
    }
}
