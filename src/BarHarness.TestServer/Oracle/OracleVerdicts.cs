namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Which scenario expectation judges each violation kind: every kind counts against exactly one, so no
/// violation the oracle records goes unjudged.
/// </summary>
public static class OracleVerdicts
{
    public const string ValidStream = "oracle.valid_stream";
    public const string NoSilentLoss = "oracle.no_silent_loss";
    public const string SnapshotAfterReconnect = "oracle.snapshot_after_reconnect";
    public const string Privacy = "oracle.privacy";
    public const string FrameStamps = "oracle.frame_stamps";
    public const string Coverage = "oracle.coverage";
    public const string Accuracy = "oracle.accuracy";

    public static IReadOnlyDictionary<string, ViolationKind[]> Kinds { get; } = new Dictionary<string, ViolationKind[]>
    {
        [ValidStream] =
        [
            ViolationKind.InvalidJson, ViolationKind.PercentQEscape, ViolationKind.BadFraming,
            ViolationKind.MissingField, ViolationKind.BadFieldValue, ViolationKind.SchemaVersionMismatch,
            ViolationKind.UnknownMessageType, ViolationKind.SeqRegression, ViolationKind.TruncatedMessage,
            ViolationKind.FrameRegression,
        ],
        [NoSilentLoss] = [ViolationKind.UndeclaredSeqGap, ViolationKind.Accounting, ViolationKind.SilentLoss],
        [SnapshotAfterReconnect] =
        [
            ViolationKind.MissingSnapshotAfterReconnect, ViolationKind.MissingSnapshotAfterDrop,
            ViolationKind.MessageOrder,
        ],
        [Privacy] = [ViolationKind.PrivacyLeak],
        [FrameStamps] = [ViolationKind.StampOutOfWindow],
        [Coverage] = [ViolationKind.StaleUnit, ViolationKind.GhostUnit],
        [Accuracy] = [ViolationKind.InaccurateValue, ViolationKind.UnknownUnit],
    };
}
