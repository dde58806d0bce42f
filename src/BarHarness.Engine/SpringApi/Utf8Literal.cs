using System.Runtime.InteropServices;
using System.Text;

namespace BarHarness.Engine.SpringApi;

/// <summary>NUL-terminated UTF-8 strings that live for the process, for lua_setfield keys in natives.</summary>
internal static unsafe class Utf8Literal
{
    public static byte* Of(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var p = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
        bytes.AsSpan().CopyTo(new Span<byte>(p, bytes.Length));
        p[bytes.Length] = 0;
        return p;
    }
}
