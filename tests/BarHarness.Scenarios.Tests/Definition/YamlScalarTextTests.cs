using BarHarness.Scenarios.Definition.Yaml;

namespace BarHarness.Scenarios.Tests.Definition;

public sealed class YamlScalarTextTests
{
    [Theory]
    [CaseTable("Definition/YamlScalarTextTests.Byte_sizes_accept_binary_units.tsv")]
    public void Byte_sizes_accept_binary_units(string text, double bytes)
    {
        Assert.True(YamlScalarText.TryParseBytes(text, out var value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("64 apples")]
    [InlineData("KiB")]
    [InlineData("")]
    public void Byte_sizes_reject_other_text(string text)
    {
        Assert.False(YamlScalarText.TryParseBytes(text, out _));
    }

    [Theory]
    [InlineData("s")]
    [InlineData("10 s")]
    [InlineData("1d")]
    [InlineData("m5")]
    [InlineData("")]
    [InlineData("1_000")]
    public void Durations_reject_other_text(string text)
    {
        Assert.False(YamlScalarText.TryParseSeconds(text, out _));
    }

    [Theory]
    [InlineData("0x10", 16)]
    [InlineData("-2.5e1", -25)]
    [InlineData(".5", 0.5)]
    [InlineData("+3", 3)]
    public void Numbers_follow_the_yaml_core_schema(string text, double expected)
    {
        Assert.True(YamlScalarText.TryParseNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("durtion", "duration")]
    [InlineData("DURATION", "duration")]
    [InlineData("p99", "p99_ms")]
    [InlineData("max-ms", "max_ms")]
    public void Nearest_key_finds_likely_typos(string typed, string expected)
    {
        Assert.Equal(expected, NearestKey.Suggest(typed, ["duration", "p99_ms", "max_ms", "name"]));
    }

    [Fact]
    public void Nearest_key_stays_quiet_for_unrelated_words()
    {
        Assert.Null(NearestKey.Suggest("zebra", ["duration", "name", "seed"]));
    }
}
