using System.Net;

namespace BarHarness.TestServer.Toxiproxy;

/// <summary>Toxiproxy answered with a status the call did not expect (404 unknown proxy/toxic, 409 already exists, ...).</summary>
public sealed class ToxiproxyException(string operation, HttpStatusCode? status, string detail)
    : Exception($"toxiproxy {operation} failed: {(status is { } s ? $"{(int)s} {s}" : "no answer")}: {detail}")
{
    public string Operation { get; } = operation;

    public HttpStatusCode? Status { get; } = status;
}
