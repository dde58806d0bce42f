namespace BarHarness.Scenarios.Definition.Loading;

/// <summary><c>network:</c> transport mode, server address, framing, buffers, connect delay, server state.</summary>
internal static class NetworkSectionParser
{
    private static readonly Dictionary<string, NetworkMode> Modes = new()
    {
        ["sim"] = NetworkMode.Sim,
        ["real"] = NetworkMode.Real,
    };

    private static readonly Dictionary<string, Framing> Framings = new()
    {
        ["auto"] = Framing.Auto,
        ["newline"] = Framing.Newline,
        ["length"] = Framing.Length,
    };

    private static readonly Dictionary<string, bool> ServerStates = new() { ["up"] = true, ["down"] = false };

    public static NetworkSpec Parse(YamlNode? node)
    {
        var d = NetworkSpec.Default;
        return MappingReader.ReadSection(node, "network", d, reader => new NetworkSpec(
            reader.Read("mode", d.Mode, (n, w) => YamlValues.Choice(n, w, Modes)),
            reader.Read("host", d.Host, Host),
            reader.Read("port", d.Port, (n, w) => YamlValues.Integer(n, w, 1, 65535)),
            reader.Read("framing", d.Framing, (n, w) => YamlValues.Choice(n, w, Framings)),
            reader.Read("client_buffer", d.ClientBufferBytes, Buffer),
            reader.Read("server_buffer", d.ServerBufferBytes, Buffer),
            reader.Read("connect_delay", d.ConnectDelaySeconds, (n, w) => YamlValues.Seconds(n, w, 0, 600)),
            reader.Read("server", d.ServerUpAtStart, (n, w) => YamlValues.Choice(n, w, ServerStates))));
    }

    private static int Buffer(YamlNode node, string what) => YamlValues.Bytes(node, what, 1, 64 * 1024 * 1024);

    private static string Host(YamlNode node, string what)
    {
        var host = YamlValues.String(node, what);
        // LuaSocket 2.0.2 in Recoil is IPv4 only; a host is a dotted quad or a DNS-like name.
        if (host.Length is 0 or > 253 || host.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-')))
        {
            throw new HarnessInputException(
                node.Location,
                $"{what} '{host}' is not a host name or IPv4 address",
                "e.g. 127.0.0.1 or localhost");
        }

        return host;
    }
}
