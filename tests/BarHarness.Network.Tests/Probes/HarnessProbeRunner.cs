using BarHarness.LuaHost.Interop;

namespace BarHarness.Network.Tests.Probes;

/// <summary>Runs a probe inside the harness: its LuaRuntime (5.1 profile), the emulated socket, and one
/// backend.</summary>
public sealed unsafe class HarnessProbeRunner
{
    private const string RunnerGlue = """
        local H = ...
        local env = setmetatable({}, { __index = H.System })
        local line = load(H.probe_transcript, "=transcript.lua", "t", env)()
        env.probe = {
            emit = function(label, ...) H.probe_emit(line(label, ...)) end,
            wait = H.probe_wait,
            peer = H.probe_peer,
        }
        load(H.probe_common, "=common.lua", "t", env)()
        load(H.probe_source, "=" .. H.probe_name, "t", env)()
        """;

    private readonly List<string> _transcript = [];
    private readonly ITransport _transport;
    private readonly ProbePeer _peer;

    private HarnessProbeRunner(ITransport transport)
    {
        _transport = transport;
        _peer = new ProbePeer(transport);
    }

    public LuaSocketApi? Api { get; private set; }

    public static ITransport Backend(string kind) => kind == "simulated"
        ? new SimulatedNetwork(new SimClock(), new TransportOptions { Buffers = SocketBuffers.Default })
        : new RealNetwork(new SimClock(), new TransportOptions { Buffers = new SocketBuffers(16 * 1024, 16 * 1024) });

    public static (IReadOnlyList<string> Transcript, LuaSocketApi Api) Run(string backend, string probeFile)
    {
        using var transport = Backend(backend);
        var runner = new HarnessProbeRunner(transport);
        using var runtime = new LuaRuntime();
        runner.Api = new LuaSocketApi(transport);
        LuaSocketBinding.Install(runtime, runner.Api);
        runtime.RegisterInternal("probe_emit", &Emit, runner);
        runtime.RegisterInternal("probe_wait", &Wait, runner);
        runtime.RegisterInternal("probe_peer", &Peer, runner);
        runtime.SetInternal("probe_transcript", ProbeFiles.Read("transcript.lua"));
        runtime.SetInternal("probe_common", ProbeFiles.Read("common.lua"));
        runtime.SetInternal("probe_source", ProbeFiles.Read(probeFile));
        runtime.SetInternal("probe_name", probeFile);
        runtime.RunGlue(RunnerGlue, "=(probe runner)");
        return (runner._transcript, runner.Api);
    }

    private static int Emit(IntPtr l)
    {
        LuaRuntime.ContextOf<HarnessProbeRunner>(l)._transcript.Add(LuaApi.ToStringValue(l, 1) ?? "?");
        return 0;
    }

    private static int Wait(IntPtr l)
    {
        var runner = LuaRuntime.ContextOf<HarnessProbeRunner>(l);
        var ms = LuaApi.ToNumber(l, 1, out _);
        if (runner._transport.IsSimulated)
        {
            runner._transport.AdvanceBy((long)(ms * 1000));
        }
        else
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(ms));
        }

        return 0;
    }

    private static int Peer(IntPtr l)
    {
        var runner = LuaRuntime.ContextOf<HarnessProbeRunner>(l);
        try
        {
            LuaApi.PushString(l, runner._peer.Execute(LuaApi.ToStringValue(l, 1) ?? string.Empty));
        }
        catch (Exception e)
        {
            LuaApi.PushString(l, "peer failed: " + e.Message);
        }

        return 1;
    }
}
