-- Orders: shows the self-destruct countdown of units told to self-destruct.
function widget:GetInfo()
	return { name = "Corpus SelfD Countdown", desc = "self-destruct timers", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local ticking = {}

function widget:UnitCommand(unitID, unitDefID, unitTeam, cmdID)
	if cmdID == CMD.SELFD then
		ticking[unitID] = true
	end
end

function widget:GameFrame(n)
	for unitID in pairs(ticking) do
		local t = Spring.GetUnitSelfDTime(unitID)
		if t == nil then
			ticking[unitID] = nil
		end
	end
end

function widget:UnitDestroyed(unitID)
	ticking[unitID] = nil
end
