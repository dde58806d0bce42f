namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// The mutants: each one deliberate defect in a copy of the bundled widget (see tests/mutants/README.md).
/// Every Find text must occur exactly once in its file, so a widget change that moves the code breaks
/// the mutant loudly instead of silently testing nothing.
/// </summary>
internal static class MutantCatalogue
{
    public static readonly Mutation BlocksOnConnect = new(
        "blocks-on-connect",
        "livedata/connection.lua",
        "sock:settimeout(0)",
        "sock:settimeout(nil)",
        "connect with no timeout: a blocking connect");

    public static readonly Mutation ForgetsSnapshotAfterReconnect = new(
        "forgets-snapshot-after-reconnect",
        "livedata/exporter.lua",
        "\t\tenqueueSnapshot(shared.frame, \"connect\")\n",
        "\t\tqueue.needSnapshot = false\n",
        "a new connection gets hello, then deltas: no snapshot, and the resync flag cleared");

    public static readonly Mutation DropsMessageUndeclared = new(
        "drops-message-undeclared",
        "livedata/connection.lua",
        "\tself.seq = protocol.nextSeq(self.seq)\n",
        "\tself.seq = protocol.nextSeq(self.seq)\n"
            + "\tif self.seq % 17 == 5 then self.seq = protocol.nextSeq(self.seq) end\n",
        "every 17th sequence number is lost without a 'dropped' declaration");

    public static readonly Mutation LeaksInvisibleEnemy = new(
        "leaks-invisible-enemy",
        "livedata/unit_tracker.lua",
        "sampleStandard(u)\n\t\t\tlocal id = u.id\n\t\t\tlocal hp, mhp, _, _, bp = spGetUnitHealth(id)\n"
            + "\t\t\tif hp == nil then\n"
            + "\t\t\t\treturn forget(u, \"left_los\") -- died mid-frame, or no longer in LOS\n",
        "sampleStandard(u)\n\t\t\tlocal id = u.id\n\t\t\tlocal hp, mhp, _, _, bp = spGetUnitHealth(id)\n"
            + "\t\t\tif hp == nil then\n"
            + "\t\t\t\thp, mhp, bp = 0 / 0, 0 / 0, 0 / 0 -- no health taken as missing data, not as 'out of LOS'\n",
        "GetUnitHealth's empty answer (out of LOS) read as missing data: radar blips are exported with their position");

    public static readonly Mutation LeaksTablePerFrame = new(
        "leaks-table-per-frame",
        "export_livedata.lua",
        "\tspentMs = 0\n\tif type(n) == \"number\" then",
        "\tspentMs = 0\n\tmutantHoard = mutantHoard or {}\n\tlocal kept = {}\n\tfor i = 1, 256 do kept[i] = i end\n"
            + "\tmutantHoard[#mutantHoard + 1] = kept\n\tif type(n) == \"number\" then",
        "keeps a 256-slot table every game frame, forever");

    public static readonly Mutation BusyLoopsUnderLoad = new(
        "busy-loops-under-load",
        "livedata/world.lua",
        "\t\tlocal total = tracker.count()\n",
        "\t\tlocal total = tracker.count()\n\t\tif total > 50 then\n\t\t\tlocal spin = 0\n"
            + "\t\t\tfor i = 1, total * total * 64 do spin = spin + i end\n\t\tend\n",
        "an O(n^2) loop once more than 50 units are tracked");

    public static readonly Mutation SpamsConsole = new(
        "spams-console",
        "export_livedata.lua",
        "\tspentMs = 0\n\tif type(n) == \"number\" then",
        "\tspentMs = 0\n\tSpring.Echo(\"[LiveData] frame \" .. tostring(n))\n\tif type(n) == \"number\" then",
        "Spring.Echo every game frame");

    public static readonly Mutation EscapesWithPercentQ = new(
        "escapes-with-percent-q",
        "livedata/json.lua",
        "local encoded = '\"' .. body .. '\"'",
        "local encoded = string.format(\"%q\", s)",
        "JSON strings escaped with Lua's %q");

    public static readonly Mutation ResumesPartialSendAtWrongByte = new(
        "resumes-partial-send-at-wrong-byte",
        "livedata/connection.lua",
        "self.wirePos = reached + 1",
        "self.wirePos = reached + 2",
        "after a send, resumes one byte too far (a partial send loses a byte)");

    public static readonly Mutation SwapsHealthReturns = new(
        "swaps-health-returns",
        "livedata/unit_tracker.lua",
        "sampleStandard(u)\n\t\t\tlocal id = u.id\n\t\t\tlocal hp, mhp, _, _, bp = spGetUnitHealth(id)",
        "sampleStandard(u)\n\t\t\tlocal id = u.id\n\t\t\tlocal mhp, hp, _, _, bp = spGetUnitHealth(id)",
        "reads GetUnitHealth's first value as max health and the second as health");

    public static readonly Mutation HogsCpuInCLibrary = new(
        "hogs-cpu-in-c-library",
        "export_livedata.lua",
        "\tspentMs = 0\n\tif type(n) == \"number\" then",
        "\tspentMs = 0\n\tmutantText = mutantText or string.rep(\"a\", 1400)\n"
            + "\tfor _ = 1, 4 do string.find(mutantText, \".-b\") end\n"
            + "\tif not mutantNumbers then mutantNumbers = {} "
            + "for i = 1, 20000 do mutantNumbers[i] = (i * 7919) % 20011 end end\n"
            + "\ttable.sort(mutantNumbers)\n\tif type(n) == \"number\" then",
        "10+ ms a frame inside C library functions (a lazy string.find, a 20k table.sort): few Lua instructions");

    public static readonly Mutation CollectsGarbageEveryFrame = new(
        "collects-garbage-every-frame",
        "export_livedata.lua",
        "\tspentMs = 0\n\tif type(n) == \"number\" then",
        "\tspentMs = 0\n\tif not mutantHeap then mutantHeap = {} for i = 1, 400000 do mutantHeap[i] = { i } end end\n"
            + "\tcollectgarbage(\"collect\")\n\tif type(n) == \"number\" then",
        "GC-heavy frames: a full collection of a 400k-table heap every game frame");

    /// <summary>The mutant of that name, among these and the <see cref="ContractMutants"/>.</summary>
    public static Mutation Named(string name) => All.Concat(ContractMutants.All).Single(m => m.Name == name);

    public static IEnumerable<Mutation> All =>
    [
        BlocksOnConnect, ForgetsSnapshotAfterReconnect, DropsMessageUndeclared, LeaksInvisibleEnemy, LeaksTablePerFrame,
        BusyLoopsUnderLoad, SpamsConsole, EscapesWithPercentQ, ResumesPartialSendAtWrongByte, SwapsHealthReturns,
        HogsCpuInCLibrary, CollectsGarbageEveryFrame,
    ];
}
