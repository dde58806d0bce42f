namespace BarHarness.TestServer.Faults;

/// <summary>Registers a fault type under the name schedules use (Toxiproxy's name where one exists).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FaultNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
