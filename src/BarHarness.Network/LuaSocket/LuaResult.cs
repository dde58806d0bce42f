namespace BarHarness.Network.LuaSocket;

/// <summary>A socket handle as a Lua value: the binding turns it into the socket object the widget holds.</summary>
public readonly record struct SocketHandle(int Id);

/// <summary>
/// The values a LuaSocket function returns, in order, as Lua sees them: null is nil, and
/// numbers, strings (messages), byte arrays (data), booleans and <see cref="SocketHandle"/>s stand for themselves. Kept
/// as plain
/// data so the socket model is testable without a Lua state.
/// </summary>
public sealed record LuaResult(IReadOnlyList<object?> Values)
{
    public static readonly LuaResult One = Of(1L);

    public static LuaResult Of(params object?[] values) => new(values);

    /// <summary>LuaSocket's usual failure: <c>nil, message</c>.</summary>
    public static LuaResult Fail(string message) => Of(null, message);

    public object? this[int index] => index < Values.Count ? Values[index] : null;

    public override string ToString() => string.Join(", ", Values.Select(v => v switch
    {
        null => "nil",
        string s => $"\"{s}\"",
        byte[] bytes => $"\"{System.Text.Encoding.Latin1.GetString(bytes)}\"",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
    }));
}
