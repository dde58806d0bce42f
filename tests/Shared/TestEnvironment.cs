using System.Net;
using System.Net.Sockets;

namespace BarHarness.Tests.Shared;

/// <summary>
/// What tests of several projects need from where they run: the repository checkout and a free loopback
/// port. Compiled into each test project that links it (see the project's csproj).
/// </summary>
internal static class TestEnvironment
{
    /// <summary>The folder holding BarHarness.sln, found upwards from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BarHarness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"BarHarness.sln not found in any parent of {AppContext.BaseDirectory}; run the tests from inside "
            + "the repository checkout");
    }

    /// <summary>A loopback port that was free a moment ago (the OS picked it for a listener now stopped).</summary>
    public static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
