namespace BarHarness.TestServer.Oracle;

/// <summary>One field of a message or object: its name, JSON type, whether it must be there, allowed strings.</summary>
internal sealed record FieldSpec(string Name, FieldType Type, bool Required = true, IReadOnlyList<string>? OneOf = null)
{
    /// <summary>Why <paramref name="value"/> is not of this field's type, or null when it is.</summary>
    public string? Mismatch(JsonElement value)
    {
        var kind = value.ValueKind;
        var ok = Type switch
        {
            FieldType.Integer => IsInteger(value),
            FieldType.IntegerOrNull => kind == JsonValueKind.Null || IsInteger(value),
            FieldType.Number => kind == JsonValueKind.Number,
            FieldType.NumberOrNull => kind is JsonValueKind.Number or JsonValueKind.Null,
            FieldType.String => kind == JsonValueKind.String,
            FieldType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            FieldType.Object => kind == JsonValueKind.Object,
            FieldType.ObjectOrNull => kind is JsonValueKind.Object or JsonValueKind.Null,
            FieldType.Array => kind == JsonValueKind.Array,
            _ => false,
        };
        if (!ok)
        {
            return $"\"{Name}\" is {Show(value)}, expected {Describe(Type)}";
        }

        if (OneOf is not null && kind == JsonValueKind.String && !OneOf.Contains(value.GetString()!))
        {
            return $"\"{Name}\" is {Show(value)}, expected one of {string.Join(", ", OneOf)}";
        }

        return null;
    }

    private static bool IsInteger(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
        && value.TryGetDouble(out var d)
        && d == Math.Floor(d)
        && Math.Abs(d) < 9e15;

    private static string Show(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }

    private static string Describe(FieldType type) => type switch
    {
        FieldType.Integer => "an integer",
        FieldType.IntegerOrNull => "an integer or null",
        FieldType.Number => "a number",
        FieldType.NumberOrNull => "a number or null",
        FieldType.String => "a string",
        FieldType.Boolean => "true or false",
        FieldType.Object => "an object",
        FieldType.ObjectOrNull => "an object or null",
        _ => "an array",
    };
}
