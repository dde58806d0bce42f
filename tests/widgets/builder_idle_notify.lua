-- Builder: tells the player when a constructor has nothing to do.
function widget:GetInfo()
	return { name = "Corpus Idle Builders", desc = "idle constructor notice", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local myTeam
local idleBuilders = {}
local count = 0

-- The player's team, read again when the player changes (becomes a spectator, takes a team).
function widget:Initialize()
	myTeam = Spring.GetMyTeamID()
end

function widget:PlayerChanged()
	myTeam = Spring.GetMyTeamID()
end

local function isMobileBuilder(unitDefID)
	local def = unitDefID and UnitDefs[unitDefID]
	return def and def.isBuilder and not def.isFactory and def.canMove
end

function widget:UnitIdle(unitID, unitDefID, unitTeam)
	if unitTeam == myTeam and isMobileBuilder(unitDefID) and not idleBuilders[unitID] then
		idleBuilders[unitID] = true
		count = count + 1
	end
end

-- A builder given an order, or gone, is no longer idle.
local function forgetIdle(unitID)
	if idleBuilders[unitID] then
		idleBuilders[unitID] = nil
		count = count - 1
	end
end

function widget:UnitCommand(unitID)
	forgetIdle(unitID)
end

function widget:UnitDestroyed(unitID)
	forgetIdle(unitID)
end

function widget:GameFrame(n)
	if n % 300 == 0 and count > 0 then
		Spring.Echo(count .. " idle builders")
	end
end
