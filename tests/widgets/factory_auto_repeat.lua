-- Factory: a new factory gets repeat on; units leaving it are counted per factory.
function widget:GetInfo()
	return { name = "Corpus Factory Repeat", desc = "repeat on for new factories", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local myTeam = Spring.GetMyTeamID()
local isFactory = {}
for id, def in pairs(UnitDefs) do
	if def.isFactory then
		isFactory[id] = true
	end
end
local produced = {}

function widget:UnitFinished(unitID, unitDefID, unitTeam)
	if unitTeam == myTeam and isFactory[unitDefID] then
		Spring.GiveOrderToUnit(unitID, CMD.REPEAT, { 1 }, 0)
	end
end

function widget:UnitCreated(unitID, unitDefID, unitTeam, builderID)
	if builderID and produced[builderID] == nil and isFactory[Spring.GetUnitDefID(builderID) or -1] then
		produced[builderID] = 0
	end
end

function widget:UnitFromFactory(unitID, unitDefID, unitTeam, factID, factDefID, userOrders)
	produced[factID] = (produced[factID] or 0) + 1
	local queue = Spring.GetFactoryCommands(factID, -1) or {}
	assert(type(queue) == "table")
	assert(isFactory[factDefID], "factDefID is a factory")
end
