namespace BarHarness.Engine.SpringApi;

/// <summary>
/// The local client's interface as LuaUnsyncedRead/Ctrl report it: build facing and spacing, box
/// selection, LOS colours, minimap, message positions, log sections, displays and the draw clock.
/// The harness runs one window on one display with no shadows, no dual screen and no text being
/// typed; setters change what the getters answer.
/// </summary>
internal static unsafe class UiStateFunctions
{
    public static int GetBuildFacing(IntPtr l) => NativeArgs.ReturnInt(l, static ctx => ctx.Ui.BuildFacing);

    /// <summary>SetBuildFacing(facing): 0..3 (values wrap as the GUI's facing does).</summary>
    public static int SetBuildFacing(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (NativeArgs.CheckInt(l, 1, "SetBuildFacing", out var facing))
        {
            ctx.Ui.BuildFacing = ((facing % 4) + 4) % 4;
        }

        return 0;
    }

    public static int GetBuildSpacing(IntPtr l) => NativeArgs.ReturnInt(l, static ctx => ctx.Ui.BuildSpacing);

    public static int SetBuildSpacing(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (NativeArgs.CheckInt(l, 1, "SetBuildSpacing", out var spacing))
        {
            ctx.Ui.BuildSpacing = Math.Max(0, spacing);
        }

        return 0;
    }

    /// <summary>GetInvertQueueKey() → false (the queue key is not inverted by default).</summary>
    public static int GetInvertQueueKey(IntPtr l) => Bool(l, false);

    public static int GetBoxSelectionByEngine(IntPtr l) =>
        NativeArgs.ReturnBool(l, static ctx => ctx.Ui.BoxSelectionByEngine);

    public static int SetBoxSelectionByEngine(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        ctx.Ui.BoxSelectionByEngine = LuaApi.lua_toboolean(l, 1) != 0;
        return 0;
    }

    /// <summary>
    /// GetSelectionBox() → nil: no box is being dragged (scripted clicks press and release at once).
    /// </summary>
    public static int GetSelectionBox(IntPtr l)
    {
        NativeArgs.Enter(l);
        LuaApi.lua_pushnil(l);
        return 1;
    }

    /// <summary>GetSelectedGroup() → the control group whose units are exactly the selection, else -1.</summary>
    public static int GetSelectedGroup(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var selection = ctx.World.Selection;
        var selected = selection.Selected;
        var group = selected.Count == 0 ? -1 : selection.GroupOf(selected[0]);
        if (group >= 0 && (selection.GroupUnits(group).Count != selected.Count
            || selected.Any(u => selection.GroupOf(u) != group)))
        {
            group = -1;
        }

        return NativeArgs.Answer(l, group);
    }

    /// <summary>GetMouseButtonsPressed(b1, ...) → one boolean per button index (1 left, 2 middle, 3 right).</summary>
    public static int GetMouseButtonsPressed(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var n = LuaApi.lua_gettop(l);
        if (n == 0)
        {
            return LuaRuntime.RaiseError(l, "Need to pass some button indexes.", "GetMouseButtonsPressed");
        }

        var buttons = new bool[n];
        for (var i = 1; i <= n; i++)
        {
            if (!NativeArgs.CheckInt(l, i, "GetMouseButtonsPressed", out var b))
            {
                return 0;
            }

            if (b <= 0)
            {
                return LuaRuntime.RaiseError(l, b + ": bad button index", "GetMouseButtonsPressed");
            }

            buttons[i - 1] = b switch
            {
                1 => ctx.Mouse.Left,
                2 => ctx.Mouse.Middle,
                3 => ctx.Mouse.Right,
                _ => false,
            };
        }

        foreach (var pressed in buttons)
        {
            NativeArgs.PushBool(l, pressed);
        }

        return n;
    }

    /// <summary>GetGameState([maxLatency]) → doneLoading, isSavedGame, isClientPaused, isSimLagging.</summary>
    public static int GetGameState(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        NativeArgs.PushBool(l, true);
        NativeArgs.PushBool(l, false);
        NativeArgs.PushBool(l, ctx.World.Clock.Paused);
        NativeArgs.PushBool(l, false);
        return 4;
    }

    /// <summary>GetDrawSeconds() → seconds on the draw clock (the run's virtual clock).</summary>
    public static int GetDrawSeconds(IntPtr l) =>
        NativeArgs.ReturnFloat(l, static ctx => (ctx.Clock?.NowMicros ?? 0) / 1e6);

    /// <summary>GetFrameTimeOffset() → how far the draw frame is between two sim frames (0..1).</summary>
    public static int GetFrameTimeOffset(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var micros = ctx.Clock?.NowMicros ?? 0;
        var simFrameMicros = 1e6 / 30;
        return NativeArgs.Answer(l, (micros % simFrameMicros) / simFrameMicros, ctx.Float32);
    }

    /// <summary>GetTimerMicros() → a timer as GetTimer's (DiffTimers reads both).</summary>
    public static int GetTimerMicros(IntPtr l) => TimerFunctions.GetTimer(l);

    /// <summary>GetFrameTimer([lastSimFrame]) → a timer at the start of the current draw frame.</summary>
    public static int GetFrameTimer(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        LuaApi.lua_pushlightuserdata(l, (IntPtr)((ctx.Clock?.NowMicros ?? 0) * 1000));
        return 1;
    }

    public static int GetMapDrawMode(IntPtr l) => Text(l, "normal");

    /// <summary>GetWaterMode() → renderer id and name (4, "bumpmapped": BAR's default).</summary>
    public static int GetWaterMode(IntPtr l)
    {
        NativeArgs.Enter(l);
        NativeArgs.PushInt(l, 4);
        LuaApi.PushString(l, "bumpmapped");
        return 2;
    }

    public static int HaveShadows(IntPtr l) => Bool(l, false);

    public static int HaveAdvShading(IntPtr l)
    {
        NativeArgs.Enter(l);
        NativeArgs.PushBool(l, true);
        NativeArgs.PushBool(l, true);
        return 2;
    }

    public static int GetDrawSelectionInfo(IntPtr l) => Bool(l, true);

    public static int IsUserWriting(IntPtr l) => Bool(l, false);

    /// <summary>GetLosViewColors() → five {r, g, b} tables: always, LOS, radar, jam, radar2.</summary>
    public static int GetLosViewColors(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        foreach (var color in ctx.Ui.LosViewColors)
        {
            LuaTables.PushNumberList(l, color, ctx.Float32);
        }

        return 5;
    }

    /// <summary>SetLosViewColors(always, los, radar, jam, radar2): each a table of three numbers.</summary>
    public static int SetLosViewColors(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var colors = new double[5][];
        for (var i = 0; i < 5; i++)
        {
            if (LuaApi.lua_type(l, i + 1) != LuaApi.LUA_TTABLE)
            {
                return LuaRuntime.RaiseError(l, $"bad argument #{i + 1} to 'SetLosViewColors' (table expected, got "
                    + LuaApi.TypeName(LuaApi.lua_type(l, i + 1)) + ")", "SetLosViewColors");
            }

            var c = LuaTables.NumberArray(l, i + 1);
            colors[i] = [c.ElementAtOrDefault(0), c.ElementAtOrDefault(1), c.ElementAtOrDefault(2)];
        }

        ctx.Ui.LosViewColors = colors;
        return 0;
    }

    /// <summary>GetCameraNames() → {name = mode index} of Recoil's camera controllers.</summary>
    public static int GetCameraNames(IntPtr l)
    {
        NativeArgs.Enter(l);
        string[] names = ["fps", "ta", "spring", "rot", "free", "ov", "dummy"];
        LuaApi.lua_createtable(l, 0, names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            NativeArgs.PushInt(l, i);
            LuaApi.SetField(l, -2, names[i]);
        }

        return 1;
    }

    /// <summary>GetCameraRotation() → rx, ry, rz of the top-down camera (pitched straight down).</summary>
    public static int GetCameraRotation(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        NativeArgs.PushFloat(l, Math.PI / 2, ctx.Float32);
        NativeArgs.PushFloat(l, 0, ctx.Float32);
        NativeArgs.PushFloat(l, 0, ctx.Float32);
        return 3;
    }

    /// <summary>GetDualViewGeometry() → 0, 0, 0, 0 (no dual screen).</summary>
    public static int GetDualViewGeometry(IntPtr l)
    {
        NativeArgs.Enter(l);
        for (var i = 0; i < 4; i++)
        {
            NativeArgs.PushInt(l, 0);
        }

        return 4;
    }

    public static int GetMiniMapDualScreen(IntPtr l) => Bool(l, false);

    public static int GetMiniMapRotation(IntPtr l) => NativeArgs.ReturnFloat(l, static ctx => ctx.Ui.MiniMapRotation);

    public static int SetMiniMapRotation(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (NativeArgs.CheckNumber(l, 1, "SetMiniMapRotation", out var rotation))
        {
            ctx.Ui.MiniMapRotation = (float)rotation;
        }

        return 0;
    }

    /// <summary>GetWindowDisplayMode() → width, height, bits, refresh, pixel format of the display.</summary>
    public static int GetWindowDisplayMode(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        ViewFunctions.PushViewSize(l, ctx);
        NativeArgs.PushInt(l, 24);
        NativeArgs.PushInt(l, 60);
        LuaApi.PushString(l, "SDL_PIXELFORMAT_RGB888");
        return 5;
    }

    public static int GetNumDisplays(IntPtr l) => NativeArgs.ReturnInt(l, static _ => 1);

    /// <summary>GetVidMemUsage() → used and total video memory in MB (a 4 GB card, a quarter in use).</summary>
    public static int GetVidMemUsage(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        NativeArgs.PushFloat(l, 1024, ctx.Float32);
        NativeArgs.PushFloat(l, 4096, ctx.Float32);
        return 2;
    }

    public static int GetVideoCapturingMode(IntPtr l) => NativeArgs.ReturnBool(l, static ctx => ctx.Ui.VideoCapturing);

    public static int SetVideoCapturingMode(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        ctx.Ui.VideoCapturing = LuaApi.lua_toboolean(l, 1) != 0;
        return 0;
    }

    /// <summary>GetLastMessagePositions() → {{x, y, z}, ...} set with SetLastMessagePosition.</summary>
    public static int GetLastMessagePositions(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var positions = ctx.Ui.MessagePositions;
        LuaApi.lua_createtable(l, positions.Count, 0);
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[positions.Count - 1 - i];
            LuaTables.PushNumberList(l, [p.X, p.Y, p.Z], ctx.Float32);
            LuaApi.lua_rawseti(l, -2, i + 1);
        }

        return 1;
    }

    /// <summary>SetLastMessagePosition(x, y, z): remembered, newest first, ten at most.</summary>
    public static int SetLastMessagePosition(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumbers(l, 1, "SetLastMessagePosition", out var x, out var y, out var z))
        {
            return 0;
        }

        var positions = ctx.Ui.MessagePositions;
        positions.Add(((float)x, (float)y, (float)z));
        if (positions.Count > 10)
        {
            positions.RemoveAt(0);
        }

        return 0;
    }

    /// <summary>GetConsoleBuffer([maxLines]) → {{text, priority}, ...}: the widget's console lines, newest
    /// last.</summary>
    public static int GetConsoleBuffer(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var lines = ctx.Runtime.Console.Lines;
        var start = 0;
        if (LuaApi.lua_gettop(l) >= 1)
        {
            if (!NativeArgs.CheckInt(l, 1, "GetConsoleBuffer", out var max))
            {
                return 0;
            }

            start = lines.Count - Math.Min(lines.Count, Math.Max(0, max));
        }

        LuaApi.lua_createtable(l, lines.Count - start, 0);
        for (var i = start; i < lines.Count; i++)
        {
            LuaApi.lua_createtable(l, 0, 2);
            LuaApi.PushString(l, lines[i].Text);
            LuaApi.SetField(l, -2, "text");
            NativeArgs.PushInt(l, ConsolePriority(lines[i].Source));
            LuaApi.SetField(l, -2, "priority");
            LuaApi.lua_rawseti(l, -2, i - start + 1);
        }

        return 1;
    }

    /// <summary>GetCurrentTooltip() → "" (the harness's mouse hovers over nothing with a tooltip).</summary>
    public static int GetCurrentTooltip(IntPtr l) => Text(l, string.Empty);

    /// <summary>GetLogSections() → {section = level} for sections a widget set a level on.</summary>
    public static int GetLogSections(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        LuaApi.lua_createtable(l, 0, ctx.Ui.LogSections.Count);
        foreach (var (section, level) in ctx.Ui.LogSections)
        {
            NativeArgs.PushInt(l, level);
            LuaApi.SetField(l, -2, section);
        }

        return 1;
    }

    /// <summary>SetLogSectionFilterLevel(section, level): a LOG level number or its name.</summary>
    public static int SetLogSectionFilterLevel(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, "SetLogSectionFilterLevel", out var section))
        {
            return 0;
        }

        int level;
        if (LuaApi.lua_type(l, 2) == LuaApi.LUA_TNUMBER)
        {
            level = (int)LuaApi.ToNumber(l, 2, out _);
        }
        else
        {
            level = (LuaApi.ToStringValue(l, 2) ?? string.Empty).ToUpperInvariant() switch
            {
                "DEBUG" => 20,
                "INFO" => 30,
                "NOTICE" => 35,
                "DEPRECATED" => 37,
                "WARNING" => 40,
                "ERROR" => 50,
                "FATAL" => 60,
                _ => -1,
            };
            if (level < 0)
            {
                return LuaRuntime.RaiseError(l,
                    "Incorrect arguments to Spring.SetLogSectionFilterLevel(logsection, loglevel)",
                    "SetLogSectionFilterLevel");
            }
        }

        ctx.Ui.LogSections[section] = level;
        return 0;
    }

    /// <summary>GetActivePage() → 0, 0 (the built-in command menu shows one page).</summary>
    public static int GetActivePage(IntPtr l)
    {
        NativeArgs.Enter(l);
        NativeArgs.PushInt(l, 0);
        NativeArgs.PushInt(l, 0);
        return 2;
    }

    /// <summary>GetGatherMode() → 0 (no gather wait).</summary>
    public static int GetGatherMode(IntPtr l) => NativeArgs.ReturnInt(l, static _ => 0);

    /// <summary>GetReplayLength() → nothing outside a replay; a replay's length is the run's duration, unknown
    /// ahead.</summary>
    public static int GetReplayLength(IntPtr l)
    {
        NativeArgs.Enter(l);
        return 0;
    }

    private static int ConsolePriority(string source) => source switch
    {
        var s when s.StartsWith("log:", StringComparison.Ordinal) && int.TryParse(s.AsSpan(4), out var level) => level,
        _ => 30,
    };

    private static int Bool(IntPtr l, bool value)
    {
        NativeArgs.Enter(l);
        return NativeArgs.Answer(l, value);
    }

    private static int Text(IntPtr l, string value)
    {
        NativeArgs.Enter(l);
        return NativeArgs.Answer(l, value);
    }
}
