namespace BarHarness.TestServer.Faults;

/// <summary>The listening socket as faults may steer it for one tick.</summary>
public sealed class ListenerLever
{
    /// <summary>Keep the listener closed this tick: connects are refused (ECONNREFUSED).</summary>
    public bool RefuseRequested { get; private set; }

    public void Refuse() => RefuseRequested = true;
}
