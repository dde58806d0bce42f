using BarHarness.Engine.World;
using OracleTruth = BarHarness.TestServer.Oracle.IWorldTruth;
using UnitTruth = BarHarness.TestServer.Oracle.UnitTruth;
using UnitVisibility = BarHarness.TestServer.Oracle.UnitVisibility;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// The oracle's ground truth: what the engine held at each of the last <see cref="Depth"/> sim frames
/// (messages reach the server a little after the frame they describe, so the present is not enough).
/// </summary>
internal sealed class WorldTruthRecorder : OracleTruth
{
    public const int Depth = 240;

    private readonly SyntheticWorld _world;
    private readonly FrameRecord[] _ring = new FrameRecord[Depth];

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
        var rec = _ring[frame % Depth];
        rec.Frame = frame;
        rec.FullView = _world.LocalHasFullView;
        rec.Units.Clear();
        rec.Visible.Clear();
        var localAlly = _world.LocalAllyTeamId;
        foreach (var id in _world.AllUnitIds())
        {
            var visibility = _world.IsInLosOfLocalPlayer(id) ? UnitVisibility.Full
                : _world.IsVisibleToLocalPlayer(id) ? UnitVisibility.RadarOnly
                : UnitVisibility.Hidden;
            if (rec.FullView)
            {
                visibility = UnitVisibility.Full;
            }

            _world.TryGetTruePosition(id, out var x, out var y, out var z);
            _world.TryGetTrueHealth(id, out var health, out _, out _);
            var team = _world.TrueTeamOf(id);
            rec.Units[id] = new UnitTruth(id, team, _world.Roster.AllyTeamOf(team) != localAlly, visibility, x, y, z, health);
            if (visibility != UnitVisibility.Hidden)
            {
                rec.Visible.Add(id);
            }
        }
    }

    public bool Knows(int frame) => frame >= 0 && _ring[frame % Depth].Frame == frame;

    public bool IsFullView(int frame) => Knows(frame) ? _ring[frame % Depth].FullView : _world.LocalHasFullView;

    public UnitTruth? Unit(int unitId, int frame) =>
        Knows(frame) && _ring[frame % Depth].Units.TryGetValue(unitId, out var truth) ? truth : null;

    public IEnumerable<int> UnitsVisibleToLocalPlayer(int frame) =>
        Knows(frame) ? _ring[frame % Depth].Visible : Array.Empty<int>();

    private sealed class FrameRecord
    {
        public int Frame = -1;
        public bool FullView;
        public readonly Dictionary<int, UnitTruth> Units = new();
        public readonly List<int> Visible = new();
    }
}
