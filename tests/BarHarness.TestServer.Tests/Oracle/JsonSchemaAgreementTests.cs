using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace BarHarness.TestServer.Tests.Oracle;

/// <summary>
/// widget/schema/livedata.schema.json (published for consumers) and the oracle's field checks say the same
/// thing: every message the schema accepts the oracle accepts, and every message with a field removed or
/// of the wrong type is rejected by both.
/// </summary>
public class JsonSchemaAgreementTests
{
    private static readonly ViolationKind[] ShapeKinds =
    [
        ViolationKind.InvalidJson, ViolationKind.MissingField, ViolationKind.BadFieldValue,
        ViolationKind.SchemaVersionMismatch, ViolationKind.UnknownMessageType,
    ];

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(
            Path.Combine(TestEnvironment.RepositoryRoot(), "widget", "schema", "livedata.schema.json"))));

    public static TheoryData<string> ValidMessages() => new(Valid());

    private static List<string> Valid()
    {
        var units = new[] { new Unit(1, 0, 100, 10, 200, Hp: 500), new Unit(2, 1, -5, 0, 7) };
        var data = new List<string>
        {
            Hello(0),
            Snapshot(1, 10, units),
            Delta(2, 11, units),
            DeltaLists(3, 12, created: units, leftLos: [4], destroyed: [5]),
            Heartbeat(4, 40),
            Envelope(5, 41, "status", null),
            Envelope(6, 42, "snapshot", units, dropped: 3),
        };
        foreach (var line in DocumentedExample())
        {
            data.Add(line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public void A_message_the_schema_accepts_the_oracle_accepts(string message)
    {
        Assert.True(SchemaAccepts(message), $"the JSON Schema rejects {message}");
        Assert.Empty(OracleShapeViolations(message));
    }

    [Fact]
    public void Removing_any_required_field_or_giving_it_a_wrong_type_is_rejected_by_both()
    {
        var checkedCases = 0;
        foreach (var valid in Valid())
        {
            foreach (var broken in Breakages(JsonNode.Parse(valid)!.AsObject()))
            {
                var text = broken.ToJsonString();
                var schema = SchemaAccepts(text);
                var oracle = OracleShapeViolations(text).Count == 0;
                Assert.True(
                    schema == oracle,
                    $"schema {(schema ? "accepts" : "rejects")}, oracle {(oracle ? "accepts" : "rejects")}: {text}");
                checkedCases++;
            }
        }

        Assert.True(checkedCases > 200, $"{checkedCases} cases");
    }

    /// <summary>Every object of the message in turn: each key removed, then each key set to a string, then to
    /// null.</summary>
    private static IEnumerable<JsonObject> Breakages(JsonObject message)
    {
        foreach (var path in ObjectPaths(message, []))
        {
            foreach (var key in Resolve(message, path).Select(p => p.Key).ToArray())
            {
                foreach (var change in new Func<JsonObject, bool>[]
                {
                    o => o.Remove(key),
                    o => { o[key] = "wrong"; return true; },
                    o => { o[key] = null; return true; },
                })
                {
                    var copy = message.DeepClone().AsObject();
                    change(Resolve(copy, path));
                    yield return copy;
                }
            }
        }
    }

    private static IEnumerable<object[]> ObjectPaths(JsonNode node, object[] path)
    {
        if (node is JsonObject obj)
        {
            yield return path;
            foreach (var (key, child) in obj)
            {
                if (child is not null && key != "status")
                {
                    foreach (var p in ObjectPaths(child, [.. path, key]))
                    {
                        yield return p;
                    }
                }
            }
        }
        else if (node is JsonArray array && array.Count > 0 && array[0] is not null)
        {
            foreach (var p in ObjectPaths(array[0]!, [.. path, 0]))
            {
                yield return p;
            }
        }
    }

    private static JsonObject Resolve(JsonNode root, object[] path)
    {
        var node = root;
        foreach (var step in path)
        {
            node = step is int i ? node.AsArray()[i]! : node.AsObject()[(string)step]!;
        }

        return node.AsObject();
    }

    private static bool SchemaAccepts(string message) =>
        Schema.Value.Evaluate(
            JsonNode.Parse(message),
            new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;

    private static List<StreamViolation> OracleShapeViolations(string message)
    {
        var h = new OracleHarness().Connection(1, message);
        return h.Oracle.Violations.Where(v => ShapeKinds.Contains(v.Kind)).ToList();
    }

    private static IEnumerable<string> DocumentedExample()
    {
        var doc = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot(), "widget", "SCHEMA.md"));
        var section = Regex.Match(
            doc,
            "## 9\\. Example stream.*?```\\n(.*?)```",
            RegexOptions.Singleline).Groups[1].Value;
        return section.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
