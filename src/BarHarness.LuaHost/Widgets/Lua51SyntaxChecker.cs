using System.Text.RegularExpressions;
using BarHarness.Core.Tools;

namespace BarHarness.LuaHost.Widgets;

/// <summary>
/// Checks a widget against BAR's Lua 5.1 grammar: with the real <c>luac5.1 -p</c> when it is installed,
/// and otherwise with a scanner that finds the 5.2+ tokens a 5.4 VM would accept but BAR would not
/// (<c>//</c>, bitwise operators, <c>goto</c> and labels, <c>&lt;const&gt;</c>/<c>&lt;close&gt;</c>), plus
/// string escapes 5.1 reads differently (<c>\x</c>, <c>\z</c>, <c>\u{}</c>: warnings, the file still loads).
/// </summary>
public static partial class Lua51SyntaxChecker
{
    public static IReadOnlyList<Lua51SyntaxIssue> Check(string displayName, string code, string? filePathForLuac = null)
    {
        var fromLuac = filePathForLuac is null ? null : RunLuac(displayName, filePathForLuac);
        var scanned = Scan(displayName, code);
        if (fromLuac is null)
        {
            return scanned;
        }

        // luac is authoritative for errors; the scanner still contributes the escape warnings.
        return fromLuac.Concat(scanned.Where(i => !i.IsError)).ToList();
    }

    /// <summary>The token scanner alone (what runs on a machine without lua5.1).</summary>
    public static IReadOnlyList<Lua51SyntaxIssue> Scan(string file, string code)
    {
        var issues = new List<Lua51SyntaxIssue>();
        var line = 1;
        var i = 0;
        var n = code.Length;
        if (code.StartsWith("#", StringComparison.Ordinal))
        {
            while (i < n && code[i] != '\n')
            {
                i++;
            }
        }

        while (i < n)
        {
            var c = code[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (c == '-' && i + 1 < n && code[i + 1] == '-')
            {
                i += 2;
                var level = LongBracketLevel(code, i);
                if (level >= 0)
                {
                    i = SkipLongBracket(code, i, level, ref line);
                }
                else
                {
                    while (i < n && code[i] != '\n')
                    {
                        i++;
                    }
                }

                continue;
            }

            if (c == '[')
            {
                var level = LongBracketLevel(code, i);
                if (level >= 0)
                {
                    i = SkipLongBracket(code, i, level, ref line);
                    continue;
                }
            }

            if (c == '"' || c == '\'')
            {
                i = SkipQuoted(file, code, i, ref line, issues);
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < n && (char.IsLetterOrDigit(code[i]) || code[i] == '_'))
                {
                    i++;
                }

                var word = code[start..i];
                if (word == "goto")
                {
                    var j = i;
                    while (j < n && (code[j] == ' ' || code[j] == '\t'))
                    {
                        j++;
                    }

                    if (j < n && (char.IsLetter(code[j]) || code[j] == '_'))
                    {
                        issues.Add(new(file, line,
                            "'goto' is Lua 5.2+; BAR's Lua 5.1 reads it as a name and fails to parse", true));
                    }
                }

                continue;
            }

            if (char.IsDigit(c))
            {
                while (i < n && (char.IsLetterOrDigit(code[i]) || code[i] == '.' || ((code[i] == '-' || code[i] == '+')
                    && (code[i - 1] is 'e' or 'E'))))
                {
                    i++;
                }

                continue;
            }

            var two = i + 1 < n ? code.Substring(i, 2) : string.Empty;
            switch (two)
            {
                case "//":
                    issues.Add(new(file, line, "integer division '//' is Lua 5.3+", true));
                    i += 2;
                    continue;
                case "<<":
                case ">>":
                    issues.Add(new(file, line, $"bitwise shift '{two}' is Lua 5.3+", true));
                    i += 2;
                    continue;
                case "::":
                    issues.Add(new(file, line, "labels '::name::' are Lua 5.2+", true));
                    var close = code.IndexOf("::", i + 2, StringComparison.Ordinal);
                    var nl = code.IndexOf('\n', i + 2);
                    i = close >= 0 && (nl < 0 || close < nl) ? close + 2 : i + 2;
                    continue;
                case "~=":
                case "==":
                case "<=":
                case ">=":
                case "..":
                    i += 2;
                    continue;
            }

            if (c is '&' or '|' or '~')
            {
                issues.Add(new(file, line, $"bitwise operator '{c}' is Lua 5.3+", true));
            }
            else if (c == '<')
            {
                var m = Attribute().Match(code, i);
                if (m.Success && m.Index == i)
                {
                    issues.Add(new(file, line, $"variable attribute '<{m.Groups[1].Value}>' is Lua 5.4", true));
                }
            }

            i++;
        }

        return issues;
    }

    private static int LongBracketLevel(string code, int i)
    {
        if (i >= code.Length || code[i] != '[')
        {
            return -1;
        }

        var j = i + 1;
        var level = 0;
        while (j < code.Length && code[j] == '=')
        {
            level++;
            j++;
        }

        return j < code.Length && code[j] == '[' ? level : -1;
    }

    private static int SkipLongBracket(string code, int i, int level, ref int line)
    {
        var close = "]" + new string('=', level) + "]";
        var j = i + level + 2;
        var end = code.IndexOf(close, j, StringComparison.Ordinal);
        end = end < 0 ? code.Length : end + close.Length;
        for (var k = i; k < end && k < code.Length; k++)
        {
            if (code[k] == '\n')
            {
                line++;
            }
        }

        return end;
    }

    private static int SkipQuoted(string file, string code, int i, ref int line, List<Lua51SyntaxIssue> issues)
    {
        var quote = code[i];
        i++;
        while (i < code.Length && code[i] != quote)
        {
            if (code[i] == '\n')
            {
                return i; // unfinished string: let the real parser report it
            }

            if (code[i] == '\\' && i + 1 < code.Length)
            {
                var e = code[i + 1];
                if (e is 'x' or 'z' or 'u')
                {
                    issues.Add(new(file, line,
                        $"string escape '\\{e}' is Lua 5.2+; Lua 5.1 reads it as the plain letter '{e}'", false));
                }

                if (e == '\n')
                {
                    line++;
                }

                i += 2;
                continue;
            }

            i++;
        }

        return i + 1;
    }

    private static List<Lua51SyntaxIssue>? RunLuac(string displayName, string path)
    {
        string? luac = InstalledTool.Find("luac5.1");
        if (luac is null)
        {
            return null;
        }

        var psi = new ProcessStartInfo(luac, new[] { "-p", path })
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi);
        if (process is null)
        {
            return null;
        }

        var error = process.StandardError.ReadToEnd();
        process.WaitForExit(10_000);
        if (process.ExitCode == 0)
        {
            return new List<Lua51SyntaxIssue>();
        }

        var m = LuacError().Match(error);
        return m.Success
            ? new List<Lua51SyntaxIssue> { new(displayName, int.Parse(m.Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value.Trim() + " (luac5.1)", true) }
            : new List<Lua51SyntaxIssue> { new(displayName, 0, error.Trim(), true) };
    }

    [GeneratedRegex(@"<\s*(const|close)\s*>")]
    private static partial Regex Attribute();

    [GeneratedRegex(@":(\d+): (.*)$", RegexOptions.Multiline)]
    private static partial Regex LuacError();
}
