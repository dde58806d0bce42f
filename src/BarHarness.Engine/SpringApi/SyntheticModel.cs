namespace BarHarness.Engine.SpringApi;

/// <summary>One piece of a synthetic model: name, parent index (-1 for the root), offset from the parent.</summary>
internal sealed record ModelPiece(string Name, int Parent, float X, float Y, float Z);

/// <summary>
/// The model the harness gives a unit or feature type, since it loads no model files: a root piece
/// "base", a "body", and for armed units a "turret" with its "flare", for builders "nano" pieces (the
/// piece names BAR's unit scripts commonly use). Offsets scale with the type's height and radius.
/// </summary>
internal sealed class SyntheticModel
{
    private SyntheticModel(string name, IReadOnlyList<ModelPiece> pieces, float height, float radius)
    {
        Name = name;
        Pieces = pieces;
        Height = height;
        Radius = radius;
        NanoPieces = pieces.Select((p, i) => (p, i)).Where(x => x.p.Name.StartsWith("nano", StringComparison.Ordinal))
            .Select(x => x.i).ToArray();
    }

    public string Name { get; }

    public IReadOnlyList<ModelPiece> Pieces { get; }

    /// <summary>Zero-based indices of the nano pieces (builders and factories).</summary>
    public IReadOnlyList<int> NanoPieces { get; }

    public float Height { get; }

    public float Radius { get; }

    public static string UnitModelName(UnitDef def) => "objects3d/" + def.Name + ".s3o";

    public static SyntheticModel ForUnit(UnitDef def)
    {
        var h = def.Height;
        var r = def.Radius;
        var pieces = new List<ModelPiece> { new("base", -1, 0, 0, 0), new("body", 0, 0, h * 0.4f, 0) };
        if (def.WeaponCount > 0)
        {
            pieces.Add(new ModelPiece("turret", 1, 0, h * 0.3f, 0));
            pieces.Add(new ModelPiece("flare", pieces.Count - 1, 0, 0, r * 0.6f));
        }

        if (def.IsBuilder)
        {
            pieces.Add(new ModelPiece("nano1", 1, -r * 0.3f, h * 0.4f, r * 0.3f));
            if (def.IsFactory)
            {
                pieces.Add(new ModelPiece("nano2", 1, r * 0.3f, h * 0.4f, r * 0.3f));
            }
        }

        return new SyntheticModel(UnitModelName(def), pieces, h, r);
    }

    public static SyntheticModel ForFeature(FeatureDef def) =>
        new(def.ModelName, [new ModelPiece("base", -1, 0, 0, 0)], def.Height, def.Radius);

    /// <summary>The piece's offset from the model's origin (its parents' offsets added up).</summary>
    public (float X, float Y, float Z) ModelSpaceOffset(int piece)
    {
        float x = 0, y = 0, z = 0;
        for (var p = piece; p >= 0; p = Pieces[p].Parent)
        {
            x += Pieces[p].X;
            y += Pieces[p].Y;
            z += Pieces[p].Z;
        }

        return (x, y, z);
    }

    /// <summary>The model of a unit or feature type by model file name, as GetModelPieceList takes it.</summary>
    public static SyntheticModel? ByName(SyntheticWorld world, string modelName)
    {
        foreach (var def in world.UnitDefs.All)
        {
            if (string.Equals(UnitModelName(def), modelName, StringComparison.OrdinalIgnoreCase))
            {
                return ForUnit(def);
            }
        }

        foreach (var def in world.Features.Defs.All)
        {
            if (def.ModelName.Length > 0 && string.Equals(def.ModelName, modelName, StringComparison.OrdinalIgnoreCase))
            {
                return ForFeature(def);
            }
        }

        return null;
    }
}

/// <summary>Models built once per unit or feature type, per engine context.</summary>
internal sealed class ModelCatalog(SyntheticWorld world)
{
    private readonly Dictionary<int, SyntheticModel> _units = new();
    private readonly Dictionary<int, SyntheticModel> _features = new();

    public SyntheticModel Unit(int unitDefId)
    {
        if (!_units.TryGetValue(unitDefId, out var model))
        {
            model = SyntheticModel.ForUnit(world.UnitDefs[unitDefId]);
            _units[unitDefId] = model;
        }

        return model;
    }

    public SyntheticModel Feature(int featureDefId)
    {
        if (!_features.TryGetValue(featureDefId, out var model))
        {
            model = SyntheticModel.ForFeature(world.Features.Defs[featureDefId]);
            _features[featureDefId] = model;
        }

        return model;
    }
}
