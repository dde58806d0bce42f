namespace BarHarness.TestServer.Oracle;

/// <summary>The JSON types SCHEMA.md gives its fields (§2.2).</summary>
internal enum FieldType
{
    Integer,
    IntegerOrNull,
    Number,
    NumberOrNull,
    String,
    Boolean,
    Object,
    ObjectOrNull,
    Array,
}
