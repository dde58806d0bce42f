namespace BarHarness.Core.Transport;

/// <summary>Why a transport call could not even start (connection outcomes are states, not exceptions).</summary>
public enum TransportError
{
    AddressInUse,
    AddressNotAvailable,
    InvalidArgument,
}

public sealed class TransportException(TransportError error, string message) : Exception(message)
{
    public TransportError Error { get; } = error;
}
