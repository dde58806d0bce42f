namespace BarHarness.World;

/// <summary>
/// BAR's unit types that widgets look up by name (commanders, factories, constructors, scouts, spies,
/// fighters, economy and defence), with the fields widgets read. Names, roles, flags and build menus
/// are BAR's; health, costs, speeds and ranges are representative of BAR's values (rounded), not a
/// copy of its unit files. The world appends them after the generated types: random spawns never use
/// them (a seed's world stays as it was); scenarios spawn them, factories and builders build them.
/// </summary>
public static class BarUnitDefs
{
    /// <summary>Every BAR unit the harness knows, in id order after the generated ones.</summary>
    public static IReadOnlyList<BarUnitFact> All { get; } =
    [
        Commander("armcom", "Armada Commander"),
        Commander("corcom", "Cortex Commander"),
        Commander("legcom", "Legion Commander"),
        Factory("armlab", "Armada Bot Lab", "armck", "armpw", "armflea", "armrock", "armspy"),
        Factory("armvp", "Armada Vehicle Plant", "armcv", "armflash", "armstump"),
        Factory("armap", "Armada Aircraft Plant", "armca", "armfig", "armpeep"),
        Factory("corlab", "Cortex Bot Lab", "corck", "corak", "corstorm", "corspy"),
        Factory("corvp", "Cortex Vehicle Plant", "corcv", "corgator", "corraid"),
        Factory("corap", "Cortex Aircraft Plant", "corca", "corveng", "corfink"),
        Factory("leglab", "Legion Bot Lab", "legck", "leggob"),
        Builder("armck", "Armada Construction Bot", 39, 80, "armsolar", "armmex", "armllt", "armrad", "armlab"),
        Builder("armcv", "Armada Construction Vehicle", 57, 90, "armsolar", "armmex", "armllt", "armrad", "armvp"),
        Builder("armca", "Armada Construction Aircraft", 200, 60, "armsolar", "armmex", "armrad", "armap", fly: true),
        Builder("corck", "Cortex Construction Bot", 36, 80, "corsolar", "cormex", "corllt", "corrad", "corlab"),
        Builder("corcv", "Cortex Construction Vehicle", 54, 90, "corsolar", "cormex", "corllt", "corrad", "corvp"),
        Builder("corca", "Cortex Construction Aircraft", 195, 60, "corsolar", "cormex", "corrad", "corap", fly: true),
        Builder("legck", "Legion Construction Bot", 38, 80, "armsolar", "armmex", "leglab"),
        Combat("armpw", "Pawn", 75, 300, 54, 1),
        Combat("armflea", "Tick", 111, 60, 19, 1),
        Combat("armrock", "Rocko", 48, 700, 120, 1),
        Combat("armflash", "Blitz", 100, 600, 105, 1),
        Combat("armstump", "Stout", 62, 1700, 210, 1),
        Combat("armfig", "Falcon", 300, 190, 80, 1, fly: true),
        Combat("armpeep", "Blink", 380, 100, 30, 0, fly: true),
        Combat("corak", "Grunt", 72, 370, 45, 1),
        Combat("corstorm", "Aggravator", 45, 800, 110, 1),
        Combat("corgator", "Incisor", 93, 700, 130, 1),
        Combat("corraid", "Brute", 60, 2000, 230, 1),
        Combat("corveng", "Valiant", 310, 200, 85, 1, fly: true),
        Combat("corfink", "Finch", 390, 110, 30, 0, fly: true),
        Combat("leggob", "Goblin", 80, 250, 40, 1),
        Spy("armspy", "Ghost"),
        Spy("corspy", "Spectre"),
        Building("armsolar", "Solar Collector", 340, 155, "energy"),
        Building("corsolar", "Solar Collector", 330, 150, "energy"),
        Building("armmex", "Metal Extractor", 175, 50, "metal"),
        Building("cormex", "Metal Extractor", 180, 50, "metal"),
        Building("armllt", "Sentry", 680, 85, "weapon", weapons: 1),
        Building("corllt", "Guard", 700, 85, "weapon", weapons: 1),
        Building("armrad", "Radar Tower", 90, 55, "util", radar: 2100),
        Building("corrad", "Radar Tower", 95, 55, "util", radar: 2100),
        Building("armamd", "Protector", 3300, 1400, "antinuke", stockpile: true),
        Building("corfmd", "Fortress", 3300, 1450, "antinuke", stockpile: true),
    ];

    public static BarUnitFact? ByName(string name) => All.FirstOrDefault(d => d.Name == name);

    private static BarUnitFact Commander(string name, string human)
    {
        var def = Mobile(name, human, "Commander", 3700, 2700, 26000, 75000, 37.5f, builds: true, fly: false, los: 450,
            Params(("iscommander", "1"), ("unitgroup", "builder"), ("techlevel", "1")));
        string[] menu = name.StartsWith("cor", StringComparison.Ordinal)
            ? ["corsolar", "cormex", "corllt", "corrad", "corlab", "corvp", "corap"]
            : name.StartsWith("leg", StringComparison.Ordinal)
                ? ["armsolar", "armmex", "leglab"]
                : ["armsolar", "armmex", "armllt", "armrad", "armlab", "armvp", "armap"];
        return new(
            def with { RadarRadius = 700, BuildSpeed = 300, CanAssist = true, CanManualFire = true, WeaponCount = 2 },
            menu);
    }

    private static BarUnitFact Factory(string name, string human, params string[] builds)
    {
        var def = Static(name, human, "Factory", 2900, 600, 1300, 6500,
            Params(("unitgroup", "builder"), ("techlevel", "1")));
        return new(def with { IsFactory = true, IsBuilder = true, LosRadius = 300, BuildSpeed = 100 }, builds);
    }

    private static BarUnitFact Builder(string name, string human, float speed, float buildSpeed, params string[] menu)
        => Builder(name, human, speed, buildSpeed, menu, fly: false);

    private static BarUnitFact Builder(string name, string human, float speed, float buildSpeed, string a, string b,
        string c, string d, bool fly) => Builder(name, human, speed, buildSpeed, [a, b, c, d], fly);

    private static BarUnitFact Builder(string name, string human, float speed, float buildSpeed, string[] menu,
        bool fly)
    {
        var def = Mobile(name, human, "Constructor", fly ? 160 : 700, fly ? 110 : 120, fly ? 3200 : 1700,
            fly ? 7500 : 3500, speed, builds: true, fly, los: 300,
            Params(("unitgroup", "builder"), ("techlevel", "1")));
        return new(def with { BuildSpeed = buildSpeed, CanAssist = true }, menu);
    }

    private static BarUnitFact Combat(string name, string human, float speed, float health, float metal, int weapons,
        bool fly = false)
    {
        var group = weapons > 0 ? (fly ? "aa" : "weapon") : "util";
        var def = Mobile(name, human, fly ? "Fighter" : "Raider", health, metal, metal * 12, metal * 25, speed,
            builds: false, fly, los: fly ? 700 : 400, Params(("unitgroup", group), ("techlevel", "1")));
        return new(def with { WeaponCount = weapons }, []);
    }

    private static BarUnitFact Spy(string name, string human) => new(
        Mobile(name, human, "Spy", 270, 135, 8000, 14000, 52, builds: false, fly: false, los: 550,
            Params(("unitgroup", "util"), ("techlevel", "2"), ("isspy", "1"))),
        []);

    private static BarUnitFact Building(string name, string human, float health, float metal, string group,
        int weapons = 0, float radar = 0, bool stockpile = false)
    {
        var def = Static(name, human, "Building", health, metal, metal * 10, metal * 20,
            Params(("unitgroup", group), ("techlevel", stockpile ? "2" : "1")));
        return new(
            def with { LosRadius = 260, RadarRadius = radar, WeaponCount = weapons, CanStockpile = stockpile },
            []);
    }

    /// <summary>A unit that moves (BAR's bots, vehicles and aircraft are 25 elmos high, 16 in radius).</summary>
    private static UnitDef Mobile(string name, string human, string role, float health, float metal, float energy,
        float buildTime, float speed, bool builds, bool fly, float los, Dictionary<string, string> customParams) =>
        new(0, name, human, role + " - " + human, health, metal, energy, buildTime, speed, IsBuilding: false,
            IsFactory: false, IsBuilder: builds, CanFly: fly, los, RadarRadius: 0, Height: 25, Radius: 16,
            customParams);

    /// <summary>A building (40 elmos high and in radius); it sees nothing until given a LOS radius.</summary>
    private static UnitDef Static(string name, string human, string role, float health, float metal, float energy,
        float buildTime, Dictionary<string, string> customParams) =>
        new(0, name, human, role + " - " + human, health, metal, energy, buildTime, Speed: 0, IsBuilding: true,
            IsFactory: false, IsBuilder: false, CanFly: false, LosRadius: 0, RadarRadius: 0, Height: 40, Radius: 40,
            customParams);

    private static Dictionary<string, string> Params(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The world's def for a fact, given its id and the ids of all known names.</summary>
    internal static UnitDef ToDef(BarUnitFact f, int id, IReadOnlyDictionary<string, int> idsByName) =>
        f.Def with
        {
            Id = id,
            BuildOptions = f.BuildMenu.Where(idsByName.ContainsKey).Select(n => idsByName[n]).ToArray(),
        };
}

/// <summary>
/// One BAR unit type as the harness models it (see <see cref="BarUnitDefs"/>): its def, whose id and build
/// options the world's catalog fills in, and its build menu by unit name.
/// </summary>
public sealed record BarUnitFact(UnitDef Def, IReadOnlyList<string> BuildMenu)
{
    public string Name => Def.Name;
}
