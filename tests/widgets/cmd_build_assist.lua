-- Builder: new constructors from a factory are told to guard (assist) it.
function widget:GetInfo()
	return { name = "Corpus Build Assist", desc = "constructors assist their factory", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

function widget:UnitFromFactory(unitID, unitDefID, unitTeam, factID, factDefID, userOrders)
	local def = UnitDefs[unitDefID]
	if def.isBuilder and def.canAssist and unitTeam == Spring.GetMyTeamID() then
		Spring.GiveOrderToUnit(unitID, CMD.GUARD, { factID }, 0)
	end
end
