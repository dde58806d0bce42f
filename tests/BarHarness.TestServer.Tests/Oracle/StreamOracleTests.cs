using System.Diagnostics;
using System.Text;

namespace BarHarness.TestServer.Tests.Oracle;

public class StreamOracleTests
{
    [Fact]
    public void A_well_formed_stream_has_no_violations()
    {
        var h = new OracleHarness().Connection(
            1,
            Hello(0),
            Snapshot(1, 30, new Unit(5, 0, 1, 2, 3)),
            Delta(2, 31),
            Heartbeat(3, 60));

        Assert.True(h.Oracle.Violations.Count == 0, string.Join("\n", h.Oracle.Violations));
        Assert.Equal(4, h.Oracle.Stats.ValidMessages);
        Assert.Equal(1, h.Oracle.Stats.UnitsInLastSnapshot);
    }

    [Fact]
    public void Invalid_json_is_caught()
    {
        var h = OracleHarness.AfterWrapOpening(
            "{\"schema_version\":1,\"seq\":1,\"type\":\"delta\",\"frame\":2,}");

        Assert.Equal([ViolationKind.InvalidJson], h.Kinds);
        Assert.Equal(1, h.Oracle.Stats.InvalidMessages);
    }

    [Fact]
    public void Invalid_utf8_inside_a_string_is_invalid_json()
    {
        var bytes = Encoding.UTF8.GetBytes(Hello(16777215) + "\n" + Snapshot(0, 1) + "\n"
            + "{\"schema_version\":1,\"seq\":1,\"type\":\"delta\",\"frame\":2,\"n\":\"X\"}\n");
        bytes[Array.LastIndexOf(bytes, (byte)'X')] = 0xC3; // a lead byte followed by '"': not UTF-8
        var h = new OracleHarness().ConnectionBytes(1, bytes);

        Assert.Equal([ViolationKind.InvalidJson], h.Kinds);
    }

    [Fact]
    public void A_percent_q_escaped_string_is_named_as_such()
    {
        // Lua 5.1's string.format("%q", "a\nb\0c"): "a\<newline>b\000c" (checked against lua5.1 in the next test).
        var h = OracleHarness.AfterWrapOpening(
            "{\"schema_version\":1,\"seq\":1,\"type\":\"status\",\"frame\":2,\"name\":\"a\\",
            "b\\000c\"}");

        Assert.Equal([ViolationKind.PercentQEscape, ViolationKind.PercentQEscape], h.Kinds);
    }

    [Fact]
    public void Percent_q_output_of_real_lua51_is_detected()
    {
        var lua = new[] { "/usr/bin/lua5.1", "/usr/local/bin/lua5.1" }.FirstOrDefault(File.Exists);
        Assert.True(lua is not null, "lua5.1 is needed for this check (apt-get install -y lua5.1)");
        var start = new ProcessStartInfo(
            lua!,
            ["-e", "io.write(string.format('{\"name\":%q}', 'tab\\tq\\0 bell\\7'))"])
        { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.True(PercentQDetector.LooksPercentQEscaped(Encoding.UTF8.GetBytes(output)), output);
        Assert.False(PercentQDetector.LooksPercentQEscaped("{\"name\":\"tab\\tq\\u0000 bell\\u0007\"}"u8));
    }

    [Fact]
    public void A_new_connection_that_does_not_start_with_a_snapshot_is_caught()
    {
        var h = new OracleHarness()
            .Connection(1, Hello(0), Snapshot(1, 10), Delta(2, 11))
            .Connection(2, Hello(3), Delta(4, 40), Snapshot(5, 41));

        var violation = h.SingleViolation(ViolationKind.MissingSnapshotAfterReconnect);
        Assert.Equal(2, violation.ConnectionId);
        Assert.Equal(4, violation.Seq);
    }

    [Fact]
    public void Hello_then_snapshot_on_every_connection_is_accepted()
    {
        var h = new OracleHarness().Connection(1, Hello(0), Snapshot(1, 10)).Connection(2, Hello(2),
            Snapshot(3, 20)).Connection(3, Hello(5), Snapshot(6, 30));

        Assert.True(h.Oracle.Violations.Count == 0, string.Join("\n", h.Oracle.Violations));
    }

    [Fact]
    public void An_undeclared_seq_gap_is_caught()
    {
        var h = OracleHarness.AfterWrapOpening(Delta(1, 2), Delta(4, 3));

        var violation = h.SingleViolation(ViolationKind.UndeclaredSeqGap);
        Assert.Contains("2 missing", violation.Detail);
    }

    [Fact]
    public void A_seq_gap_on_one_connection_is_a_violation_even_when_dropped_is_declared()
    {
        // SCHEMA §3.4: discarded messages never receive a seq, so "dropped" cannot explain a gap.
        AssertOnlyViolationAfterWrapOpening(ViolationKind.UndeclaredSeqGap, DeltaWithDrops(3, 2, dropped: 2));
        AssertOnlyViolationAfterWrapOpening(ViolationKind.UndeclaredSeqGap, DeltaWithDrops(4, 2, dropped: 2));
    }

    [Fact]
    public void A_gap_across_a_reconnection_is_accepted()
    {
        var h = OracleHarness.AfterWrapOpening(Delta(1, 2)).Connection(2,
            Hello(7), Snapshot(8, 90));

        Assert.True(h.Oracle.Violations.Count == 0, string.Join("\n", h.Oracle.Violations));
        Assert.Equal(1, h.Oracle.Stats.SeqGapsAcrossReconnect);
    }

    [Fact]
    public void Seq_wraps_from_2_pow_24_minus_1_to_0_without_a_gap()
    {
        var h = new OracleHarness().Connection(
            1,
            Hello(16777213, 0),
            Snapshot(16777214, 1),
            Delta(16777215, 2),
            Delta(0, 3),
            Delta(1, 4));

        Assert.True(h.Oracle.Violations.Count == 0, string.Join("\n", h.Oracle.Violations));
    }

    [Fact]
    public void Seq_out_of_range_or_repeated_is_caught()
    {
        Assert.Equal(
            [ViolationKind.BadFieldValue],
            new OracleHarness().Connection(1, Hello(16777215, 0), Snapshot(16777216, 1)).Kinds);
        Assert.Equal(
            [ViolationKind.SeqRegression],
            new OracleHarness().Connection(1, Hello(4, 0), Snapshot(5, 1), Delta(5, 2)).Kinds);
    }

    [Fact]
    public void Missing_fields_wrong_schema_and_unknown_types_are_named()
    {
        var h = new OracleHarness().Connection(
            1,
            "{\"seq\":0,\"type\":\"snapshot\",\"frame\":1}",
            "{\"schema_version\":2,\"seq\":1,\"type\":\"snapshot\",\"frame\":2}",
            "{\"schema_version\":1,\"seq\":2,\"type\":\"gossip\",\"frame\":3}",
            "[1,2]");

        Assert.Equal(
            [ViolationKind.MissingField, ViolationKind.SchemaVersionMismatch, ViolationKind.UnknownMessageType,
                ViolationKind.InvalidJson],
            h.Kinds.Where(k => k != ViolationKind.MessageOrder).Distinct());
        Assert.Contains(
            h.Oracle.Violations,
            v => v.Kind == ViolationKind.MissingField && v.Detail.Contains("\"schema_version\""));
    }

    [Fact]
    public void An_enemy_unit_outside_los_and_radar_is_a_privacy_leak_with_unit_and_frame()
    {
        var truth = new FakeWorldTruth().With(1, 0, enemy: false, UnitVisibility.Full).With(66, 1, enemy: true,
            UnitVisibility.Hidden);
        var h = new OracleHarness(truth).Connection(
            1,
            Hello(16777215, 0),
            Snapshot(0, 120, new Unit(1, 0, 100, 10, 200), new Unit(66, 1, 100, 10, 200)));

        var leak = h.SingleViolation(ViolationKind.PrivacyLeak);
        Assert.Equal(66, leak.UnitId);
        Assert.Equal(120, leak.Frame);
    }

    [Fact]
    public void A_radar_only_contact_is_never_sent_by_default_as_SCHEMA_section_8_says()
    {
        var truth = new FakeWorldTruth().With(70, 1, enemy: true, UnitVisibility.RadarOnly);

        Assert.Equal(
            [ViolationKind.PrivacyLeak],
            new OracleHarness(truth).Connection(1, Hello(16777215, 0),
                Snapshot(0, 5, new Unit(70, 1, 130, 10, 170))).Kinds);
    }

    [Fact]
    public void Where_radar_contacts_are_allowed_a_blip_may_carry_position_but_not_health()
    {
        var truth = new FakeWorldTruth().With(70, 1, enemy: true, UnitVisibility.RadarOnly);
        var options = new OracleOptions { RadarContactsAllowed = true };

        NoViolations(new OracleHarness(truth, options).Connection(
            1,
            Hello(16777215, 0),
            Snapshot(0, 5, new Unit(70, 1, 130, 10, 170))));
        Assert.Equal(
            [ViolationKind.PrivacyLeak],
            new OracleHarness(truth, options).Connection(1, Hello(16777215, 0),
                Snapshot(0, 5, new Unit(70, 1, 100, 10, 200, Hp: 500))).Kinds);
    }

    [Fact]
    public void An_enemy_seen_within_the_sample_window_is_not_a_leak()
    {
        var truth = new FakeWorldTruth();
        truth.Moving[66] = f => new UnitTruth(
            66,
            1,
            true,
            f <= 8 ? UnitVisibility.Full : UnitVisibility.Hidden,
            100,
            10,
            200,
            500);
        var inWindow = Msg.Envelope(0, 10, "snapshot", [new Unit(66, 1, 100, 10, 200)], sampleWindow: 2);
        var outside = Msg.Envelope(0, 10, "snapshot", [new Unit(66, 1, 100, 10, 200)], sampleWindow: 1);

        NoViolations(new OracleHarness(truth).Connection(1, Hello(16777215), inWindow));
        Assert.Equal(
            [ViolationKind.PrivacyLeak],
            new OracleHarness(truth).Connection(1, Hello(16777215), outside).Kinds);
    }

    [Fact]
    public void A_spectator_with_full_view_may_see_every_unit()
    {
        var truth = new FakeWorldTruth { FullView = true }.With(66, 1, enemy: true, UnitVisibility.Hidden);

        NoViolations(new OracleHarness(truth).Connection(
            1,
            Hello(16777215, 0),
            Snapshot(0, 5, new Unit(66, 1, 100, 10, 200, Hp: 500))));
    }

    [Fact]
    public void A_value_that_differs_from_the_engine_is_caught()
    {
        var truth = new FakeWorldTruth().With(1, 0, enemy: false, UnitVisibility.Full, x: 100, health: 500);
        var h = new OracleHarness(truth).Connection(
            1,
            Hello(16777215, 0),
            Snapshot(0, 9, new Unit(1, 0, 100.4, 10, 200, Hp: 500.5)),
            Delta(1, 10, new Unit(1, 0, 112, 10, 200, Hp: 500)));

        var violation = h.SingleViolation(ViolationKind.InaccurateValue);
        Assert.Contains("x 112", violation.Detail);
        Assert.Equal(1, violation.UnitId);
    }

    [Fact]
    public void Values_sampled_within_the_declared_window_are_accurate()
    {
        var truth = new FakeWorldTruth();
        truth.Moving[1] = f => new UnitTruth(1, 0, false, UnitVisibility.Full, 2 * f, 10, 200, 500);
        var sampledAt8 = new Unit(1, 0, 16, 10, 200);

        NoViolations(new OracleHarness(truth).Connection(
            1,
            Hello(16777215, 0),
            Msg.Envelope(0, 10, "snapshot", [sampledAt8], sampleWindow: 3)));
        Assert.Equal(
            [ViolationKind.InaccurateValue],
            new OracleHarness(truth).Connection(1, Hello(16777215, 0),
                Msg.Envelope(0, 10, "snapshot", [sampledAt8])).Kinds);
    }

    [Fact]
    public void Freshness_follows_the_clients_picture_and_a_moving_unit_never_updated_is_stale()
    {
        var truth = new FakeWorldTruth().With(1, 0, false, UnitVisibility.Full);
        truth.Moving[2] = f => new UnitTruth(2, 0, false, UnitVisibility.Full, 100 + f, 10, 200, 500);
        var h = new OracleHarness(truth, new OracleOptions { MaxStaleFrames = 100 })
            .Connection(
                1,
                Hello(16777215, 0),
                Snapshot(0, 0, new Unit(1, 0, 100, 10, 200), new Unit(2, 0, 100, 10, 200)),
                Heartbeat(1, 50),
                Heartbeat(2, 150));

        Assert.InRange(h.Oracle.Stats.Freshness.Max, 148, 150);
        Assert.Equal(0, h.Oracle.Stats.Freshness.Quantile(0.5));
        var stale = h.SingleViolation(ViolationKind.StaleUnit);
        Assert.Equal(2, stale.UnitId);
    }

    [Theory]
    [InlineData(0, int.MaxValue, true)]    // the whole run: the stale unit at frame 150 is judged
    [InlineData(100, int.MaxValue, true)]  // from frame 100: still judged
    [InlineData(151, int.MaxValue, false)] // from frame 151: nothing judged
    [InlineData(0, 1, false)]              // while at most 1 unit is visible: 2 are, nothing judged
    [InlineData(0, 2, true)]               // while at most 2: judged
    public void Freshness_outside_the_judged_scope_is_reported_and_not_judged(int fromFrame, int maxUnits, bool judged)
    {
        var truth = new FakeWorldTruth().With(1, 0, false, UnitVisibility.Full);
        truth.Moving[2] = f => new UnitTruth(2, 0, false, UnitVisibility.Full, 100 + f, 10, 200, 500);
        var options = new OracleOptions
        {
            MaxStaleFrames = 1000,
            FreshnessJudgedFromFrame = fromFrame,
            FreshnessJudgedUpToVisibleUnits = maxUnits,
        };
        var h = new OracleHarness(truth, options).Connection(
            1,
            Hello(16777215, 0),
            Snapshot(0, 0, new Unit(1, 0, 100, 10, 200), new Unit(2, 0, 100, 10, 200)),
            Heartbeat(1, 150));

        var stats = h.Oracle.Stats;
        Assert.InRange(stats.Freshness.Max, 148, 150);
        if (judged)
        {
            Assert.Equal(stats.Freshness.Max, stats.JudgedFreshness.Max);
        }
        else
        {
            Assert.Equal(0, stats.JudgedFreshness.Samples);
        }
    }

    [Fact]
    public void A_unit_sampled_inside_the_declared_window_is_aged_from_its_sample_not_from_the_message()
    {
        var truth = new FakeWorldTruth();
        truth.Moving[1] = f => new UnitTruth(1, 0, false, UnitVisibility.Full, 100 + f, 10, 200, 500);
        var h = new OracleHarness(truth, new OracleOptions { MaxStaleFrames = 100 }).Connection(
            1,
            Hello(16777215, 0),
            Msg.Envelope(0, 10, "snapshot", [new Unit(1, 0, 106, 10, 200)], sampleWindow: 4),  // read at frame 6
            Msg.Envelope(1, 14, "delta", [new Unit(1, 0, 110, 10, 200)], sampleWindow: 4));    // read at frame 10

        Assert.True(h.Oracle.Violations.Count == 0, string.Join("\n", h.Oracle.Violations));
        Assert.Equal(2, h.Oracle.Stats.Freshness.Max); // matches the engine up to frame 8, then 12 (slack 2 elmos)
    }

    [Fact]
    public void A_unit_back_in_sight_is_aged_from_its_return_not_from_before_it_left()
    {
        var truth = new FakeWorldTruth();
        truth.Moving[3] = f => new UnitTruth(
            3,
            1,
            true,
            f is > 10 and < 400 ? UnitVisibility.Hidden : UnitVisibility.Full,
            100,
            10,
            200,
            500);
        var leaves = DeltaLists(1, 11, leftLos: [3]);
        var returns = DeltaLists(3, 402, created: [new Unit(3, 1, 100, 10, 200, Hp: 500)]);
        var h = new OracleHarness(truth, new OracleOptions { MaxStaleFrames = 100 })
            .Connection(
                1,
                Hello(16777215, 0),
                Snapshot(0, 0, new Unit(3, 1, 100, 10, 200)),
                leaves,
                Heartbeat(2, 400),
                returns,
                Heartbeat(4, 403));

        Assert.True(h.Oracle.Violations.Count == 0, string.Join("\n", h.Oracle.Violations));
        Assert.InRange(h.Oracle.Stats.Freshness.Max, 0, 2); // counted from frame 0 it would be 390
    }

    [Fact]
    public void A_visible_unit_removed_by_left_los_while_deltas_flow_is_a_silent_loss()
    {
        var truth = new FakeWorldTruth().With(1, 0, false, UnitVisibility.Full);
        var removal = DeltaLists(1, 400, leftLos: [1]);
        var h = new OracleHarness(truth, new OracleOptions { MaxStaleFrames = 100 }).Connection(
            1,
            Hello(16777215, 0),
            Snapshot(0, 0, new Unit(1, 0, 100, 10, 200)),
            removal);

        var loss = h.SingleViolation(ViolationKind.SilentLoss);
        Assert.Equal("§3.6", loss.RuleId);
    }

    [Fact]
    public void A_delta_right_after_declared_drops_is_caught()
    {
        AssertOnlyViolationAfterWrapOpening(
            ViolationKind.MissingSnapshotAfterDrop,
            Msg.Envelope(1, 2, "heartbeat", null, dropped: 2),
            Delta(2, 3));
        NoViolations(OracleHarness.AfterWrapOpening(
            Msg.Envelope(1, 2, "heartbeat", null, dropped: 2),
            Snapshot(2, 3),
            Delta(3, 4)));
    }

    [Fact]
    public void Messages_about_frames_the_truth_no_longer_keeps_are_counted_not_judged()
    {
        var truth = new FakeWorldTruth { HistoryStartFrame = 1000 }.With(66, 1, enemy: true, UnitVisibility.Hidden);
        var h = new OracleHarness(truth).Connection(1, Hello(16777215, 0), Snapshot(0, 5, new Unit(66, 1, 0, 0, 0)));

        Assert.True(h.Oracle.Violations.Count == 0, string.Join("\n", h.Oracle.Violations));
        Assert.Equal(2, h.Oracle.Stats.MessagesWithoutTruth); // hello and snapshot
    }

    [Fact]
    public void Accounting_reports_unexplained_bytes()
    {
        var oracle = new StreamOracle();
        oracle.CheckAccounting(
            new AccountingInput(BytesHandedToSend: 1000, BytesLostAtReset: 100, BytesInFlight: 0),
            bytesReceivedByServer: 900,
            atMicros: 1);
        Assert.Empty(oracle.Violations);

        oracle.CheckAccounting(new AccountingInput(1000, 50, 0), 900, 2);
        Assert.Equal(ViolationKind.Accounting, Assert.Single(oracle.Violations).Kind);
    }

    [Fact]
    public void A_widget_that_stops_mid_message_on_its_own_is_caught_but_a_server_cut_is_explained()
    {
        var oracle = new StreamOracle();
        oracle.Observe(1, new FrameRejected(0, FrameFault.Truncated, 12, "cut"), 5);
        oracle.ServerClosing(2);
        oracle.Observe(2, new FrameRejected(0, FrameFault.Truncated, 7, "cut"), 6);

        Assert.Equal(ViolationKind.TruncatedMessage, Assert.Single(oracle.Violations).Kind);
        Assert.Equal(19, oracle.Stats.BytesLostMidMessage);
    }

    [Property]
    public Property Random_bytes_never_throw_and_always_produce_violations()
    {
        return Prop.ForAll(
            ArbMap.Default.ArbFor<byte[]>(),
            bytes =>
            {
                var oracle = new StreamOracle();
                var decoder = new AutoDetectFrameDecoder(new FrameLimits(256));
                var events = new List<FrameEvent>();
                decoder.Feed(bytes, events);
                decoder.Finish(events);
                foreach (var e in events)
                {
                    oracle.Observe(1, e, 0);
                }

                var meaningful = bytes.Any(b => b is not (byte)'\n' and not (byte)'\r');
                return !meaningful || oracle.Violations.Count > 0;
            });
    }

    [Fact]
    public void Oversized_frames_become_bad_framing_violations()
    {
        var oracle = new StreamOracle();
        var decoder = new NewlineFrameDecoder(new FrameLimits(32));
        var events = new List<FrameEvent>();
        decoder.Feed(Encoding.ASCII.GetBytes("{\"pad\":\"" + new string('p', 100) + "\"}\n"), events);
        foreach (var e in events)
        {
            oracle.Observe(1, e, 0);
        }

        Assert.Equal(ViolationKind.BadFraming, Assert.Single(oracle.Violations).Kind);
    }

    /// <summary>Asserts that <paramref name="rest"/>, sent after the wrap opening, raises exactly one violation, of
    /// <paramref name="kind"/>.</summary>
    private static void AssertOnlyViolationAfterWrapOpening(ViolationKind kind, params string[] rest) =>
        Assert.Equal([kind], OracleHarness.AfterWrapOpening(rest).Kinds);

    private static void NoViolations(OracleHarness h) => Assert.True(
        h.Oracle.Violations.Count == 0,
        string.Join("\n", h.Oracle.Violations));
}
