namespace BarHarness.World;

public enum ResourceKind
{
    Metal = 0,
    Energy = 1,
}

/// <summary>The nine values of Spring.GetTeamResources, in its return order.</summary>
public record struct ResourceValues(
    double Current,
    double Storage,
    double Pull,
    double Income,
    double Expense,
    double Share,
    double Sent,
    double Received,
    double Excess);

/// <summary>
/// Metal and energy of every team. The stock moves every frame; income, expense, pull, sent,
/// received and excess are reported for the last full second (Recoil's team slow update runs once
/// a game second), so widgets see them change in steps as in the game.
/// </summary>
public sealed class TeamEconomy
{
    private const int SlowUpdateFrames = GameClock.FramesPerSecond;

    private readonly ResourceValues[,] _reported;
    private readonly double[,] _incomeRate, _expenseRate;
    private readonly double[,] _accIncome, _accExpense, _accSent, _accReceived, _accExcess;
    private readonly SeededRandom _random;

    public TeamEconomy(int teamCount, SeededRandom random)
    {
        TeamCount = teamCount;
        _random = random;
        _reported = new ResourceValues[teamCount, 2];
        _incomeRate = new double[teamCount, 2];
        _expenseRate = new double[teamCount, 2];
        _accIncome = new double[teamCount, 2];
        _accExpense = new double[teamCount, 2];
        _accSent = new double[teamCount, 2];
        _accReceived = new double[teamCount, 2];
        _accExcess = new double[teamCount, 2];
        for (var t = 0; t < teamCount; t++)
        {
            // BAR start: 1000 metal / 1000 energy, commander storage.
            _reported[t, 0] = new ResourceValues(1000, 1000, 0, 0, 0, 0.99, 0, 0, 0);
            _reported[t, 1] = new ResourceValues(1000, 1000, 0, 0, 0, 0.95, 0, 0, 0);
            _incomeRate[t, 0] = random.NextDouble(1.5, 3);
            _incomeRate[t, 1] = random.NextDouble(20, 30);
        }
    }

    public int TeamCount { get; }

    public ResourceValues Get(int teamId, ResourceKind kind) => _reported[teamId, (int)kind];

    /// <summary>Advances one sim frame. <paramref name="unitsPerTeam"/> scales income and spending.</summary>
    public void Step(int frame, ReadOnlySpan<int> unitsPerTeam)
    {
        for (var t = 0; t < TeamCount; t++)
        {
            for (var r = 0; r < 2; r++)
            {
                ref var v = ref _reported[t, r];
                var income = _incomeRate[t, r] / SlowUpdateFrames;
                var expense = _expenseRate[t, r] / SlowUpdateFrames;
                var next = v.Current + income - expense;
                if (next > v.Storage)
                {
                    _accExcess[t, r] += next - v.Storage;
                    next = v.Storage;
                }
                else if (next < 0)
                {
                    expense += next; // could not spend what was not there
                    next = 0;
                }

                v.Current = next;
                _accIncome[t, r] += income;
                _accExpense[t, r] += expense;
            }
        }

        if (frame % SlowUpdateFrames == 0)
        {
            SlowUpdate(unitsPerTeam);
        }
    }

    /// <summary>Moves resources between teams now (sharing); shows in sent/received at the next slow update.</summary>
    public double Transfer(int fromTeam, int toTeam, ResourceKind kind, double amount)
    {
        ref var from = ref _reported[fromTeam, (int)kind];
        ref var to = ref _reported[toTeam, (int)kind];
        var moved = Math.Clamp(amount, 0, from.Current);
        moved = Math.Min(moved, Math.Max(0, to.Storage - to.Current));
        from.Current -= moved;
        to.Current += moved;
        _accSent[fromTeam, (int)kind] += moved;
        _accReceived[toTeam, (int)kind] += moved;
        return moved;
    }

    /// <summary>Edge data: stock and storage far beyond float32's exact integers.</summary>
    public void SetHuge(int teamId, double value)
    {
        for (var r = 0; r < 2; r++)
        {
            ref var v = ref _reported[teamId, r];
            v.Storage = value;
            v.Current = value;
        }
    }

    public void Set(int teamId, ResourceKind kind, ResourceValues values) => _reported[teamId, (int)kind] = values;

    private void SlowUpdate(ReadOnlySpan<int> unitsPerTeam)
    {
        for (var t = 0; t < TeamCount; t++)
        {
            var units = t < unitsPerTeam.Length ? unitsPerTeam[t] : 0;
            for (var r = 0; r < 2; r++)
            {
                ref var v = ref _reported[t, r];
                v.Income = _accIncome[t, r];
                v.Expense = _accExpense[t, r];
                v.Pull = _accExpense[t, r] * (1 + _random.NextDouble(0, 0.3));
                v.Sent = _accSent[t, r];
                v.Received = _accReceived[t, r];
                v.Excess = _accExcess[t, r];
                _accIncome[t, r] = _accExpense[t, r] = _accSent[t, r] = _accReceived[t, r] = _accExcess[t, r] = 0;

                // Economies grow with the army and wobble; spending chases income.
                var perUnit = r == 0 ? 0.06 : 0.9;
                var baseIncome = (r == 0 ? 2.0 : 25.0) + (units * perUnit);
                _incomeRate[t, r] = Math.Max(0, baseIncome * _random.NextDouble(0.85, 1.15));
                _expenseRate[t, r] = Math.Max(0, _incomeRate[t, r] * _random.NextDouble(0.6, 1.25));
                if (v.Storage < 1e9)
                {
                    v.Storage = Math.Max(v.Storage, 500 + (units * (r == 0 ? 5 : 25)));
                }
            }
        }
    }
}
