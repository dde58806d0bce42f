namespace BarHarness.TestServer.Oracle;

/// <summary>
/// The exact verdict a violation names, so tests and reports can match on it. Each kind breaks one
/// numbered rule of widget/SCHEMA.md (<see cref="SchemaRules"/>); shape kinds name the rule in the violation.
/// </summary>
public enum ViolationKind
{
    /// <summary>Not JSON, not UTF-8, or not a JSON object.</summary>
    InvalidJson,

    /// <summary>A string escaped with Lua's %q ("\" + newline, "\ddd"): looks like JSON, is not.</summary>
    PercentQEscape,

    /// <summary>Oversized frame, bad length prefix.</summary>
    BadFraming,

    /// <summary>The stream ended inside a message (bytes lost mid-message at a disconnect).</summary>
    TruncatedMessage,

    MissingField,

    /// <summary>A required field has the wrong JSON type or an impossible value.</summary>
    BadFieldValue,

    SchemaVersionMismatch,

    UnknownMessageType,

    /// <summary>A new connection did not start with a full snapshot (or hello, then snapshot).</summary>
    MissingSnapshotAfterReconnect,

    /// <summary>A delta came after a message that declared drops, before the resync snapshot (SCHEMA.md §3).</summary>
    MissingSnapshotAfterDrop,

    /// <summary>Sequence numbers skipped without a declared drop or a reconnection.</summary>
    UndeclaredSeqGap,

    /// <summary>A sequence number repeated or went backwards on one connection.</summary>
    SeqRegression,

    /// <summary>A non-spectator received an enemy unit that was neither in LOS nor on radar at that frame (or LOS-only
    /// data of a radar blip).</summary>
    PrivacyLeak,

    /// <summary>An exported value differs from the engine's at that frame beyond tolerance.</summary>
    InaccurateValue,

    /// <summary>A visible unit's last exported state is older than the allowed number of frames.</summary>
    StaleUnit,

    /// <summary>A message names a unit the engine does not know at that frame.</summary>
    UnknownUnit,

    /// <summary>Bytes handed to send != bytes received + bytes lost at disconnects.</summary>
    Accounting,

    /// <summary>A message's frame is earlier than the previous message's frame on the same connection.</summary>
    FrameRegression,

    /// <summary>A message's frame is ahead of the game, or older than the window a message may arrive in.</summary>
    StampOutOfWindow,

    /// <summary>A connection did not start with hello, or sent hello twice.</summary>
    MessageOrder,

    /// <summary>The client's picture lost a unit or kept a dead one while unit messages kept arriving and no drop was
    /// declared.</summary>
    SilentLoss,

    /// <summary>The client's picture holds a unit the player can no longer see (dead or out of sight) past the
    /// bound.</summary>
    GhostUnit,
}
