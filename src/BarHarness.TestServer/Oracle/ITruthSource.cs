namespace BarHarness.TestServer.Oracle;

/// <summary>
/// The engine's ground truth, implemented by the simulation. Messages arrive after the frame they
/// describe (network delay, faults), so the simulation must answer for past frames: keep a history
/// at least as long as the longest delay, and say so through <see cref="Knows"/>.
/// </summary>
public interface ITruthSource
{
    /// <summary>False when <paramref name="frame"/> is outside the kept history: checks on it are skipped and
    /// counted.</summary>
    bool Knows(int frame);

    /// <summary>Spectating with full view: every unit may be exported, privacy does not apply.</summary>
    bool IsFullView(int frame);

    /// <summary>The unit as the engine had it at the end of <paramref name="frame"/>, or null when it did not exist
    /// then.</summary>
    UnitTruth? Unit(int unitId, int frame);

    /// <summary>Units the local player could see (LOS or radar, as <c>Spring.GetAllUnits</c> returns them) at
    /// <paramref name="frame"/>.</summary>
    IEnumerable<int> UnitsVisibleToLocalPlayer(int frame);

    /// <summary>The newest frame recorded (the game's present), or null when the truth does not say (SCHEMA §3.3
    /// unchecked).</summary>
    int? LatestFrame => null;

    /// <summary>Whether <paramref name="teamId"/> is an enemy of the local player at that frame, or null when unknown
    /// (SCHEMA §8.1 team resources unchecked).</summary>
    bool? IsEnemyTeam(int teamId, int frame) => null;
}

/// <summary>How the local player sees a unit at a frame.</summary>
public enum UnitVisibility
{
    /// <summary>Own or allied unit, or an enemy in line of sight: everything may be exported.</summary>
    Full,

    /// <summary>Enemy seen only as a radar blip: id and (offset) position only, no health.</summary>
    RadarOnly,

    /// <summary>Enemy neither in LOS nor on radar: must not be exported at all.</summary>
    Hidden,
}

/// <summary>One unit's true state at a frame.</summary>
public sealed record UnitTruth(
    int UnitId,
    int Team,
    bool IsEnemy,
    UnitVisibility Visibility,
    double X,
    double Y,
    double Z,
    double Health)
{
    /// <summary>Unit definition id, when the truth records it (SCHEMA §6.1 <c>def</c>).</summary>
    public int? DefId { get; init; }

    /// <summary>Maximum health, when recorded (<c>max_hp</c>).</summary>
    public double? MaxHealth { get; init; }

    /// <summary>Build progress 0..1, when recorded (<c>bp</c>).</summary>
    public double? BuildProgress { get; init; }
}
