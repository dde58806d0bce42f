using System.Text;

namespace BarHarness.TestServer.Tests.Oracle;

/// <summary>Feeds newline-framed text to an oracle connection by connection.</summary>
internal sealed class OracleHarness(ITruthSource? truth = null, OracleOptions? options = null)
{
    private long _now;

    public StreamOracle Oracle { get; } = new(options, truth);

    public OracleHarness Connection(long id, params string[] lines) => ConnectionBytes(
        id,
        Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));

    public OracleHarness ConnectionBytes(long id, byte[] bytes)
    {
        var decoder = new NewlineFrameDecoder();
        var events = new List<FrameEvent>();
        Oracle.ConnectionOpened(id, _now);
        decoder.Feed(bytes, events);
        Oracle.ServerClosing(id);
        decoder.Finish(events);
        foreach (var e in events)
        {
            Oracle.Observe(id, e, _now += 1000);
        }

        Oracle.ConnectionClosed(id, _now);
        return this;
    }

    /// <summary>
    /// A harness whose connection 1 opens the way a widget does just below the seq wrap (hello with seq
    /// 16777215 at frame 0, snapshot with seq 0 at frame 1), then sends <paramref name="rest"/>.
    /// </summary>
    public static OracleHarness AfterWrapOpening(params string[] rest) =>
        new OracleHarness().Connection(1, [Msg.Hello(16777215, 0), Msg.Snapshot(0, 1), .. rest]);

    /// <summary>Asserts that the oracle raised exactly one violation, of <paramref name="kind"/>, and returns
    /// it.</summary>
    public StreamViolation SingleViolation(ViolationKind kind)
    {
        var violation = Assert.Single(Oracle.Violations);
        Assert.Equal(kind, violation.Kind);
        return violation;
    }

    public IReadOnlyList<ViolationKind> Kinds => Oracle.Violations.Select(v => v.Kind).ToArray();
}
