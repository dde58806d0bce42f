using System.Diagnostics;

namespace BarHarness.Network.Tests.Probes;

/// <summary>
/// Runs a probe under the real thing: Debian's lua5.1 with its LuaSocket, against a
/// <see cref="ProbePeer"/> on OS loopback sockets. The transcript is produced now, never stored.
/// </summary>
public static class RealLuaProbeRunner
{
    public const string InstallHint = "real lua5.1 with LuaSocket is required for the differential socket tests: "
        + "apt-get install -y lua5.1 lua-socket";

    public static IReadOnlyList<string> Run(string probeFile)
    {
        RequireLua51WithSocket();
        using var transport = new RealNetwork(
            new SimClock(),
            new TransportOptions { Buffers = new SocketBuffers(16 * 1024, 16 * 1024) });
        var peer = new ProbePeer(transport);
        var start = new ProcessStartInfo("lua5.1")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(ProbeFiles.Directory, "driver51.lua"));
        start.ArgumentList.Add(ProbeFiles.Directory);
        start.ArgumentList.Add(probeFile);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var transcript = new List<string>();
        var ended = false;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("@peer ", StringComparison.Ordinal))
            {
                process.StandardInput.WriteLine(peer.Execute(line[6..]));
                process.StandardInput.Flush();
            }
            else if (line.StartsWith("T ", StringComparison.Ordinal))
            {
                transcript.Add(line[2..]);
            }
            else if (line == "END")
            {
                ended = true;
            }
        }

        if (!process.WaitForExit(60_000))
        {
            process.Kill();
        }

        Assert.True(ended, $"lua5.1 probe {probeFile} did not finish: {stderr.Result}");
        return transcript;
    }

    private static void RequireLua51WithSocket()
    {
        try
        {
            using var check = Process.Start(new ProcessStartInfo("lua5.1",
                ["-e", "require('socket')"])
            { RedirectStandardError = true, UseShellExecute = false })!;
            check.WaitForExit(10_000);
            Assert.True(check.ExitCode == 0, InstallHint);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail(InstallHint);
        }
    }
}
