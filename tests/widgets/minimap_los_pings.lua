-- Minimap: enemies that enter LOS or radar are pinged on the minimap for a few seconds.
function widget:GetInfo()
	return { name = "Corpus Minimap Pings", desc = "LOS pings", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local pings = {}

function widget:UnitEnteredLos(unitID, unitTeam)
	pings[unitID] = Spring.GetGameFrame() + 90
end

function widget:UnitEnteredRadar(unitID, unitTeam)
	pings[unitID] = Spring.GetGameFrame() + 45
end

function widget:UnitLeftLos(unitID)
	pings[unitID] = nil
end

function widget:DrawInMiniMap(sx, sy)
	local frame = Spring.GetGameFrame()
	for unitID, untilFrame in pairs(pings) do
		if untilFrame < frame then
			pings[unitID] = nil
		else
			local x, _, z = Spring.GetUnitPosition(unitID)
			if x then
				gl.Rect(x / Game.mapSizeX * sx - 2, z / Game.mapSizeZ * sy - 2, x / Game.mapSizeX * sx + 2,
					z / Game.mapSizeZ * sy + 2)
			end
		end
	end
end
