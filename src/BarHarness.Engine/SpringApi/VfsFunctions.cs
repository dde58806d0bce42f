namespace BarHarness.Engine.SpringApi;

/// <summary>VFS reads over the mounted folders (VFS.Include is Lua glue over LoadFile).</summary>
internal static unsafe class VfsFunctions
{
    public static int LoadFile(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, "LoadFile", out var path))
        {
            return 0;
        }

        var text = ctx.Vfs.ReadText(path);
        if (text is null)
        {
            return 0;
        }

        return NativeArgs.Answer(l, text);
    }

    public static int FileExists(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, "FileExists", out var path))
        {
            return 0;
        }

        return NativeArgs.Answer(l, ctx.Vfs.FileExists(path));
    }

    public static int DirList(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, "DirList", out var dir))
        {
            return 0;
        }

        var pattern = LuaApi.ToStringValue(l, 2) ?? "*";
        var files = ctx.Vfs.DirList(dir, pattern);
        LuaApi.lua_createtable(l, files.Count, 0);
        for (var i = 0; i < files.Count; i++)
        {
            LuaApi.PushString(l, files[i]);
            LuaApi.lua_rawseti(l, -2, i + 1);
        }

        return 1;
    }
}
