namespace BarHarness.LuaHost.Tests;

public sealed class Lua51SyntaxCheckerTests
{
    [Theory]
    [CaseTable("Lua51SyntaxCheckerTests.Scanner_finds_5_2_plus_syntax.tsv")]
    public void Scanner_finds_5_2_plus_syntax(string code, string expected)
    {
        var issue = Assert.Single(Lua51SyntaxChecker.Scan("f.lua", code));
        Assert.True(issue.IsError);
        Assert.Contains(expected, issue.Message);
    }

    [Theory]
    [InlineData("local a = 1 ~= 2 -- a // comment")]
    [InlineData("local s = 'a // b & c | d'")]
    [InlineData("local s = [[ goto x :: ]] local t = [==[ a<<b ]==]")]
    [InlineData("--[[ a // b\n ]] local goto_x = 1")]
    [InlineData("local t = {} t[#t + 1] = 2 ^ 3 .. 'x'")]
    public void Scanner_accepts_5_1_code(string code)
    {
        Assert.Empty(Lua51SyntaxChecker.Scan("f.lua", code));
    }

    [Fact]
    public void Scanner_counts_lines_across_long_strings_and_comments()
    {
        var issue = Assert.Single(Lua51SyntaxChecker.Scan("f.lua", "--[[\n\n]]\nlocal s = [[\n]]\nlocal a = 1 // 2"));
        Assert.Equal(6, issue.Line);
    }

    [Fact]
    public void Hex_escape_is_a_warning_not_an_error()
    {
        var issue = Assert.Single(Lua51SyntaxChecker.Scan("f.lua", "local s = \"\\x41\""));
        Assert.False(issue.IsError);
    }
}
