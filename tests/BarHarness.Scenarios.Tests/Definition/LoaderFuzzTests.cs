using System.Text;
using BarHarness.Core.Randomness;

namespace BarHarness.Scenarios.Tests.Definition;

/// <summary>
/// Mutated and random scenario text: the loader either succeeds or throws a located
/// <see cref="HarnessInputException"/>; any other exception type is a loader bug.
/// The seed is printed with every failure so a case replays exactly.
/// </summary>
public sealed class LoaderFuzzTests
{
    private const int MutationCases = 400;

    private static readonly string[] Library = Directory
        .EnumerateFiles(RepositoryFiles.Scenarios, "*.yaml", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static readonly string[] Tokens =
    [
        "-1", "0", "1e308", "-1e308", "99999999999999999999999", ".inf", "-.inf", ".nan", "0x7fffffff", "3.5",
        "true", "~", "\"\"", "[]", "{}", "[1, [2, [3]]]", "{a: {b: c}}", "\"90s\"", "2h", "0.0001ms", "1e9h",
        "&x foo", "*x", "*undefined", "!!binary AAAA", "!custom 5", "|\n  block", ">-\n  folded", "'single'",
        "\"\\u0000\\uFFFF\"", "\"Zoë ☃\"", "- item", "? complex", ": colon", "# comment", "%YAML 1.2", "---", "...",
        "duration: 1", "name: x", "speed: 100", "at: 99999", "count: -5", "params: {bytes: 1e12}",
    ];

    [Fact]
    public void Mutated_library_files_load_or_fail_with_a_located_input_error()
    {
        var random = new SeededRandom(20261122).Fork("loader-fuzz");
        var accepted = 0;
        for (var i = 0; i < MutationCases; i++)
        {
            var source = Library[random.Next(0, Library.Length)];
            var caseSeed = random.NextUInt64();
            var text = Mutate(File.ReadAllText(source), new SeededRandom(caseSeed));
            // Named beside the source (never written) so relative widget paths still resolve.
            var path = Path.Combine(Path.GetDirectoryName(source)!, $"fuzz-{i}.yaml");
            if (LoadsOrFailsCleanly(text, path, $"case {i} (seed {caseSeed}) from {Path.GetFileName(source)}"))
            {
                accepted++;
            }
        }

        // The mutations must actually break things most of the time, or this test proves little.
        Assert.InRange(accepted, 0, MutationCases * 3 / 4);
    }

    [Fact]
    public void Random_bytes_fail_with_a_located_input_error()
    {
        var random = new SeededRandom(7).Fork("random-bytes");
        using var folder = new TemporaryFolder();
        for (var i = 0; i < 150; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            for (var b = 0; b < bytes.Length; b++)
            {
                bytes[b] = (byte)random.Next(0, 256);
            }

            var path = Path.Combine(folder.Path, $"bytes-{i}.yaml");
            File.WriteAllBytes(path, bytes);
            try
            {
                ScenarioLoader.Load(path);
                Assert.Fail($"random bytes case {i} loaded as a scenario");
            }
            catch (HarnessInputException ex)
            {
                Assert.True(ex.Location is not null, $"random bytes case {i}: no location: {ex.Describe()}");
            }
        }
    }

    [Property]
    public Property Generated_scenario_text_loads_or_fails_cleanly()
    {
        var keys = new[] { "name", "duration", "seed", "units", "initial", "events", "faults", "at", "action", "speed",
            "world", "teams", "network", "port", "expectations", "budget", "p99_ms", "widget", "config", "repeat",
            "every", "count" };
        var line =
            from indent in Gen.Elements("", "  ", "    ", "  - ")
            from key in Gen.Elements(keys)
            from value in Gen.Elements(Tokens.Concat([string.Empty]).ToArray())
            select $"{indent}{key}: {value}";
        var document = Gen.ListOf(line).Select(lines => "duration: 30\n" + string.Join("\n", lines) + "\n");

        return Prop.ForAll(Arb.From(document),
            text => LoadsOrFailsCleanly(text, "/nowhere/generated.yaml", text) || true);
    }

    /// <summary>True when the text loaded, false when it failed with a located input error; asserts
    /// otherwise.</summary>
    private static bool LoadsOrFailsCleanly(string text, string path, string describe)
    {
        try
        {
            ScenarioLoader.Parse(text, path);
            return true;
        }
        catch (HarnessInputException ex)
        {
            Assert.True(ex.Location is not null && ex.Location.Line >= 1,
                $"{describe}: error without a location: {ex.Describe()}");
            Assert.False(string.IsNullOrWhiteSpace(ex.Message), $"{describe}: empty message");
            return false;
        }
        catch (Exception ex)
        {
            Assert.Fail($"{describe}: {ex.GetType().Name} escaped the loader: {ex.Message}\n--- input ---\n{text}");
            return false;
        }
    }

    private static string Mutate(string text, SeededRandom random)
    {
        var lines = text.Split('\n').ToList();
        var steps = random.Next(1, 4);
        for (var s = 0; s < steps; s++)
        {
            var at = random.Next(0, lines.Count);
            switch (random.Next(0, 10))
            {
                case 0: // replace a value with a hostile token
                    var colon = lines[at].IndexOf(':');
                    lines[at] = colon >= 0 ? lines[at][..(colon + 1)] + " " + Pick(random) : lines[at] + " "
                        + Pick(random);
                    break;
                case 1: // rename a key by one edit
                    lines[at] = EditOnce(lines[at], random);
                    break;
                case 2: // break indentation
                    lines[at] = (random.Chance(0.5) ? " " : string.Empty) + lines[at].TrimStart(' ');
                    break;
                case 3: // drop a line
                    lines.RemoveAt(at);
                    if (lines.Count == 0)
                    {
                        lines.Add(string.Empty);
                    }

                    break;
                case 4: // duplicate a line (duplicate keys)
                    lines.Insert(at, lines[at]);
                    break;
                case 5: // cut the file short
                    var cut = random.Next(0, Math.Max(1, lines[at].Length));
                    lines[at] = lines[at][..cut];
                    lines.RemoveRange(at + 1, lines.Count - at - 1);
                    break;
                case 6: // insert brackets and quotes
                    lines[at] = lines[at].Insert(random.Next(0, lines[at].Length + 1), random.Chance(0.5) ? "[" : "\"");
                    break;
                case 7: // absurd number somewhere
                    lines[at] = System.Text.RegularExpressions.Regex.Replace(lines[at], @"\d+",
                        random.Chance(0.5) ? "99999999" : "-7");
                    break;
                case 8: // random bytes as text
                    var junk = new StringBuilder();
                    for (var j = random.Next(1, 20); j > 0; j--)
                    {
                        junk.Append((char)random.Next(0, 0x3000));
                    }

                    lines[at] = lines[at].Insert(random.Next(0, lines[at].Length + 1), junk.ToString());
                    break;
                default: // swap two lines
                    var other = random.Next(0, lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string Pick(SeededRandom random) => Tokens[random.Next(0, Tokens.Length)];

    private static string EditOnce(string line, SeededRandom random)
    {
        var trimmed = line.TrimStart(' ', '-');
        if (trimmed.Length == 0)
        {
            return line + "x";
        }

        var position = line.Length - trimmed.Length + random.Next(0, trimmed.Length);
        return random.Chance(0.5) ? line.Remove(position, 1) : line.Insert(position, "q");
    }
}
