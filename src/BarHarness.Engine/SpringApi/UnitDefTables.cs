namespace BarHarness.Engine.SpringApi;

/// <summary>The fields of each unit def as Lua sees them (the glue wraps them in read-only proxies).</summary>
internal static class UnitDefTables
{
    public static List<Dictionary<string, object?>> Describe(UnitDefCatalog defs) =>
        defs.All.Select(d => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = d.Id,
            ["name"] = d.Name,
            ["humanName"] = d.HumanName,
            ["translatedHumanName"] = d.HumanName,
            ["tooltip"] = d.Tooltip,
            ["translatedTooltip"] = d.Tooltip,
            ["health"] = d.Health,
            ["metalCost"] = d.MetalCost,
            ["energyCost"] = d.EnergyCost,
            ["buildTime"] = d.BuildTime,
            ["speed"] = d.Speed,
            ["isBuilding"] = d.IsBuilding,
            ["isFactory"] = d.IsFactory,
            ["isBuilder"] = d.IsBuilder,
            ["isMobileBuilder"] = d.IsBuilder && d.IsMobile,
            ["isStaticBuilder"] = d.IsBuilder && !d.IsMobile,
            ["isImmobile"] = !d.IsMobile,
            ["canMove"] = d.IsMobile,
            ["canFly"] = d.CanFly,
            ["isAirUnit"] = d.CanFly,
            ["isGroundUnit"] = d.IsMobile && !d.CanFly,
            ["losRadius"] = d.LosRadius,
            ["radarRadius"] = d.RadarRadius,
            ["height"] = d.Height,
            ["radius"] = d.Radius,
            ["xsize"] = d.IsBuilding ? 4 : 2,
            ["zsize"] = d.IsBuilding ? 4 : 2,
            ["mass"] = d.MetalCost,
            ["weapons"] = Enumerable.Range(1, d.WeaponCount)
                .Select(i => (object)new Dictionary<string, object?> { ["weaponDef"] = i, ["slavedTo"] = 0 }).ToList(),
            ["buildOptions"] = d.BuildOptions.Cast<object>().ToList(),
            ["buildSpeed"] = d.BuildSpeed,
            ["canAssist"] = d.CanAssist,
            ["canManualFire"] = d.CanManualFire,
            ["canStockpile"] = d.CanStockpile,
            ["canRepair"] = d.IsBuilder,
            ["canReclaim"] = d.IsBuilder && d.IsMobile,
            ["canAttack"] = d.WeaponCount > 0,
            ["canSelfD"] = true,
            ["canCloak"] = d.CanCloak,
            ["selfDCountdown"] = d.SelfDestructCountdown,
            ["isTransport"] = false,
            ["customParams"] = d.CustomParams.ToDictionary(kv => kv.Key, kv => (object?)kv.Value),
        }).ToList();
}
