namespace BarHarness.TestServer.Proxy;

/// <summary>A refused API call: Toxiproxy's <c>{"error": ..., "status": ...}</c> with its HTTP status.</summary>
public sealed class ToxiproxyApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ToxiproxyApiException BadRequest(string message) => new(400, message);

    public static ToxiproxyApiException NotFound(string message) => new(404, message);

    public static ToxiproxyApiException Conflict(string message) => new(409, message);
}
