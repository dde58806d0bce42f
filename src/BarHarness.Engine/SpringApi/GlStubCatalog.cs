namespace BarHarness.Engine.SpringApi;

/// <summary>Canned results for the gl and font functions whose callers look at the result.</summary>
public static class GlStubCatalog
{
    private static readonly Dictionary<string, StubResult> GlResults = new(StringComparer.Ordinal)
    {
        ["CreateList"] = StubResult.NewListId,
        ["CreateTexture"] = StubResult.NewTextureName,
        ["CreateFBO"] = StubResult.EmptyTable,
        ["CreateRBO"] = StubResult.EmptyTable,
        ["IsValidFBO"] = StubResult.True,
        ["TextureInfo"] = StubResult.EmptyTable,
        ["Texture"] = StubResult.True,
        ["CreateShader"] = StubResult.One,
        ["GetShaderLog"] = StubResult.EmptyString,
        ["GetUniformLocation"] = StubResult.Zero,
        ["GetTextWidth"] = StubResult.TextWidth,
        ["GetTextHeight"] = StubResult.TextHeight,
        ["GetViewSizes"] = StubResult.ViewSizes,
        ["HasExtension"] = StubResult.False,
        ["AddFallbackFont"] = StubResult.True,
    };

    /// <summary>Methods of the font object gl.LoadFont returns (LuaFont).</summary>
    public static readonly IReadOnlyDictionary<string, StubResult> FontMethods =
        new Dictionary<string, StubResult>(StringComparer.Ordinal)
        {
            ["Begin"] = StubResult.Nothing,
            ["End"] = StubResult.Nothing,
            ["Print"] = StubResult.Nothing,
            ["PrintWorld"] = StubResult.Nothing,
            ["SubmitBuffered"] = StubResult.Nothing,
            ["SetTextColor"] = StubResult.Nothing,
            ["SetOutlineColor"] = StubResult.Nothing,
            ["SetAutoOutlineColor"] = StubResult.Nothing,
            ["BindTexture"] = StubResult.Nothing,
            ["GetTextWidth"] = StubResult.TextWidth,
            ["GetTextHeight"] = StubResult.TextHeight,
            ["WrapText"] = StubResult.WrappedText,
        };

    /// <summary>gl functions stubbed even if the signature list misses them (used by common widgets).</summary>
    public static readonly IReadOnlyList<string> AlwaysStubbed =
    [
        "Color", "Rect", "TexRect", "Text", "BeginEnd", "Vertex", "PushMatrix", "PopMatrix", "Translate", "Scale",
        "Rotate", "Blending", "DepthTest", "LineWidth", "PointSize", "CallList", "DeleteList", "CreateList",
        "Texture", "DeleteTexture", "LoadFont", "DeleteFont", "GetTextWidth", "GetViewSizes", "Shape", "Billboard",
        "DrawGroundCircle", "DrawGroundQuad", "Lighting", "Culling", "Smoothing", "PolygonMode", "Clear", "Scissor",
    ];

    public static StubResult ResultOf(string glFunction) => GlResults.GetValueOrDefault(glFunction, StubResult.Nothing);
}
