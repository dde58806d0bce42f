-- Units: marks where each allied commander stands and where one died.
function widget:GetInfo()
	return { name = "Corpus Commander Tracker", desc = "commander positions", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local isCommander = {}
for id, def in pairs(UnitDefs) do
	if def.customParams and def.customParams.iscommander then
		isCommander[id] = true
	end
end
local commanders = {}
local graves = {}

function widget:UnitCreated(unitID, unitDefID)
	if isCommander[unitDefID] then
		commanders[unitID] = true
	end
end

function widget:UnitDestroyed(unitID, unitDefID)
	if commanders[unitID] then
		local x, y, z = Spring.GetUnitPosition(unitID)
		graves[#graves + 1] = { x, y, z }
		commanders[unitID] = nil
	end
end

function widget:DrawWorld()
	for unitID in pairs(commanders) do
		local x, y, z = Spring.GetUnitPosition(unitID)
		if x then
			gl.DrawGroundCircle(x, y, z, 60, 16)
		end
	end
end
