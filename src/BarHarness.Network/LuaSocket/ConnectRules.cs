namespace BarHarness.Network.LuaSocket;

/// <summary>
/// Recoil's LuaSocket restriction rules (TCPAllowConnect, TCPAllowListen): whitespace-separated
/// entries <c>host:port</c>, <c>host</c> (any port) or <c>*</c>; a port of -1 also means any port.
/// </summary>
public sealed class ConnectRules
{
    private readonly List<(string Host, int Port)> _rules = [];

    public ConnectRules(string spec)
    {
        Spec = spec;
        foreach (var entry in spec.Split([' ', '\t', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = entry.LastIndexOf(':');
            if (colon > 0 && int.TryParse(entry[(colon + 1)..], out var port))
            {
                _rules.Add((entry[..colon], port));
            }
            else
            {
                _rules.Add((entry, -1));
            }
        }
    }

    public static ConnectRules AllowAll => new("*");

    public string Spec { get; }

    /// <summary>True when some rule matches the host as written or its resolved address.</summary>
    public bool Allows(string host, string? resolvedAddress, int port) =>
        _rules.Any(r => (r.Port == -1 || r.Port == port)
            && (r.Host == "*" || string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase)
                || r.Host == resolvedAddress));
}
