namespace BarHarness.World.Commands;

/// <summary>Command ids as Recoil defines them (the CMD table); a negative id builds unit def -id.</summary>
public static class CommandIds
{
    public const int Stop = 0;
    public const int Insert = 1;
    public const int Remove = 2;
    public const int Wait = 5;
    public const int Move = 10;
    public const int Patrol = 15;
    public const int Fight = 16;
    public const int Attack = 20;
    public const int Guard = 25;
    public const int Repair = 40;
    public const int FireState = 45;
    public const int MoveState = 50;
    public const int SelfDestruct = 65;
    public const int OnOff = 85;
    public const int Reclaim = 90;
    public const int Cloak = 95;
    public const int Stockpile = 100;
    public const int ManualFire = 105;
    public const int Repeat = 115;
    public const int Trajectory = 120;
    public const int IdleMode = 145;

    /// <summary>Commands that set a unit state at once instead of entering the queue.</summary>
    public static bool IsState(int id) =>
        id is FireState or MoveState or OnOff or Cloak or Repeat or Trajectory or IdleMode;
}

/// <summary>Command option bits as Recoil defines them (CMD.OPT_*).</summary>
[Flags]
public enum CommandOptions
{
    None = 0,
    Meta = 4,
    Internal = 8,
    Right = 16,
    Shift = 32,
    Ctrl = 64,
    Alt = 128,
}

/// <summary>One queued command: id, parameters, option bits and the tag Recoil gives it.</summary>
public sealed record UnitCommand(int Id, double[] Params, CommandOptions Options, int Tag)
{
    /// <summary>The options table Recoil hands to call-ins and returns from GetUnitCommands.</summary>
    public Dictionary<string, object> OptionsTable() => new()
    {
        ["coded"] = (int)Options,
        ["alt"] = Options.HasFlag(CommandOptions.Alt),
        ["ctrl"] = Options.HasFlag(CommandOptions.Ctrl),
        ["shift"] = Options.HasFlag(CommandOptions.Shift),
        ["right"] = Options.HasFlag(CommandOptions.Right),
        ["meta"] = Options.HasFlag(CommandOptions.Meta),
        ["internal"] = Options.HasFlag(CommandOptions.Internal),
    };
}
