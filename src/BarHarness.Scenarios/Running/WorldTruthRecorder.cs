using OracleTruth = BarHarness.TestServer.Oracle.ITruthSource;
using UnitTruth = BarHarness.TestServer.Oracle.UnitTruth;
using UnitVisibility = BarHarness.TestServer.Oracle.UnitVisibility;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// The oracle's ground truth: what the engine held at each of the last <see cref="Depth"/> sim frames
/// (messages reach the server a little after the frame they describe, so the present is not enough).
/// The depth is exactly what a message may refer to (SCHEMA §3.3 and §7.1): a frame stamp at most
/// 450 frames old on arrival, with values sampled up to 30 frames before it. Older stamps are
/// violations, not gaps in the truth, so memory stays bounded.
/// </summary>
internal sealed class WorldTruthRecorder : OracleTruth
{
    public const int Depth = 450 + 30 + 1;

    private readonly SyntheticWorld _world;
    private readonly FrameRecord[] _ring = new FrameRecord[Depth];
    private int? _latest;

    public WorldTruthRecorder(SyntheticWorld world)
    {
        _world = world;
        for (var i = 0; i < Depth; i++)
        {
            _ring[i] = new FrameRecord();
        }
    }

    /// <summary>Records the present frame. Called once per sim frame, after the world stepped.</summary>
    public void Record()
    {
        var frame = _world.Frame;
        _latest = frame;
        var rec = _ring[frame % Depth];
        rec.Frame = frame;
        rec.FullView = _world.LocalHasFullView;
        rec.LocalAllyTeam = _world.LocalAllyTeamId;
        rec.Row.Clear();
        rec.Visible.Clear();
        var columns = rec.Columns;
        var count = _world.CopyTruth(columns);
        rec.EnsureCapacity(count);
        for (var i = 0; i < count; i++)
        {
            var id = columns.Ids[i];
            rec.Row[id] = i;
            rec.Defs[i] = _world.TrueDefOf(id);
            _world.TryGetTrueHealth(id, out _, out rec.MaxHealth[i], out rec.BuildProgress[i]);
            if (rec.FullView || columns.VisibleToLocal[i])
            {
                rec.Visible.Add(id);
            }
        }
    }

    public bool Knows(int frame) => frame >= 0 && _ring[frame % Depth].Frame == frame;

    public int? LatestFrame => _latest;

    public bool? IsEnemyTeam(int teamId, int frame)
    {
        var roster = _world.Roster;
        if (!roster.IsValidTeam(teamId))
        {
            return null;
        }

        var localAlly = Knows(frame) ? _ring[frame % Depth].LocalAllyTeam : _world.LocalAllyTeamId;
        return roster.AllyTeamOf(teamId) != localAlly;
    }

    public bool IsFullView(int frame) => Knows(frame) ? _ring[frame % Depth].FullView : _world.LocalHasFullView;

    // Built on demand: the oracle asks about a few frames of some units, not every unit of every frame.
    public UnitTruth? Unit(int unitId, int frame)
    {
        if (!Knows(frame))
        {
            return null;
        }

        var rec = _ring[frame % Depth];
        if (!rec.Row.TryGetValue(unitId, out var i))
        {
            return null;
        }

        var c = rec.Columns;
        var visibility = rec.FullView || c.InLocalLos[i] ? UnitVisibility.Full
            : c.VisibleToLocal[i] ? UnitVisibility.RadarOnly
            : UnitVisibility.Hidden;
        return new UnitTruth(
            unitId, c.Teams[i], c.AllyTeams[i] != rec.LocalAllyTeam, visibility, c.X[i], c.Y[i], c.Z[i], c.Health[i])
        {
            DefId = rec.Defs[i],
            MaxHealth = rec.MaxHealth[i],
            BuildProgress = rec.BuildProgress[i],
        };
    }

    public IEnumerable<int> UnitsVisibleToLocalPlayer(int frame) =>
        Knows(frame) ? _ring[frame % Depth].Visible : Array.Empty<int>();

    private sealed class FrameRecord
    {
        public int Frame = -1;
        public bool FullView;
        public int LocalAllyTeam;
        public readonly UnitTruthColumns Columns = new();
        public readonly Dictionary<int, int> Row = new();
        public readonly List<int> Visible = new();
        public int[] Defs = [];
        public float[] MaxHealth = [];
        public float[] BuildProgress = [];

        public void EnsureCapacity(int count)
        {
            if (Defs.Length < count)
            {
                var size = Math.Max(count, Defs.Length * 2);
                Array.Resize(ref Defs, size);
                Array.Resize(ref MaxHealth, size);
                Array.Resize(ref BuildProgress, size);
            }
        }
    }
}
