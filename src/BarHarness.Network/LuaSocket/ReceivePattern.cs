namespace BarHarness.Network.LuaSocket;

/// <summary>A <c>receive</c> pattern: "*l" (a line, CRs dropped), "*a" (until closed) or a byte count.</summary>
public readonly record struct ReceivePattern(ReceivePatternKind Kind, long Count = 0)
{
    public static readonly ReceivePattern Line = new(ReceivePatternKind.Line);
    public static readonly ReceivePattern All = new(ReceivePatternKind.All);

    public static ReceivePattern Bytes(long count) => new(ReceivePatternKind.Bytes, count);
}

public enum ReceivePatternKind
{
    Line,
    All,
    Bytes,
}
