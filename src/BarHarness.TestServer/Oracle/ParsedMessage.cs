namespace BarHarness.TestServer.Oracle;

/// <summary>The envelope of a message that parsed as a JSON object with the required fields.</summary>
internal sealed record ParsedMessage(
    JsonElement Root,
    string Type,
    long Seq,
    int Frame,
    long? Dropped,
    int SampleWindow);
