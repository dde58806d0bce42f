using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BarHarness.Scenarios.Definition.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s from parser events. Built by hand rather than
/// with YamlDotNet's representation model so that hostile input stays an input error: nesting depth
/// and node count are bounded (no stack overflow, no alias "billion laughs"), duplicate keys name the
/// second occurrence, and every YamlDotNet exception becomes a <see cref="HarnessInputException"/>.
/// </summary>
public sealed class YamlDocumentReader
{
    /// <summary>Deeper than any sensible scenario; guards the recursive walkers that follow.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes visited including alias expansions; a scenario has a few hundred.</summary>
    public const int MaxNodes = 200_000;

    private readonly string _file;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private IParser _parser = null!;
    private int _nodes;

    private YamlDocumentReader(string file) => _file = file;

    /// <summary>
    /// Parses <paramref name="text"/> (named <paramref name="file"/> in errors); null for an empty document.
    /// </summary>
    public static YamlNode? Read(string text, string file)
    {
        var reader = new YamlDocumentReader(file);
        try
        {
            return reader.ReadStream(text);
        }
        catch (HarnessInputException)
        {
            throw;
        }
        catch (YamlException ex)
        {
            var mark = ex.Start;
            throw new HarnessInputException(
                new SourceLocation(file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column)),
                "broken YAML: " + FirstLine(ex.Message),
                "well-formed YAML (check indentation, colons and quotes)",
                ex);
        }
        catch (Exception ex)
            when (ex
                    is ArgumentException
                        or InvalidOperationException
                        or FormatException
                        or OverflowException
                        or EndOfStreamException)
        {
            // YamlDotNet occasionally reports malformed input through these; keep them user errors.
            throw new HarnessInputException(
                reader.Here(),
                "broken YAML: " + FirstLine(ex.Message),
                "well-formed YAML",
                ex);
        }
    }

    private YamlNode? ReadStream(string text)
    {
        _parser = new Parser(new StringReader(text));
        Expect<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        var documentStart = Expect<DocumentStart>();
        YamlNode? root = null;
        if (!_parser.TryConsume<DocumentEnd>(out _))
        {
            root = ReadNode(depth: 0);
            Expect<DocumentEnd>();
        }

        if (_parser.Accept<DocumentStart>(out var second))
        {
            throw new HarnessInputException(
                Locate(second.Start),
                "a scenario file holds one YAML document; found a second one ('---')",
                "one scenario per file");
        }

        Expect<StreamEnd>();
        if (root is YamlScalar { IsNull: true })
        {
            return null;
        }

        _ = documentStart;
        return root;
    }

    private YamlNode ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new HarnessInputException(
                Here(),
                $"YAML nested deeper than {MaxDepth} levels",
                "a shallower structure");
        }

        Count();
        var evt = _parser.Current ?? throw new HarnessInputException(Here(), "unexpected end of YAML", "a value");
        switch (evt)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new HarnessInputException(
                        Locate(alias.Start),
                        $"unknown YAML alias '*{alias.Value.Value}'",
                        "an anchor defined earlier with '&'");
                }

                CountSubtree(target, depth);
                return target;

            case Scalar scalar:
                _parser.MoveNext();
                var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Tag.IsEmpty;
                return Remember(scalar.Anchor, new YamlScalar(Locate(scalar.Start), scalar.Value, plain));

            case SequenceStart sequenceStart:
                {
                    _parser.MoveNext();
                    var items = new List<YamlNode>();
                    while (!_parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(depth + 1));
                    }

                    return Remember(sequenceStart.Anchor, new YamlSequence(Locate(sequenceStart.Start), items));
                }

            case MappingStart mappingStart:
                {
                    _parser.MoveNext();
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    while (!_parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyNode = ReadNode(depth + 1);
                        if (keyNode is not YamlScalar key)
                        {
                            throw new HarnessInputException(
                                keyNode.Location,
                                $"a key must be a plain word, not {keyNode.KindName}",
                                "key: value");
                        }

                        if (!seen.Add(key.Value))
                        {
                            throw new HarnessInputException(
                                key.Location,
                                $"duplicate key '{key.Value}'",
                                "each key once per mapping");
                        }

                        entries.Add(new(key, ReadNode(depth + 1)));
                    }

                    return Remember(mappingStart.Anchor, new YamlMapping(Locate(mappingStart.Start), entries));
                }

            default:
                throw new HarnessInputException(Locate(evt.Start), $"unexpected YAML {evt.GetType().Name}", "a value");
        }
    }

    private YamlNode Remember(YamlDotNet.Core.AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    // An alias re-uses a subtree; walkers visit it again, so charge it again (bounds alias bombs).
    private void CountSubtree(YamlNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new HarnessInputException(
                node.Location,
                $"YAML nested deeper than {MaxDepth} levels (through aliases)",
                "a shallower structure");
        }

        Count();
        switch (node)
        {
            case YamlSequence s:
                foreach (var item in s.Items)
                {
                    CountSubtree(item, depth + 1);
                }

                break;
            case YamlMapping m:
                foreach (var entry in m.Entries)
                {
                    CountSubtree(entry.Value, depth + 1);
                }

                break;
        }
    }

    private void Count()
    {
        if (++_nodes > MaxNodes)
        {
            throw new HarnessInputException(
                Here(),
                $"YAML document has more than {MaxNodes} nodes (alias expansion included)",
                "a scenario of sensible size");
        }
    }

    private T Expect<T>()
        where T : ParsingEvent
    {
        if (_parser.Current is null && !_parser.MoveNext())
        {
            throw new HarnessInputException(Here(), "unexpected end of YAML", "a complete document");
        }

        if (_parser.Current is T wanted)
        {
            _parser.MoveNext();
            return wanted;
        }

        throw new HarnessInputException(
            Locate(_parser.Current!.Start),
            $"unexpected YAML {_parser.Current.GetType().Name}",
            "a complete document");
    }

    private SourceLocation Here()
    {
        var current = _parser?.Current;
        return current is null ? new SourceLocation(_file, 1, 1) : Locate(current.Start);
    }

    private SourceLocation Locate(Mark mark) => new(_file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    private static string FirstLine(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: ..) - (Line ...): "; the location is ours to print.
        var text = message;
        var cut = text.LastIndexOf("): ", StringComparison.Ordinal);
        if (text.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0)
        {
            text = text[(cut + 3)..];
        }

        var newline = text.IndexOf('\n');
        return newline >= 0 ? text[..newline].TrimEnd() : text;
    }
}
