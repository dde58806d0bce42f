-- Drawing: units that were hit flash red for a moment.
function widget:GetInfo()
	return { name = "Corpus Damage Flash", desc = "hit units flash", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local flashes = {}

function widget:UnitDamaged(unitID, unitDefID, unitTeam, damage, paralyzer)
	flashes[unitID] = 10
end

function widget:UnitDestroyed(unitID)
	flashes[unitID] = nil
end

function widget:DrawWorld()
	for unitID, left in pairs(flashes) do
		local x, y, z = Spring.GetUnitPosition(unitID)
		if x then
			gl.Color(1, 0, 0, left / 10)
			gl.DrawGroundCircle(x, y, z, 40, 12)
		end
		flashes[unitID] = left > 1 and left - 1 or nil
	end
end
