namespace BarHarness.World.Features;

/// <summary>Which features a LuaUI may read, as BAR's modrules <c>featureLOS.featureVisibility</c> sets it.</summary>
public enum FeatureVisibility
{
    /// <summary>0: only features in the reader's LOS.</summary>
    InLosOnly = 0,

    /// <summary>1: Gaia's features always, others in LOS.</summary>
    GaiaAlways = 1,

    /// <summary>2: Gaia's and the reader's ally team's features always, others in LOS.</summary>
    GaiaAndAlliedAlways = 2,

    /// <summary>3: every feature always (BAR's setting).</summary>
    All = 3,
}

/// <summary>
/// The features on the map: map features placed from the seed at start (trees, rocks, vents, owned
/// by Gaia) and wrecks added later. Ids are drawn from a shuffled pool, as Recoil hands them out.
/// </summary>
public sealed class MapFeatures
{
    private readonly Dictionary<int, MapFeature> _byId = new();
    private readonly List<MapFeature> _inOrder = new();
    private readonly Queue<int> _freeIds;

    public MapFeatures(FeatureDefCatalog defs, Roster roster, Terrain terrain, GameSetup setup, SeededRandom random)
    {
        Defs = defs;
        var pool = Enumerable.Range(1, Math.Max(64, setup.MapFeatureCount * 4)).ToArray();
        for (var i = pool.Length - 1; i > 0; i--)
        {
            var j = random.Next(0, i + 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        _freeIds = new Queue<int>(pool);
        for (var n = 0; n < setup.MapFeatureCount; n++)
        {
            var def = defs[random.Next(1, defs.MapFeatureCount + 1)];
            var x = (float)random.NextDouble(0.02, 0.98) * setup.MapSizeX;
            var z = (float)random.NextDouble(0.02, 0.98) * setup.MapSizeZ;
            Add(def, roster.GaiaTeamId, roster.GaiaAllyTeamId, x, terrain.HeightAt(x, z), z,
                (short)random.Next(-32768, 32768));
        }
    }

    public FeatureDefCatalog Defs { get; }

    /// <summary>Features in creation order.</summary>
    public IReadOnlyList<MapFeature> All => _inOrder;

    public int Count => _inOrder.Count;

    public MapFeature? Get(int featureId) => _byId.GetValueOrDefault(featureId);

    public MapFeature Add(FeatureDef def, int teamId, int allyTeamId, float x, float y, float z, short heading,
        int buildFacing = 0)
    {
        var id = _freeIds.Count > 0 ? _freeIds.Dequeue() : _byId.Keys.DefaultIfEmpty(0).Max() + 1;
        var feature = new MapFeature(id, def, teamId, allyTeamId)
        {
            X = x,
            Y = y,
            Z = z,
            Heading = heading,
            BuildFacing = buildFacing,
            Health = def.Health,
            Metal = def.Metal,
            Energy = def.Energy,
        };
        _byId.Add(id, feature);
        _inOrder.Add(feature);
        return feature;
    }

    public bool Remove(int featureId)
    {
        if (!_byId.Remove(featureId, out var feature))
        {
            return false;
        }

        _inOrder.Remove(feature);
        return true;
    }
}
