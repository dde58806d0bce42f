-- Debug: logs every call-in it receives with its argument count (the call-in logger BAR keeps for debugging).
function widget:GetInfo()
	return { name = "Corpus Callin Logger", desc = "logs call-ins", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = -10, enabled = true }
end

local counts = {}
local function log(name, ...)
	counts[name] = (counts[name] or 0) + 1
	return select("#", ...)
end

function widget:GamePreload() log("GamePreload") end
function widget:GameStart() log("GameStart") end
function widget:GameFrame(n) log("GameFrame", n) end
function widget:GamePaused(playerID, paused) assert(type(paused) == "boolean") log("GamePaused") end
function widget:GameOver() log("GameOver") end
function widget:PlayerChanged(playerID) assert(type(playerID) == "number") log("PlayerChanged") end
function widget:UnitCreated(u, d, t, b) assert(UnitDefs[d]) log("UnitCreated") end
function widget:UnitFinished(u, d, t) log("UnitFinished") end
function widget:UnitDestroyed(u, d, t, a, ad, at)
	local x = Spring.GetUnitPosition(u)
	assert(x ~= nil, "a dying unit is readable in UnitDestroyed")
	log("UnitDestroyed")
end
function widget:UnitDamaged(u, d, t, damage, paralyzer) assert(damage > 0) log("UnitDamaged") end
function widget:UnitGiven(u, d, newTeam, oldTeam) log("UnitGiven") end
function widget:UnitTaken(u, d, oldTeam, newTeam) log("UnitTaken") end
function widget:UnitIdle(u, d, t) log("UnitIdle") end
function widget:UnitCommand(u, d, t, cmd, params, opts, tag) log("UnitCommand") end
function widget:UnitCmdDone(u, d, t, cmd, tag, params, opts) log("UnitCmdDone") end
function widget:UnitFromFactory(u, d, t, f, fd, userOrders) log("UnitFromFactory") end
function widget:UnitEnteredLos(u, t) log("UnitEnteredLos") end
function widget:UnitLeftLos(u, t) log("UnitLeftLos") end
function widget:TextCommand(command) log("TextCommand") return false end
function widget:KeyPress(key, mods, isRepeat) assert(type(mods) == "table") log("KeyPress") return false end
function widget:KeyRelease(key, mods) log("KeyRelease") return false end
function widget:TextInput(utf8char) log("TextInput") return false end
function widget:MouseWheel(up, value) log("MouseWheel") return false end
function widget:ViewResize(vsx, vsy) log("ViewResize") end
function widget:CommandsChanged() log("CommandsChanged") end
function widget:CommandNotify(cmdID, params, options) log("CommandNotify") return false end
function widget:DrawWorld() log("DrawWorld") end
function widget:DrawWorldPreUnit() log("DrawWorldPreUnit") end
function widget:DrawScreenEffects(vsx, vsy) log("DrawScreenEffects") end
function widget:DrawInMiniMap(sx, sy) log("DrawInMiniMap") end
function widget:Update(dt) log("Update") end

function widget:Shutdown()
	local names = {}
	for name, n in pairs(counts) do
		names[#names + 1] = name .. "=" .. n
	end
	table.sort(names)
	Spring.Echo("call-ins: " .. table.concat(names, " "))
end
