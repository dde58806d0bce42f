namespace BarHarness.World.Commands;

/// <summary>
/// Per-unit command queues as Recoil keeps them: orders replace the queue unless given with shift,
/// CMD_STOP clears it, state commands apply at once, each queued command gets a tag. Every frame the
/// first command of each queue is worked on: moves walk the unit there, builders and factories start
/// nanoframes and finish them, repair and guard assist, attacks end with their target. A finished
/// command raises UnitCmdDone; a queue running empty raises UnitIdle.
/// </summary>
public sealed class CommandQueues
{
    private readonly WorldParts _parts;
    private readonly UnitLifecycle _lifecycle;
    private readonly SortedDictionary<int, List<UnitCommand>> _queues = new();
    private readonly SortedDictionary<int, List<UnitCommand>> _factoryQueues = new();
    private readonly Dictionary<int, int> _working = new(); // unit -> unit it builds for its first command
    private readonly HashSet<int> _walking = new();
    private readonly List<int> _scratch = new();
    private readonly List<PendingOrder> _pending = new();
    private int _nextTag = 1;

    internal CommandQueues(WorldParts parts, UnitLifecycle lifecycle)
    {
        _parts = parts;
        _lifecycle = lifecycle;
        States = new UnitStates();
        SelfDestruct = new SelfDestructTimers(parts, lifecycle);
        Stockpiles = new Stockpiles(parts);
    }

    public UnitStates States { get; }

    public SelfDestructTimers SelfDestruct { get; }

    /// <summary>Stockpile weapons' ready and ordered missiles.</summary>
    public Stockpiles Stockpiles { get; }

    private UnitTable Units => _parts.Units;

    public IReadOnlyList<UnitCommand> Commands(int unitId) =>
        _queues.TryGetValue(unitId, out var q) ? q : [];

    public IReadOnlyList<UnitCommand> FactoryCommands(int unitId) =>
        _factoryQueues.TryGetValue(unitId, out var q) ? q : [];

    /// <summary>
    /// Gives an order to a unit as a player. Like a player's order in Recoil it travels through the
    /// game's network: it takes effect (UnitCommand, the queue) at the next sim frame. False when the
    /// unit is dead.
    /// </summary>
    public bool Give(int unitId, int commandId, double[] parameters, CommandOptions options, int playerId)
    {
        if (!Units.IsAlive(unitId))
        {
            return false;
        }

        _pending.Add(new PendingOrder(unitId, commandId, parameters, options, playerId));
        return true;
    }

    /// <summary>Orders given since the last frame, not yet in effect.</summary>
    public int PendingCount => _pending.Count;

    private void Apply(PendingOrder order)
    {
        var (unitId, commandId, parameters, options, playerId) = order;
        var s = Units.Slot(unitId);
        if (s < 0)
        {
            return;
        }

        var defId = Units.DefId[s];
        var def = _parts.DefCatalog[defId];
        var command = new UnitCommand(commandId, parameters, options, _nextTag++);
        Raise(WorldEventKind.UnitCommand, s, command, playerId, false);
        if (CommandIds.IsState(commandId))
        {
            var wasCloaked = States.Get(unitId).Cloak;
            States.Apply(unitId, commandId, parameters.Length > 0 ? (int)parameters[0] : 0);
            var cloaked = States.Get(unitId).Cloak;
            if (cloaked != wasCloaked && def.CanCloak && _parts.View.IsAllied(s))
            {
                // Recoil sends cloak events to clients that can read the unit's ally team.
                var kind = cloaked ? WorldEventKind.UnitCloaked : WorldEventKind.UnitDecloaked;
                _parts.Events.Enqueue(new WorldEvent(kind, _parts.Clock.Frame, unitId, defId, Units.Team[s]));
            }

            return;
        }

        if (commandId == CommandIds.Stockpile)
        {
            if (def.CanStockpile)
            {
                Stockpiles.Order(unitId, options);
            }

            return;
        }

        if (commandId == CommandIds.SelfDestruct)
        {
            SelfDestruct.Toggle(unitId, def.SelfDestructCountdown);
            return;
        }

        var toFactory = def.IsFactory && commandId < 0;
        var queues = toFactory ? _factoryQueues : _queues;
        if (commandId == CommandIds.Stop)
        {
            var hadOrders = _queues.Remove(unitId);
            StopWork(unitId);
            if (hadOrders)
            {
                RaiseIdle(s);
            }

            return;
        }

        if (!queues.TryGetValue(unitId, out var queue))
        {
            queue = new List<UnitCommand>();
            queues[unitId] = queue;
        }

        if (!options.HasFlag(CommandOptions.Shift) && !toFactory)
        {
            queue.Clear();
            StopWork(unitId);
        }

        queue.Add(command);
    }

    /// <summary>The unit left the world: its orders and work go with it.</summary>
    public void Forget(int unitId)
    {
        _queues.Remove(unitId);
        _factoryQueues.Remove(unitId);
        StopWork(unitId);
        States.Forget(unitId);
        SelfDestruct.Forget(unitId);
        Stockpiles.Forget(unitId);
    }

    public void Step()
    {
        if (_pending.Count > 0)
        {
            foreach (var order in _pending)
            {
                Apply(order);
            }

            _pending.Clear();
        }

        SelfDestruct.Step();
        Stockpiles.Step();
        WorkOn(_factoryQueues, factory: true);
        WorkOn(_queues, factory: false);
    }

    private void WorkOn(SortedDictionary<int, List<UnitCommand>> queues, bool factory)
    {
        if (queues.Count == 0)
        {
            return;
        }

        _scratch.Clear();
        _scratch.AddRange(queues.Keys);
        foreach (var unitId in _scratch)
        {
            if (!queues.TryGetValue(unitId, out var queue) || queue.Count == 0)
            {
                continue;
            }

            var s = Units.Slot(unitId);
            if (s < 0 || Units.BuildFramesLeft[s] > 0)
            {
                continue; // nanoframes hold their orders until finished
            }

            if (Progress(unitId, s, queue[0], factory))
            {
                Complete(unitId, queues, queue);
            }
        }
    }

    /// <summary>Works on a command for one frame; true when it is done.</summary>
    private bool Progress(int unitId, int s, UnitCommand c, bool factory)
    {
        if (c.Id < 0)
        {
            return Build(unitId, s, c, factory);
        }

        switch (c.Id)
        {
            case CommandIds.Move:
            case CommandIds.Fight:
            case CommandIds.Patrol:
                return c.Params.Length < 3 || WalkTo(unitId, s, (float)c.Params[0], (float)c.Params[2]);
            case CommandIds.Attack:
            case CommandIds.Reclaim when c.Params.Length == 1:
                return c.Params.Length != 1 || !Units.IsAlive((int)c.Params[0]);
            case CommandIds.Repair:
                return c.Params.Length != 1 || Assist((int)c.Params[0]);
            case CommandIds.Guard:
                if (c.Params.Length == 1 && Units.Slot((int)c.Params[0]) is var t and >= 0)
                {
                    Assist(Units.CurrentBuild[t]);
                    return false;
                }

                return true;
            case CommandIds.Wait:
                return false;
            default:
                // Commands the synthetic world does not play out (load, capture, ...) complete at once.
                return true;
        }
    }

    private bool WalkTo(int unitId, int s, float x, float z)
    {
        var speed = _parts.Defs.SpeedPerFrame[Units.DefId[s]];
        if (speed <= 0)
        {
            return true;
        }

        if (_walking.Add(unitId))
        {
            Units.HeadTowards(s, x, z, speed);
            return false;
        }

        if (Units.FramesToTarget[s] > 0)
        {
            return false;
        }

        _walking.Remove(unitId);
        Units.VX[s] = Units.VZ[s] = 0;
        return true;
    }

    /// <summary>Builds unit def -id: a factory at its own place, a builder where the order says.</summary>
    private bool Build(int unitId, int s, UnitCommand c, bool factory)
    {
        var defId = -c.Id;
        if (!_parts.DefCatalog.IsValid(defId))
        {
            return true;
        }

        if (_working.TryGetValue(unitId, out var product))
        {
            var ps = Units.Slot(product);
            if (ps < 0)
            {
                _working.Remove(unitId); // the nanoframe died: start again
                return false;
            }

            if (Units.BuildFramesLeft[ps] > 0)
            {
                return false;
            }

            _working.Remove(unitId);
            if (factory && _parts.View.CanRead(Units.AllyTeam[ps]))
            {
                _parts.Events.Enqueue(new WorldEvent(WorldEventKind.UnitFromFactory, _parts.Clock.Frame, product,
                    Units.DefId[ps], Units.Team[ps], FactoryId: unitId, FactoryDefId: Units.DefId[s]));
            }

            return true;
        }

        float x = Units.X[s], z = Units.Z[s];
        if (!factory && c.Params.Length >= 3)
        {
            x = (float)c.Params[0];
            z = (float)c.Params[2];
            if (!WalkTo(unitId, s, x, z))
            {
                return false;
            }
        }

        var id = _lifecycle.SpawnNanoframe(Units.Team[s], defId, x, z, unitId);
        if (id != 0)
        {
            _working[unitId] = id;
        }

        return false;
    }

    /// <summary>Adds work to a nanoframe (it finishes sooner); true once there is nothing to help.</summary>
    private bool Assist(int targetId)
    {
        var t = Units.Slot(targetId);
        if (t < 0 || Units.BuildFramesLeft[t] <= 0)
        {
            return true;
        }

        if (Units.BuildFramesLeft[t] > 1)
        {
            Units.BuildFramesLeft[t]--;
        }

        return false;
    }

    private void Complete(int unitId, SortedDictionary<int, List<UnitCommand>> queues, List<UnitCommand> queue)
    {
        var done = queue[0];
        queue.RemoveAt(0);
        var repeat = States.Get(unitId).Repeat;
        if (done.Id == CommandIds.Patrol || repeat)
        {
            queue.Add(done);
        }

        var s = Units.Slot(unitId);
        Raise(WorldEventKind.UnitCmdDone, s, done, -1, false);
        if (queue.Count == 0)
        {
            queues.Remove(unitId);
            if (!_queues.ContainsKey(unitId) && !_factoryQueues.ContainsKey(unitId))
            {
                if (_parts.Defs.SpeedPerFrame[Units.DefId[s]] > 0)
                {
                    Units.FramesToTarget[s] = int.MaxValue; // an idle unit stands where its orders left it
                }

                RaiseIdle(s);
            }
        }
    }

    private void StopWork(int unitId)
    {
        _working.Remove(unitId);
        _walking.Remove(unitId);
    }

    private void RaiseIdle(int s)
    {
        if (_parts.View.CanRead(Units.AllyTeam[s]))
        {
            _parts.Events.Enqueue(new WorldEvent(WorldEventKind.UnitIdle, _parts.Clock.Frame, Units.IdAt[s],
                Units.DefId[s], Units.Team[s]));
        }
    }

    private void Raise(WorldEventKind kind, int s, UnitCommand c, int playerId, bool fromLua)
    {
        if (_parts.View.CanRead(Units.AllyTeam[s]))
        {
            _parts.Events.Enqueue(new WorldEvent(kind, _parts.Clock.Frame, Units.IdAt[s], Units.DefId[s],
                Units.Team[s], OtherTeam: playerId, Flag: fromLua, Command: c));
        }
    }

    private readonly record struct PendingOrder(int UnitId, int CommandId, double[] Params, CommandOptions Options,
        int PlayerId);
}
