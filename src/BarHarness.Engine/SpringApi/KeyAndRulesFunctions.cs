namespace BarHarness.Engine.SpringApi;

/// <summary>
/// SDL key codes and names (letters and digits are their ASCII codes; named keys use SDL2's codes),
/// rules-param tables of a game without rules params (no gadget sets any here: every table is empty,
/// for a team, player or unit that exists), and the (empty) visible feature list.
/// </summary>
internal static unsafe class KeyAndRulesFunctions
{
    private static readonly Dictionary<string, int> NamedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["backspace"] = 8,
        ["tab"] = 9,
        ["return"] = 13,
        ["enter"] = 13,
        ["esc"] = 27,
        ["escape"] = 27,
        ["space"] = 32,
        ["delete"] = 127,
        ["right"] = 0x4000004F,
        ["left"] = 0x40000050,
        ["down"] = 0x40000051,
        ["up"] = 0x40000052,
        ["lctrl"] = 0x400000E0,
        ["lshift"] = 0x400000E1,
        ["lalt"] = 0x400000E2,
        ["rctrl"] = 0x400000E4,
        ["rshift"] = 0x400000E5,
        ["ralt"] = 0x400000E6,
        ["f1"] = 0x4000003A,
        ["f2"] = 0x4000003B,
        ["f3"] = 0x4000003C,
        ["f4"] = 0x4000003D,
        ["f5"] = 0x4000003E,
        ["f6"] = 0x4000003F,
        ["f7"] = 0x40000040,
        ["f8"] = 0x40000041,
        ["f9"] = 0x40000042,
        ["f10"] = 0x40000043,
        ["f11"] = 0x40000044,
        ["f12"] = 0x40000045,
    };

    /// <summary>GetKeyCode(symbol) → the SDL key code; nothing for an unknown symbol.</summary>
    public static int GetKeyCode(IntPtr l)
    {
        NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, "GetKeyCode", out var symbol))
        {
            return 0;
        }

        int code;
        if (NamedKeys.TryGetValue(symbol, out var named))
        {
            code = named;
        }
        else if (symbol.Length == 1 && symbol[0] is > ' ' and < (char)127)
        {
            code = char.ToLowerInvariant(symbol[0]);
        }
        else
        {
            return 0;
        }

        return NativeArgs.Answer(l, code);
    }

    /// <summary>GetKeySymbol(code) → the key's name and its default name.</summary>
    public static int GetKeySymbol(IntPtr l)
    {
        NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetKeySymbol", out var code))
        {
            return 0;
        }

        var hex = "0x" + code.ToString("x3", System.Globalization.CultureInfo.InvariantCulture);
        var name = NamedKeys.FirstOrDefault(p => p.Value == code).Key
            ?? (code is > 32 and < 127 ? ((char)code).ToString() : hex);
        LuaApi.PushString(l, name);
        LuaApi.PushString(l, name);
        return 2;
    }

    public static int GetGameRulesParams(IntPtr l) => NativeArgs.ReturnEmptyTable(l);

    public static int GetTeamRulesParams(IntPtr l) =>
        NativeArgs.ValidTeam(l, 1, "GetTeamRulesParams", out _, out _)
            ? NativeArgs.AnswerEmptyTable(l) : 0;

    public static int GetPlayerRulesParams(IntPtr l) =>
        NativeArgs.ValidPlayer(l, 1, "GetPlayerRulesParams", NativeArgs.Enter(l), out _)
            ? NativeArgs.AnswerEmptyTable(l) : 0;

    public static int GetUnitRulesParams(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitRulesParams", UnitReadLevel.Visible, out _, out _)
            ? NativeArgs.AnswerEmptyTable(l)
            : 0;
}
