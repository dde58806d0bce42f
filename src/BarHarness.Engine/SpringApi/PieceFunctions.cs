namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Model pieces of units and features over the harness's synthetic models (see
/// <see cref="SyntheticModel"/>), with Recoil's conventions: piece indices are 1-based, a unit needs
/// to be typed for the player (ParseTypedUnit), an unknown piece index answers nothing, piece
/// positions are in model space except PiecePosDir's, which are world positions.
/// </summary>
internal static unsafe class PieceFunctions
{
    private readonly record struct Holder(EngineApiContext Ctx, SyntheticModel Model, float X, float Y, float Z,
        short Heading);

    public static int GetUnitRootPiece(IntPtr l) => Root(l, Unit(l, "GetUnitRootPiece"));

    public static int GetUnitPieceList(IntPtr l) => List(l, Unit(l, "GetUnitPieceList"));

    public static int GetUnitPieceMap(IntPtr l) => Map(l, Unit(l, "GetUnitPieceMap"));

    public static int GetUnitPieceInfo(IntPtr l) => Info(l, Unit(l, "GetUnitPieceInfo"), "GetUnitPieceInfo");

    public static int GetUnitPiecePosition(IntPtr l) => Position(l, Unit(l, "GetUnitPiecePosition"),
        "GetUnitPiecePosition");

    public static int GetUnitPieceDirection(IntPtr l) => Direction(l, Unit(l, "GetUnitPieceDirection"),
        "GetUnitPieceDirection");

    public static int GetUnitPiecePosDir(IntPtr l) => PosDir(l, Unit(l, "GetUnitPiecePosDir"), "GetUnitPiecePosDir");

    public static int GetUnitPieceMatrix(IntPtr l) => Matrix(l, Unit(l, "GetUnitPieceMatrix"), "GetUnitPieceMatrix");

    public static int GetFeatureRootPiece(IntPtr l) => Root(l, Feature(l, "GetFeatureRootPiece"));

    public static int GetFeaturePieceList(IntPtr l) => List(l, Feature(l, "GetFeaturePieceList"));

    public static int GetFeaturePieceMap(IntPtr l) => Map(l, Feature(l, "GetFeaturePieceMap"));

    public static int GetFeaturePieceInfo(IntPtr l) => Info(l, Feature(l, "GetFeaturePieceInfo"),
        "GetFeaturePieceInfo");

    public static int GetFeaturePiecePosition(IntPtr l) =>
        Position(l, Feature(l, "GetFeaturePiecePosition"), "GetFeaturePiecePosition");

    public static int GetFeaturePieceDirection(IntPtr l) =>
        Direction(l, Feature(l, "GetFeaturePieceDirection"), "GetFeaturePieceDirection");

    public static int GetFeaturePiecePosDir(IntPtr l) => PosDir(l, Feature(l, "GetFeaturePiecePosDir"),
        "GetFeaturePiecePosDir");

    public static int GetFeaturePieceMatrix(IntPtr l) => Matrix(l, Feature(l, "GetFeaturePieceMatrix"),
        "GetFeaturePieceMatrix");

    /// <summary>GetFeaturePieceCollisionVolumeData(f, piece): the piece's volume (a point volume around its
    /// offset).</summary>
    public static int GetFeaturePieceCollisionVolumeData(IntPtr l)
    {
        var h = Feature(l, "GetFeaturePieceCollisionVolumeData");
        if (!Piece(l, h, "GetFeaturePieceCollisionVolumeData", out var holder, out _))
        {
            return 0;
        }

        return CollisionVolume.Push(l, holder.Ctx, holder.Model.Radius, holder.Model.Height, null);
    }

    public static int GetModelRootPiece(IntPtr l) => Root(l, ModelHolder(l));

    public static int GetModelPieceList(IntPtr l) => List(l, ModelHolder(l));

    public static int GetModelPieceMap(IntPtr l) => Map(l, ModelHolder(l));

    /// <summary>GetUnitScriptPiece(u, [scriptPiece]) → a table of piece indices, or one index (scripts number pieces
    /// from 0).</summary>
    public static int GetUnitScriptPiece(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitScriptPiece", UnitReadLevel.Allied, out var ctx, out var s))
        {
            return 0;
        }

        var model = ctx.Models.Unit(ctx.World.Units.DefId[s]);
        if (LuaApi.lua_type(l, 2) <= LuaApi.LUA_TNIL)
        {
            var indices = Enumerable.Range(1, model.Pieces.Count).ToArray();
            NativeArgs.PushIntList(l, indices);
            return 1;
        }

        if (!NativeArgs.CheckInt(l, 2, "GetUnitScriptPiece", out var scriptPiece)
            || scriptPiece < 0 || scriptPiece >= model.Pieces.Count)
        {
            return 0;
        }

        return NativeArgs.Answer(l, scriptPiece + 1);
    }

    /// <summary>GetUnitScriptNames(u) → {pieceName = scriptIndex} (0-based, as unit scripts count).</summary>
    public static int GetUnitScriptNames(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitScriptNames", UnitReadLevel.Allied, out var ctx, out var s))
        {
            return 0;
        }

        var model = ctx.Models.Unit(ctx.World.Units.DefId[s]);
        LuaApi.lua_createtable(l, 0, model.Pieces.Count);
        for (var i = 0; i < model.Pieces.Count; i++)
        {
            NativeArgs.PushInt(l, i);
            LuaApi.SetField(l, -2, model.Pieces[i].Name);
        }

        return 1;
    }

    /// <summary>GetUnitNanoPieces(u) → 1-based indices of a builder's or factory's nano pieces; nothing for
    /// others.</summary>
    public static int GetUnitNanoPieces(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitNanoPieces", UnitReadLevel.Allied, out var ctx, out var s))
        {
            return 0;
        }

        var nano = ctx.Models.Unit(ctx.World.Units.DefId[s]).NanoPieces;
        if (nano.Count == 0)
        {
            return 0;
        }

        NativeArgs.PushIntList(l, nano.Select(i => i + 1).ToArray());
        return 1;
    }

    private static Holder? Unit(IntPtr l, string function)
    {
        if (!UnitAccess.Read(l, 1, function, UnitReadLevel.Typed, out var ctx, out var s))
        {
            return null;
        }

        var u = ctx.World.Units;
        return new Holder(ctx, ctx.Models.Unit(u.DefId[s]), u.X[s], u.Y[s], u.Z[s], u.Heading[s]);
    }

    private static Holder? Feature(IntPtr l, string function)
    {
        var f = FeatureAccess.Read(l, 1, function, out var ctx);
        return f is null ? null : new Holder(ctx, ctx.Models.Feature(f.Def.Id), f.X, f.Y, f.Z, f.Heading);
    }

    private static Holder? ModelHolder(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var name = LuaApi.lua_type(l, 1) <= LuaApi.LUA_TNIL ? string.Empty : LuaApi.ToStringValue(l, 1) ?? string.Empty;
        var model = name.Length == 0 ? null : SyntheticModel.ByName(ctx.World, name);
        return model is null ? null : new Holder(ctx, model, 0, 0, 0, 0);
    }

    /// <summary>
    /// The holder (a unit, feature or model the caller may read) and its piece argument (1-based, checked as a
    /// number only when there is a holder); false when either is missing.
    /// </summary>
    private static bool Piece(IntPtr l, Holder? h, string function, out Holder holder, out int index)
    {
        holder = h.GetValueOrDefault();
        index = -1;
        if (h is null || !NativeArgs.CheckInt(l, 2, function, out var oneBased))
        {
            return false;
        }

        index = oneBased - 1;
        return index >= 0 && index < holder.Model.Pieces.Count;
    }

    private static int Root(IntPtr l, Holder? h)
    {
        if (h is null)
        {
            return 0;
        }

        return NativeArgs.Answer(l, 1);
    }

    private static int List(IntPtr l, Holder? h)
    {
        if (h is null)
        {
            return 0;
        }

        var pieces = h.Value.Model.Pieces;
        LuaApi.lua_createtable(l, pieces.Count, 0);
        for (var i = 0; i < pieces.Count; i++)
        {
            LuaApi.PushString(l, pieces[i].Name);
            LuaApi.lua_rawseti(l, -2, i + 1);
        }

        return 1;
    }

    private static int Map(IntPtr l, Holder? h)
    {
        if (h is null)
        {
            return 0;
        }

        var pieces = h.Value.Model.Pieces;
        LuaApi.lua_createtable(l, 0, pieces.Count);
        for (var i = 0; i < pieces.Count; i++)
        {
            NativeArgs.PushInt(l, i + 1);
            LuaApi.SetField(l, -2, pieces[i].Name);
        }

        return 1;
    }

    /// <summary>{name, parent, children, isEmpty, min, max, offset}, as Recoil's piece info.</summary>
    private static int Info(IntPtr l, Holder? h, string function)
    {
        if (!Piece(l, h, function, out var holder, out var index))
        {
            return 0;
        }

        var ctx = holder.Ctx;
        var model = holder.Model;
        var piece = model.Pieces[index];
        LuaApi.lua_createtable(l, 0, 7);
        LuaApi.PushString(l, piece.Name);
        LuaApi.SetField(l, -2, "name");
        LuaApi.PushString(l, piece.Parent < 0 ? "[null]" : model.Pieces[piece.Parent].Name);
        LuaApi.SetField(l, -2, "parent");
        var children = model.Pieces.Where(p => p.Parent == index).ToList();
        LuaApi.lua_createtable(l, children.Count, 0);
        for (var i = 0; i < children.Count; i++)
        {
            LuaApi.PushString(l, children[i].Name);
            LuaApi.lua_rawseti(l, -2, i + 1);
        }

        LuaApi.SetField(l, -2, "children");
        NativeArgs.PushBool(l, false);
        LuaApi.SetField(l, -2, "isEmpty");
        var r = model.Radius * 0.5;
        LuaTables.PushNumberList(l, [-r, 0, -r], ctx.Float32);
        LuaApi.SetField(l, -2, "min");
        LuaTables.PushNumberList(l, [r, Math.Max(1, model.Height * 0.5), r], ctx.Float32);
        LuaApi.SetField(l, -2, "max");
        LuaTables.PushNumberList(l, [piece.X, piece.Y, piece.Z], ctx.Float32);
        LuaApi.SetField(l, -2, "offset");
        return 1;
    }

    private static int Position(IntPtr l, Holder? h, string function)
    {
        if (!Piece(l, h, function, out var holder, out var index))
        {
            return 0;
        }

        var (x, y, z) = holder.Model.ModelSpaceOffset(index);
        FeatureFunctions.PushVector(l, holder.Ctx, x, y, z);
        return 3;
    }

    /// <summary>A piece points along the model's front (+z) in model space.</summary>
    private static int Direction(IntPtr l, Holder? h, string function)
    {
        if (!Piece(l, h, function, out var holder, out _))
        {
            return 0;
        }

        FeatureFunctions.PushVector(l, holder.Ctx, 0, 0, 1);
        return 3;
    }

    /// <summary>World position and direction of the piece (the model turned by the object's heading).</summary>
    private static int PosDir(IntPtr l, Holder? h, string function)
    {
        if (!Piece(l, h, function, out var holder, out var index))
        {
            return 0;
        }

        var ctx = holder.Ctx;
        var (ox, oy, oz) = holder.Model.ModelSpaceOffset(index);
        var (fx, fz) = Orientation.Front(holder.Heading);
        // world = pos + front * oz + up * oy + right * ox, with right = (-fz, 0, fx) for a level object.
        FeatureFunctions.PushVector(l, ctx, holder.X + (fx * oz) - (fz * ox), holder.Y + oy, holder.Z + (fz * oz)
            + (fx * ox));
        FeatureFunctions.PushVector(l, ctx, fx, 0, fz);
        return 6;
    }

    /// <summary>The piece's model-space matrix, column-major: identity turned nowhere, translated by its
    /// offset.</summary>
    private static int Matrix(IntPtr l, Holder? h, string function)
    {
        if (!Piece(l, h, function, out var holder, out var index))
        {
            return 0;
        }

        var float32 = holder.Ctx.Float32;
        for (var column = 0; column < 3; column++)
        {
            for (var row = 0; row < 4; row++)
            {
                NativeArgs.PushFloat(l, row == column ? 1 : 0, float32);
            }
        }

        var (x, y, z) = holder.Model.ModelSpaceOffset(index);
        NativeArgs.PushFloat(l, x, float32);
        NativeArgs.PushFloat(l, y, float32);
        NativeArgs.PushFloat(l, z, float32);
        NativeArgs.PushFloat(l, 1, float32);
        return 16;
    }
}
