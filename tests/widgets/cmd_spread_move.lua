-- Orders: a move order given to several selected units is spread into a line around the target.
function widget:GetInfo()
	return { name = "Corpus Spread Move", desc = "spreads move orders of a selection", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local spGetSelectedUnits = Spring.GetSelectedUnits
local spGiveOrderToUnit = Spring.GiveOrderToUnit
local CMD_MOVE = CMD.MOVE
local spreading = false
local issued, done, idle = 0, 0, 0

function widget:CommandNotify(cmdID, params, options)
	if cmdID ~= CMD_MOVE or spreading or #params < 3 then
		return false
	end
	local units = spGetSelectedUnits()
	if #units < 2 then
		return false
	end
	spreading = true
	for i = 1, #units do
		local offset = (i - (#units + 1) / 2) * 40
		spGiveOrderToUnit(units[i], CMD_MOVE, { params[1] + offset, params[2], params[3] }, options.coded)
	end
	spreading = false
	return true
end

function widget:UnitCommand(unitID, unitDefID, unitTeam, cmdID, cmdParams, cmdOpts, cmdTag)
	if cmdID == CMD_MOVE then
		issued = issued + 1
		assert(type(cmdParams) == "table" and type(cmdOpts) == "table" and type(cmdTag) == "number")
	end
end

function widget:UnitCmdDone(unitID, unitDefID, unitTeam, cmdID, cmdTag, cmdParams, cmdOpts)
	done = done + 1
	assert(type(cmdOpts.coded) == "number")
end

function widget:UnitIdle(unitID, unitDefID, unitTeam)
	idle = idle + 1
end

function widget:Shutdown()
	Spring.Echo("spread move: issued " .. issued .. ", done " .. done .. ", idle " .. idle)
end
