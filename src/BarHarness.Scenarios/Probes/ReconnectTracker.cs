namespace BarHarness.Scenarios.Probes;

/// <summary>
/// Measures how long the widget took to reconnect once the server was available again after it lost
/// its connection: the "reconnect within" expectation. Sampled once per sim frame on virtual time.
/// </summary>
internal sealed class ReconnectTracker
{
    private long _lastAccepted;
    private bool _wasConnected;
    private double? _lostAt;
    private double? _availableAt;

    public int Reconnects { get; private set; }

    public double MaxDelaySeconds { get; private set; }

    /// <summary>Episodes where the server was available but the widget never came back before the end.</summary>
    public double? UnresolvedSince => _availableAt;

    public void Observe(double gameSeconds, long accepted, int open, bool serverAvailable)
    {
        var connected = open > 0;
        if (_wasConnected && !connected)
        {
            _lostAt = gameSeconds;
            _availableAt = null;
        }

        if (_lostAt is not null && _availableAt is null && serverAvailable && !connected)
        {
            _availableAt = gameSeconds;
        }

        if (accepted > _lastAccepted && _lostAt is not null)
        {
            Reconnects++;
            var from = _availableAt ?? gameSeconds;
            MaxDelaySeconds = Math.Max(MaxDelaySeconds, gameSeconds - from);
            _lostAt = null;
            _availableAt = null;
        }

        _lastAccepted = accepted;
        _wasConnected = connected;
    }
}
