namespace BarHarness.LuaHost.Measurement;

/// <summary>
/// CPU time of the calling thread, in nanoseconds: what a call-in really cost, C-library work and GC
/// steps inside it included, time the thread spent preempted (another process on the core) excluded.
/// Linux and macOS read <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>; Windows reads
/// <c>QueryThreadCycleTime</c> and converts cycles to nanoseconds with a rate measured once against
/// the Stopwatch. Where neither works, <see cref="IsThreadCpuTime"/> is false and the clock is wall time.
/// </summary>
public static unsafe class ThreadCpuClock
{
    private const int LinuxThreadCpuClock = 3;
    private const int MacThreadCpuClock = 16;
    private static readonly Source Active = Probe();
    private static readonly double WindowsNanosPerCycle = Active == Source.WindowsCycles ? MeasureCycleRate() : 0;
    private static readonly Lazy<long> ReadCost = new(MeasureReadCost);

    private enum Source
    {
        Wall,
        PosixClock,
        WindowsCycles,
    }

    /// <summary>False when the platform offers no per-thread CPU clock (the figures are then wall time).</summary>
    public static bool IsThreadCpuTime => Active != Source.Wall;

    /// <summary>Names the clock for reports, e.g. "clock_gettime(CLOCK_THREAD_CPUTIME_ID)".</summary>
    public static string Description => Active switch
    {
        Source.PosixClock => "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
        Source.WindowsCycles => "QueryThreadCycleTime",
        _ => "wall clock (no thread CPU clock on this platform)",
    };

    /// <summary>The calling thread's CPU time so far, in nanoseconds.</summary>
    public static long NowNanos() => Active switch
    {
        Source.PosixClock => PosixNanos(),
        Source.WindowsCycles => (long)(WindowsCycles() * WindowsNanosPerCycle),
        _ => (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency)),
    };

    /// <summary>
    /// CPU ns one reading of this clock costs the thread, measured once per process: a call-in timed
    /// between two readings carries one reading's cost (from where the first samples the clock to where
    /// the second does), which is the harness's measurement, not the widget's work. On this kind of
    /// 2-core Linux VM <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> is a system call of about 0.4 µs,
    /// which a mass event (1,500 <c>UnitDestroyed</c> in one frame) turns into 0.6 ms.
    /// </summary>
    public static long ReadCostNanos => ReadCost.Value;

    private static int PosixClockId => OperatingSystem.IsMacOS() ? MacThreadCpuClock : LinuxThreadCpuClock;

    private static Source Probe()
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                return WindowsCycles() > 0 ? Source.WindowsCycles : Source.Wall;
            }

            TimeSpec spec;
            return clock_gettime(PosixClockId, &spec) == 0 ? Source.PosixClock : Source.Wall;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Source.Wall;
        }
    }

    private static long PosixNanos()
    {
        TimeSpec spec;
        clock_gettime(PosixClockId, &spec);
        return (spec.Seconds * 1_000_000_000L) + spec.Nanoseconds;
    }

    private static ulong WindowsCycles()
    {
        ulong cycles;
        QueryThreadCycleTime(GetCurrentThread(), &cycles);
        return cycles;
    }

    // The lower quartile of many back-to-back pairs: the pair's difference is one reading's cost; the
    // quartile, not the mean, so that the correction never exceeds what a reading usually costs.
    private static long MeasureReadCost()
    {
        const int Pairs = 20_000;
        var deltas = new long[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var first = NowNanos();
            deltas[i] = NowNanos() - first;
        }

        Array.Sort(deltas);
        return Math.Max(0, deltas[Pairs / 4]);
    }

    // Cycles counted by QueryThreadCycleTime against Stopwatch time over a short busy spin (the thread
    // runs the whole time, so its cycles advance with wall time); the best of three spins.
    private static double MeasureCycleRate()
    {
        var best = double.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var start = Stopwatch.GetTimestamp();
            var cycles = WindowsCycles();
            while (Stopwatch.GetTimestamp() - start < Stopwatch.Frequency / 50)
            {
            }

            var nanos = (Stopwatch.GetTimestamp() - start) * (1e9 / Stopwatch.Frequency);
            var spent = WindowsCycles() - cycles;
            if (spent > 0)
            {
                best = Math.Min(best, nanos / spent);
            }
        }

        return best == double.MaxValue ? 1 : best;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, TimeSpec* spec);

    [DllImport("kernel32.dll")]
    private static extern int QueryThreadCycleTime(IntPtr thread, ulong* cycles);

    [DllImport("kernel32.dll")]
    private static extern IntPtr GetCurrentThread();
}
