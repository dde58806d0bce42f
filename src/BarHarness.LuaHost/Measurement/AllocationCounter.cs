namespace BarHarness.LuaHost.Measurement;

/// <summary>
/// Counts every allocation the Lua VM makes by chaining its allocator (lua_setallocf), and holds the
/// hard memory cap. The soft cap is enforced by the instruction hook (a clean Lua error at the next
/// tick); the hard cap refuses only large growing requests (at least <see cref="HardCapMinRequest"/>
/// bytes) once the heap is past it, so a memory bomb cannot exhaust the machine between two ticks.
/// A refusal makes Lua raise "not enough memory" itself. Natives never push blocks that large while a
/// bomb is under way, which matters because a refusal inside a managed native would unwind through it.
/// The counters live in unmanaged memory so the hook costs a few nanoseconds, not a GCHandle look-up.
/// </summary>
public sealed unsafe class AllocationCounter : IDisposable
{
    private readonly State* _state;

    internal AllocationCounter(IntPtr luaState)
    {
        _state = (State*)NativeMemory.AllocZeroed((nuint)sizeof(State));
        IntPtr ud;
        _state->OriginalAlloc = LuaApi.lua_getallocf(luaState, &ud);
        _state->OriginalUd = ud;
        LuaApi.lua_setallocf(luaState, &Allocate, (IntPtr)_state);
    }

    /// <summary>Allocations (new blocks and growing reallocations) since the VM started.</summary>
    public long Count => _state->Count;

    /// <summary>Bytes requested by those allocations (growth only for reallocations).</summary>
    public long Bytes => _state->Bytes;

    /// <summary>Bytes currently held by the VM (its heap, as its allocator sees it).</summary>
    public long CurrentBytes => _state->Current;

    /// <summary>Requests refused because of the cap.</summary>
    public long Refused => _state->Refused;

    public const long HardCapMinRequest = 64 * 1024;

    /// <summary>Hard heap cap in bytes; 0 = none.</summary>
    public long CapBytes
    {
        get => _state->Cap;
        set => _state->Cap = value;
    }

    /// <summary>
    /// Hands the VM its own allocator back, to time the VM without the counter (a throwaway VM only:
    /// blocks allocated meanwhile and freed later leave <see cref="CurrentBytes"/> wrong).
    /// </summary>
    internal void Detach(IntPtr luaState) => LuaApi.lua_setallocf(
        luaState,
        (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, nuint, nuint, IntPtr>)_state->OriginalAlloc,
        _state->OriginalUd);

    internal void Reattach(IntPtr luaState) => LuaApi.lua_setallocf(luaState, &Allocate, (IntPtr)_state);

    public void Dispose()
    {
        // The VM is closed by its owner before this runs; the state block must outlive it.
        NativeMemory.Free(_state);
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static IntPtr Allocate(IntPtr ud, IntPtr ptr, nuint osize, nuint nsize)
    {
        var s = (State*)ud;
        var original = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, nuint, nuint, IntPtr>)s->OriginalAlloc;
        var old = ptr == IntPtr.Zero ? 0L : (long)osize;
        if (nsize == 0)
        {
            s->Current -= old;
            return original(s->OriginalUd, ptr, osize, nsize);
        }

        var growth = (long)nsize - old;
        if (growth >= HardCapMinRequest && s->Cap > 0 && s->Current + growth > s->Cap)
        {
            s->Refused++;
            return IntPtr.Zero;
        }

        var result = original(s->OriginalUd, ptr, osize, nsize);
        if (result != IntPtr.Zero)
        {
            s->Current += growth;
            if (growth > 0)
            {
                s->Count++;
                s->Bytes += growth;
            }
        }

        return result;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct State
    {
        public IntPtr OriginalAlloc;
        public IntPtr OriginalUd;
        public long Count;
        public long Bytes;
        public long Current;
        public long Cap;
        public long Refused;
    }
}
