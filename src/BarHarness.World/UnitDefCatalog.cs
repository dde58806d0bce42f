using Bogus;

namespace BarHarness.World;

/// <summary>
/// The game's unit types, generated with Bogus from a seeded stream so that a seed always yields
/// the same catalogue. Ids start at 1 as in Recoil (UnitDefs has no entry 0).
/// </summary>
public sealed class UnitDefCatalog
{
    private static readonly string[] Factions = ["arm", "cor", "leg"];
    private static readonly string[] Roles = ["Constructor", "Tank", "Bot", "Fighter", "Bomber", "Radar Tower",
        "Factory", "Solar Collector", "Metal Extractor", "Turret"];

    private readonly UnitDef[] _byId; // index = id; slot 0 unused
    private readonly Dictionary<string, UnitDef> _byName;

    private UnitDefCatalog(UnitDef[] byId, int generatedCount)
    {
        _byId = byId;
        GeneratedCount = generatedCount;
        _byName = byId.Skip(1).ToDictionary(d => d.Name, StringComparer.Ordinal);
        All = byId.Skip(1).ToArray();
    }

    public IReadOnlyList<UnitDef> All { get; }

    public int Count => All.Count;

    /// <summary>The generated types (ids 1..GeneratedCount), the ones random spawns draw from; BAR's follow.</summary>
    public int GeneratedCount { get; }

    public UnitDef this[int id] => _byId[id];

    public bool IsValid(int id) => id >= 1 && id < _byId.Length;

    public bool TryGet(int id, out UnitDef def)
    {
        def = IsValid(id) ? _byId[id] : null!;
        return def is not null;
    }

    public UnitDef? ByName(string name) => _byName.GetValueOrDefault(name);

    public static UnitDefCatalog Generate(SeededRandom random, int count)
    {
        var faker = new Faker("en") { Random = new Randomizer((int)(random.NextUInt64() & 0x7FFFFFFF)) };
        var defs = new UnitDef[count + 1 + BarUnitDefs.All.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var id = 1; id <= count; id++)
        {
            // Guarantee at least one of each kind the world needs: a factory, a builder, a radar, a flyer.
            var role = id <= Roles.Length ? Roles[id - 1] : faker.PickRandom(Roles);
            var faction = faker.PickRandom(Factions);
            var noun = new string(faker.Hacker.Noun().Where(char.IsLetter).ToArray()).ToLowerInvariant();
            var name = faction + (noun.Length > 6 ? noun[..6] : noun);
            while (!used.Add(name))
            {
                name += faker.Random.AlphaNumeric(1);
            }

            var isBuilding = role is "Radar Tower" or "Factory" or "Solar Collector" or "Metal Extractor" or "Turret";
            var canFly = role is "Fighter" or "Bomber";
            var isFactory = role == "Factory";
            var isBuilder = role is "Constructor" or "Factory";
            var health = MathF.Round(faker.Random.Float(isBuilding ? 800 : 150, isBuilding ? 6000 : 4000));
            var metal = MathF.Round(faker.Random.Float(15, isFactory ? 900 : 600));
            var custom = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["techlevel"] = faker.Random.Int(1, 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["unitgroup"] = role.ToLowerInvariant().Replace(' ', '_'),
            };
            if (faker.Random.Bool(0.3f))
            {
                custom["model_author"] = faker.Name.FirstName();
            }

            defs[id] = new UnitDef(
                Id: id,
                Name: name,
                HumanName: $"{faker.Commerce.ProductAdjective()} {role}",
                Tooltip: faker.Hacker.Phrase(),
                Health: health,
                MetalCost: metal,
                EnergyCost: MathF.Round(metal * faker.Random.Float(5, 20)),
                BuildTime: MathF.Round(metal * faker.Random.Float(15, 40)),
                Speed: isBuilding ? 0f : MathF.Round(faker.Random.Float(canFly ? 150 : 30, canFly ? 360 : 110)),
                IsBuilding: isBuilding,
                IsFactory: isFactory,
                IsBuilder: isBuilder,
                CanFly: canFly,
                LosRadius: MathF.Round(faker.Random.Float(250, 700)),
                RadarRadius: role == "Radar Tower" ? 2100f : (faker.Random.Bool(0.1f) ? 1200f : 0f),
                Height: MathF.Round(faker.Random.Float(12, 60)),
                Radius: MathF.Round(faker.Random.Float(10, 48)),
                CustomParams: custom);
        }

        var idsByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < BarUnitDefs.All.Count; i++)
        {
            idsByName[BarUnitDefs.All[i].Name] = count + 1 + i;
        }

        for (var i = 0; i < BarUnitDefs.All.Count; i++)
        {
            var fact = BarUnitDefs.All[i];
            if (!used.Add(fact.Name))
            {
                // A generated name that happens to equal a BAR name yields to BAR's unit.
                var clash = Array.FindIndex(defs, d => d is not null && d.Name == fact.Name);
                defs[clash] = defs[clash] with { Name = fact.Name + "_gen" };
            }

            defs[count + 1 + i] = BarUnitDefs.ToDef(fact, count + 1 + i, idsByName);
        }

        return new UnitDefCatalog(defs, count);
    }
}
