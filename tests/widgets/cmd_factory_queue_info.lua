-- Factory: a command lists each factory's build queue (/factoryqueue) via an action.
function widget:GetInfo()
	return { name = "Corpus Factory Queue", desc = "factory queue listing", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local factories = {}

local function list()
	for factID in pairs(factories) do
		local n = Spring.GetFactoryCommands(factID, 0)
		Spring.Echo("factory " .. factID .. ": " .. tostring(n) .. " queued")
	end
	return true
end

function widget:Initialize()
	widgetHandler:AddAction("factoryqueue", list, nil, "t")
end

function widget:UnitFinished(unitID, unitDefID, unitTeam)
	if UnitDefs[unitDefID].isFactory then
		factories[unitID] = true
	end
end

function widget:UnitDestroyed(unitID)
	factories[unitID] = nil
end
