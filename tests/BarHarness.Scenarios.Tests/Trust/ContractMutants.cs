namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>Exporters that break widget/SCHEMA.md's stream contract, each by one exact-once text replacement.</summary>
internal static class ContractMutants
{
    public static readonly Mutation RenamesHealthFields = new(
        "renames-health-fields",
        "livedata/protocol.lua",
        "local FMT_STD_DONE = '%s\"x\":%d,\"y\":%d,\"z\":%d,\"hp\":%d,\"max_hp\":%d,\"bp\":1}'",
        "local FMT_STD_DONE = '%s\"x\":%d,\"y\":%d,\"z\":%d,\"health\":%d,\"maxHealth\":%d,\"bp\":1}'",
        "finished units carry health and maxHealth instead of hp and max_hp");

    public static readonly Mutation StopsExportingAfterThreeSeconds = new(
        "stops-exporting",
        "livedata/exporter.lua",
        "local function export(frame)\n",
        "local function export(frame)\n\t\tif frame > 90 then return end\n",
        "no snapshot or delta after 3 s of game; heartbeats and status go on");

    public static readonly Mutation StampsOldFrames = new(
        "stamps-old-frames",
        "livedata/protocol.lua",
        "return sformat('\"type\":\"%s\",\"frame\":%s', msgType, jint(frame))",
        "return sformat('\"type\":\"%s\",\"frame\":%s', msgType, jint(frame > 600 and frame - 600 or frame))",
        "from 20 s of game on, every message claims to be 600 frames older than it is");

    public static readonly Mutation DiscardsQueuedMessagesSilently = new(
        "discards-queued-messages-silently",
        "livedata/send_queue.lua",
        "\tdropEntry(self, i, how, \"queue_full\")\n\tpurgeAfterDrop(self, i, \"queue_full\")\n",
        "\tremoveAt(self, i)\n",
        "a full queue throws its oldest message away without declaring it or asking for a snapshot");

    public static readonly Mutation ResyncsWithoutSnapshot = new(
        "resyncs-without-snapshot",
        "livedata/send_queue.lua",
        "\tdropEntry(self, i, how, \"queue_full\")\n\tpurgeAfterDrop(self, i, \"queue_full\")\n",
        "\tdropEntry(self, i, how, \"queue_full\")\n",
        "drops are declared, but deltas go on instead of a resync snapshot");

    public static readonly Mutation ReusesOldPositions = new(
        "reuses-old-positions",
        "livedata/unit_tracker.lua",
        "end\n\t\t\tif hp == u.hp and x == u.x and z == u.z and y == u.y and bp == u.bp and mhp == u.mhp\n",
        "end\n\t\t\tif u.x and (u.lag or 0) < 30 then u.lag = (u.lag or 0) + 1; x, y, z = u.x, u.y, u.z "
            + "else u.lag = 0 end\n"
            + "\t\t\tif hp == u.hp and x == u.x and z == u.z and y == u.y and bp == u.bp and mhp == u.mhp\n",
        "positions re-read only every 30th sample; the stale ones go out under current stamps");

    public static readonly Mutation NeverRestoresItsRate = new(
        "never-restores-its-rate",
        "livedata/budget.lua",
        "\tif changed then\n\t\tself.changes = self.changes + 1\n",
        "\tif self.level < (self.peak or 0) then self.level = self.peak end\n\tself.peak = self.level\n"
            + "\tif changed then\n\t\tself.changes = self.changes + 1\n",
        "adapts to overload by reading and exporting less often, and keeps doing so when the load falls");

    public static IEnumerable<Mutation> All =>
    [
        RenamesHealthFields, StopsExportingAfterThreeSeconds, StampsOldFrames, DiscardsQueuedMessagesSilently,
        ResyncsWithoutSnapshot, ReusesOldPositions, NeverRestoresItsRate,
    ];
}
