using System.Text;

namespace BarHarness.TestServer.Tests.Framing;

public class FrameDecoderTests
{
    private static List<FrameEvent> Decode(IFrameDecoder decoder, params byte[][] chunks)
    {
        var events = new List<FrameEvent>();
        foreach (var chunk in chunks)
        {
            decoder.Feed(chunk, events);
        }

        decoder.Finish(events);
        return events;
    }

    private static string Text(FrameEvent e) => Encoding.UTF8.GetString(((FrameDecoded)e).Payload);

    [Fact]
    public void Newline_decoder_joins_a_message_split_across_chunks_and_strips_CR()
    {
        var events = Decode(new NewlineFrameDecoder(), "{\"a\""u8.ToArray(), ":1}\r\n\n{\"b\":2}\n"u8.ToArray());

        Assert.Equal(["{\"a\":1}", "{\"b\":2}"], events.Select(Text));
    }

    [Fact]
    public void Oversized_line_is_reported_once_and_the_next_line_still_decodes()
    {
        var big = Encoding.ASCII.GetBytes(new string('x', 100) + "\n{\"ok\":1}\n");
        var events = Decode(new NewlineFrameDecoder(new FrameLimits(16)), big);

        var rejected = Assert.IsType<FrameRejected>(events[0]);
        Assert.Equal(FrameFault.Oversize, rejected.Fault);
        Assert.Equal(100, rejected.ByteCount);
        Assert.Equal("{\"ok\":1}", Text(events[1]));
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void Bytes_after_the_last_newline_are_reported_as_lost_mid_message()
    {
        var events = Decode(new NewlineFrameDecoder(), "{\"a\":1}\n{\"b\":"u8.ToArray());

        var truncated = Assert.IsType<FrameRejected>(events[^1]);
        Assert.Equal(FrameFault.Truncated, truncated.Fault);
        Assert.Equal(5, truncated.ByteCount);
        Assert.Equal(8, truncated.StreamOffset);
    }

    [Fact]
    public void Length_prefix_decoder_reads_big_endian_lengths_across_chunks()
    {
        var one = FrameEncoder.Encode(FramingKind.LengthPrefixed, "{\"a\":1}"u8);
        var two = FrameEncoder.Encode(FramingKind.LengthPrefixed, Encoding.UTF8.GetBytes(new string('y', 300)));
        var all = one.Concat(two).ToArray();
        Assert.Equal([0, 0, 1, 44], two[..4]);

        var events = Decode(new LengthPrefixFrameDecoder(), all[..2], all[2..9], all[9..]);

        Assert.Equal("{\"a\":1}", Text(events[0]));
        Assert.Equal(300, ((FrameDecoded)events[1]).Payload.Length);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void Length_prefix_over_the_limit_loses_the_framing_and_says_so()
    {
        byte[] bad = [0x7F, 0xFF, 0xFF, 0xFF, 1, 2, 3];
        var decoder = new LengthPrefixFrameDecoder(new FrameLimits(1024));
        var events = Decode(decoder, bad, FrameEncoder.Encode(FramingKind.LengthPrefixed, "{}"u8));

        var rejected = Assert.Single(events);
        Assert.Equal(FrameFault.BadLengthPrefix, ((FrameRejected)rejected).Fault);
        Assert.Equal(9, decoder.BytesDiscarded);
    }

    [Fact]
    public void Length_prefix_truncated_payload_reports_prefix_and_payload_bytes()
    {
        var framed = FrameEncoder.Encode(FramingKind.LengthPrefixed, "{\"abc\":1}"u8);
        var events = Decode(new LengthPrefixFrameDecoder(), framed[..7]);

        var truncated = Assert.IsType<FrameRejected>(Assert.Single(events));
        Assert.Equal(FrameFault.Truncated, truncated.Fault);
        Assert.Equal(7, truncated.ByteCount);
    }

    [Theory]
    [InlineData(FramingKind.NewlineDelimited)]
    [InlineData(FramingKind.LengthPrefixed)]
    public void Auto_detect_recognises_each_framing_from_the_first_byte(FramingKind kind)
    {
        var decoder = new AutoDetectFrameDecoder();
        var events = Decode(
            decoder,
            FrameEncoder.Encode(kind, "{\"t\":1}"u8),
            FrameEncoder.Encode(kind, "{\"t\":2}"u8));

        Assert.Equal(kind, decoder.Detected);
        Assert.Equal(["{\"t\":1}", "{\"t\":2}"], events.Select(Text));
    }

    [Property]
    public Property Any_split_of_a_valid_newline_stream_decodes_to_the_same_messages() =>
        AnySplitDecodesTheSameMessages(FramingKind.NewlineDelimited);

    [Property]
    public Property Any_split_of_a_valid_length_prefixed_stream_decodes_to_the_same_messages() =>
        AnySplitDecodesTheSameMessages(FramingKind.LengthPrefixed);

    private static Property AnySplitDecodesTheSameMessages(FramingKind kind)
    {
        var payloads = new[] { "{\"seq\":0}", "{\"seq\":1,\"s\":\"é\\n\"}", new string('z', 700), "{}" };
        var stream = payloads.SelectMany(p => FrameEncoder.Encode(kind, Encoding.UTF8.GetBytes(p))).ToArray();
        return Prop.ForAll(
            Gen.ListOf(Gen.Choose(1, 64)).ToArbitrary(),
            cuts =>
            {
                var chunks = new List<byte[]>();
                var at = 0;
                foreach (var size in cuts.Append(stream.Length))
                {
                    var take = Math.Min(size, stream.Length - at);
                    chunks.Add(stream[at..(at + take)]);
                    at += take;
                }

                var events = Decode(FrameDecoderFactory.Create(FramingKind.AutoDetect), [.. chunks]);
                return events.Select(Text).SequenceEqual(payloads);
            });
    }

    [Property]
    public Property Random_bytes_never_throw_and_every_byte_is_accounted_for()
    {
        return Prop.ForAll(
            ArbMap.Default.ArbFor<byte[]>(),
            Gen.Choose(1, 50).ToArbitrary(),
            (bytes, chunk) =>
            {
                var decoder = new AutoDetectFrameDecoder(new FrameLimits(64));
                var events = new List<FrameEvent>();
                for (var i = 0; i < bytes.Length; i += chunk)
                {
                    decoder.Feed(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)), events);
                }

                decoder.Finish(events);
                return decoder.BytesFed == bytes.Length;
            });
    }
}
