-- A widget handler that loads and drives one or more widgets the way BAR's luaui/barwidgets.lua does:
-- the chunk runs in a per-widget environment (the widget table, __index = System); a chunk returning
-- false is dropped; GetInfo is read first; SetConfigData before Initialize; every call-in protected,
-- an error removes the widget (except in Shutdown); GetConfigData collected on removal and shutdown.
-- Events go to the host through H.event(kind, widgetName, callIn, message, traceback).
local H = ...
local System = H.System
local traceback = H.traceback
local event = H.event
local xpcall, pcall, type, pairs, rawget, setmetatable, load = xpcall, pcall, type, pairs, rawget, setmetatable, load

local WG = {}
local widgets = {}        -- name -> widget
local order = {}          -- load order
local savedConfig = {}    -- name -> config table (deep copy, as BAR serialises it)
local actions = {}        -- command -> { func, data, types, widget }
local removing = {}
local fired = setmetatable({}, { __mode = "k" }) -- widget -> { callIn = true }, what the handler delivered
local known = {}          -- name -> the widget last loaded under it (kept after removal, for reports)
-- Who holds the mouse and text input, the view size and the hour timer: shared with SpecialCallIns.lua.
local focus = { mouseOwner = nil, textOwner = nil, viewSizeX = 1, viewSizeY = 1, hourTimer = 0 }

H.WG = WG
H.widgets = widgets
-- What the engine side offers for WG before any widget runs (the BAR stand-ins, when installed).
for k, v in pairs(H.barWG or {}) do
	WG[k] = v
end

-- The call-ins BAR's handler (luaui/barwidgets.lua) keeps lists for; a widget function with one of
-- these names is a call-in. MouseMove and MouseRelease go to the mouse owner only.
local callInNames = {
	"FontsChanged", "GamePreload", "GameStart", "Shutdown", "Update", "TextCommand", "CommandNotify",
	"AddConsoleLine", "ViewResize", "DrawScreen", "KeyPress", "KeyRelease", "TextInput", "MousePress",
	"MouseWheel", "ControllerAdded", "ControllerRemoved", "ControllerConnected", "ControllerDisconnected",
	"ControllerRemapped", "ControllerButtonUp", "ControllerButtonDown", "ControllerAxisMotion", "IsAbove",
	"GetTooltip", "GroupChanged", "GameProgress", "CommandsChanged", "LanguageChanged", "VisibleUnitAdded",
	"VisibleUnitRemoved", "VisibleUnitsChanged", "AlliedUnitAdded", "AlliedUnitRemoved", "AlliedUnitsChanged",
	"UnitSale", "UnitSold", "VisibleExplosion", "Barrelfire", "CrashingAircraft", "ClearMapMarks",
	"GameOver", "GameFrame", "GameSetup", "GamePaused", "TeamDied", "TeamChanged", "PlayerAdded",
	"PlayerRemoved", "PlayerChanged", "ShockFront", "WorldTooltip", "MapDrawCmd", "ActiveCommandChanged",
	"DefaultCommand", "UnitCreated", "UnitFinished", "UnitFromFactory", "UnitDestroyed", "UnitDestroyedByTeam",
	"RenderUnitDestroyed", "UnitExperience", "UnitTaken", "UnitGiven", "UnitIdle", "UnitCommand", "UnitCmdDone",
	"UnitDamaged", "UnitEnteredRadar", "UnitEnteredLos", "UnitLeftRadar", "UnitLeftLos", "UnitEnteredWater",
	"UnitEnteredAir", "UnitLeftWater", "UnitLeftAir", "UnitSeismicPing", "UnitLoaded", "UnitUnloaded",
	"UnitCloaked", "UnitDecloaked", "UnitMoveFailed", "MetaUnitAdded", "MetaUnitRemoved", "RecvLuaMsg",
	"StockpileChanged", "SelectionChanged", "DrawGenesis", "DrawGroundDeferred", "DrawWorld", "DrawWorldPreUnit",
	"DrawPreDecals", "DrawWorldPreParticles", "DrawWorldShadow", "DrawWorldReflection", "DrawWorldRefraction",
	"DrawUnitsPostDeferred", "DrawFeaturesPostDeferred", "DrawScreenEffects", "DrawScreenPost", "DrawInMiniMap",
	"DrawOpaqueUnitsLua", "DrawOpaqueFeaturesLua", "DrawAlphaUnitsLua", "DrawAlphaFeaturesLua",
	"DrawShadowUnitsLua", "DrawShadowFeaturesLua", "SunChanged", "FeatureCreated", "FeatureDestroyed",
	"UnsyncedHeightMapUpdate", "MouseMove", "MouseRelease", "Initialize",
}
local isCallIn = {}
local lists = {}          -- call-in name -> widgets defining it, in layer order (as BAR's <name>List)
local listening = {}      -- call-in name -> true while some widget is filed under it (read by the host)
H.listening = listening
for i = 1, #callInNames do
	isCallIn[callInNames[i]] = true
	lists[callInNames[i]] = {}
end

-- Takes every entry of a widget out of a list.
local function removeFrom(list, widget)
	for i = #list, 1, -1 do
		if list[i] == widget then
			table.remove(list, i)
		end
	end
end

-- Inserts a widget after those of its layer or a lower one already listed, as BAR orders its lists.
local function insertByLayer(list, widget)
	local at = 1
	for i = 1, #list do
		if widget.whInfo.layer >= list[i].whInfo.layer then
			at = i + 1
		end
	end
	table.insert(list, at, widget)
end

-- Takes a widget out of one call-in's list, as BAR's RemoveWidgetCallIn does; false for an unknown name.
local function removeCallIn(widget, name)
	local list = lists[name]
	if not list then
		return false
	end
	removeFrom(list, widget)
	listening[name] = list[1] ~= nil or nil
	return true
end

-- Puts a widget into (or takes it out of) one call-in's list, as BAR's UpdateWidgetCallIn does.
local function updateCallIn(widget, name)
	if not removeCallIn(widget, name) then
		return false
	end
	if type(rawget(widget, name)) == "function" then
		insertByLayer(lists[name], widget)
		listening[name] = true
	end
	return true
end

local function dropFromLists(widget)
	for name in pairs(lists) do
		removeCallIn(widget, name)
	end
end
H.callInNames = callInNames

-- Call-ins BAR's handler walks from the last widget to the first (drawing order and a few others).
local reversed = {
	TextInput = true, DefaultCommand = true, SunChanged = true, FontsChanged = true,
	UnsyncedHeightMapUpdate = true,
}
for i = 1, #callInNames do
	if callInNames[i]:sub(1, 4) == "Draw" then
		reversed[callInNames[i]] = true
	end
end

-- Call-ins where the first widget answering true takes the event and the rest never see it.
local firstTrueWins = {
	TextCommand = true, CommandNotify = true, KeyPress = true, KeyRelease = true, MouseWheel = true, TextInput = true,
	ControllerAdded = true, ControllerRemoved = true, ControllerConnected = true, ControllerDisconnected = true,
	ControllerRemapped = true, ControllerButtonUp = true, ControllerButtonDown = true,
	ControllerAxisMotion = true, IsAbove = true,
}

-- Call-ins BAR's handler follows with another on the same arguments (unitID, unitDefID, unitTeam).
local metaBefore = { UnitCreated = "MetaUnitAdded", UnitGiven = "MetaUnitAdded",
	UnitDestroyed = "MetaUnitRemoved", UnitTaken = "MetaUnitRemoved" }

local function copyConfig(value, depth, seen)
	-- BAR writes config data to LuaUI/Config/<game>.lua: only strings, numbers, booleans and tables survive
	local t = type(value)
	if t == "string" or t == "number" or t == "boolean" then
		return value
	end
	if t ~= "table" or depth > 32 or seen[value] then
		return nil
	end
	seen[value] = true
	local out = {}
	for k, v in pairs(value) do
		local kt = type(k)
		if kt == "string" or kt == "number" then
			local c = copyConfig(v, depth + 1, seen)
			if c ~= nil then
				out[k] = c
			end
		end
	end
	seen[value] = nil
	return out
end

local function nameOf(widget)
	return rawget(widget, "whInfo") and widget.whInfo.name or "?"
end

local function collectConfig(widget)
	local f = rawget(widget, "GetConfigData")
	if f then
		local ok, data = xpcall(f, traceback, widget)
		if ok then
			savedConfig[nameOf(widget)] = copyConfig(data, 0, {})
		else
			event("error", nameOf(widget), "GetConfigData", data)
		end
	end
end

-- Records that the handler delivered a call-in to a widget (for callInReport and the removal note).
local function markFired(widget, callIn)
	local firedBy = fired[widget]
	if not firedBy then
		firedBy = {}
		fired[widget] = firedBy
	end
	firedBy[callIn] = true
end

-- Calls a widget's own start or end call-in (Initialize, Shutdown) once: marked as delivered,
-- protected, an error reported. Returns true, or false and the error.
local function callOwn(widget, callIn, f)
	markFired(widget, callIn)
	local ok, err = xpcall(f, traceback, widget)
	if not ok then
		event("error", nameOf(widget), callIn, err)
	end
	return ok, err
end

local function removeWidget(widget, reason)
	local name = nameOf(widget)
	if widgets[name] ~= widget or removing[widget] then
		return
	end
	removing[widget] = true
	collectConfig(widget)
	local shutdown = rawget(widget, "Shutdown")
	if shutdown then
		callOwn(widget, "Shutdown", shutdown)
	end
	for cmd, a in pairs(actions) do
		if a.widget == widget then
			actions[cmd] = nil
		end
	end
	widgets[name] = nil
	dropFromLists(widget)
	if focus.mouseOwner == widget then
		focus.mouseOwner = nil
	end
	if focus.textOwner == widget then
		focus.textOwner = nil
	end
	removeFrom(order, widget)
	removing[widget] = nil
	local never = {}
	local got = fired[widget] or {}
	for k, v in pairs(widget) do
		if isCallIn[k] and type(v) == "function" and not got[k] then
			never[#never + 1] = k
		end
	end
	table.sort(never)
	local note = nil
	if never[1] then
		note = (reason or "removed") .. "; call-ins it defines but never received: " .. table.concat(never, ", ")
	end
	event("removed", name, reason or "removed", note)
end

-- The widgetHandler table each widget gets: HandlerProxy.lua, given what it shares with this file.
H.handlerShared = {
	widgets = widgets, actions = actions, lists = lists, focus = focus, WG = WG, nameOf = nameOf,
	updateCallIn = updateCallIn, removeCallIn = removeCallIn, removeWidget = removeWidget,
}
local handlerProxy = assert((loadstring or load)(H.handlerProxySource, "=(barharness handlerproxy)"))(H)
H.handlerProxySource, H.handlerShared = nil, nil

-- Returns status, detail: "loaded", name | "dropped", nil | "error", message
function H.load(code, chunkName, configOverride)
	local widget = setmetatable({}, { __index = System })
	widget.widget = widget
	widget.WG = WG
	widget.widgetHandler = handlerProxy(widget)
	widget.include = function(f)
		return System.VFS and System.VFS.Include and System.VFS.Include("LuaUI/Headers/" .. f, widget) or nil
	end

	local chunk, err = load(code, chunkName, "t", widget)
	if not chunk then
		return "error", err, "syntax"
	end
	local ok, result = xpcall(chunk, traceback)
	if not ok then
		return "error", result, "chunk"
	end
	if result == false then
		return "dropped", nil
	end
	local getInfo = rawget(widget, "GetInfo")
	if type(getInfo) ~= "function" then
		return "error", "Missing GetInfo()", "GetInfo"
	end
	local okInfo, info = xpcall(getInfo, traceback, widget)
	if not okInfo then
		return "error", info, "GetInfo"
	end
	if type(info) ~= "table" then
		return "error", "GetInfo() did not return a table", "GetInfo"
	end
	local name = info.name or chunkName
	widget.whInfo = { name = name, layer = info.layer or 0, enabled = info.enabled, handler = info.handler,
		desc = info.desc or "", author = info.author or "", basename = chunkName:match("[^/]*$"),
		filename = chunkName }
	if widgets[name] then
		return "error", "widget name already in use: " .. tostring(name), "GetInfo"
	end
	if rawget(widget, "GetTooltip") and not rawget(widget, "IsAbove") then
		return "error", "Widget has GetTooltip() but not IsAbove()", "GetInfo"
	end
	widgets[name] = widget
	known[name] = widget
	-- BAR keeps widgets ordered by layer; a widget goes after those of its layer already loaded
	insertByLayer(order, widget)
	-- BAR files the widget under every call-in it defines before Initialize runs
	for i = 1, #callInNames do
		updateCallIn(widget, callInNames[i])
	end

	local config = configOverride
	if config == nil then
		config = savedConfig[name]
	end
	local setConfig = rawget(widget, "SetConfigData")
	if setConfig and config ~= nil then
		local okSet, e = xpcall(setConfig, traceback, widget, copyConfig(config, 0, {}))
		if not okSet then
			event("error", name, "SetConfigData", e)
			removeWidget(widget, "error")
			return "error", e, "SetConfigData"
		end
	end
	local init = rawget(widget, "Initialize")
	if init then
		local okInit, e = callOwn(widget, "Initialize", init)
		if not okInit then
			removeWidget(widget, "error")
			return "error", e, "Initialize"
		end
	end
	if widgets[name] ~= widget then
		return "removed", name
	end
	return "loaded", name
end

-- One widget's call-in, protected: an error removes the widget (except in Shutdown). Returns ok, r1, r2.
local function deliver(widget, f, name, ...)
	markFired(widget, name)
	local ok, r1, r2 = xpcall(f, traceback, widget, ...)
	if not ok then
		event("error", nameOf(widget), name, r1)
		if name ~= "Shutdown" then
			removeWidget(widget, "error")
		end
		return false
	end
	return true, r1, r2
end

-- Calls a call-in on the widgets that define it, in BAR's order (reverse for drawing), stopping at
-- the first widget that takes the event where BAR's handler does. Returns the number of widgets called
-- and what the handler would hand back to the engine.
local function dispatch(name, ...)
	local list = lists[name]
	if list == nil or list[1] == nil then
		return 0
	end
	local n = 0
	local count = #list
	local step, first, last = 1, 1, count
	if reversed[name] then
		step, first, last = -1, count, 1
	end
	for i = first, last, step do
		local widget = list[i]
		local f = widget and rawget(widget, name)
		if f then
			n = n + 1
			local ok, r1, r2 = deliver(widget, f, name, ...)
			if ok then
				if firstTrueWins[name] and r1 then
					return n, true
				elseif name == "DefaultCommand" and type(r1) == "number" then
					return n, r1
				elseif name == "WorldTooltip" and type(r1) == "string" and #r1 > 0 then
					return n, r1
				elseif name == "GameSetup" and r1 then
					return n, true, r2
				elseif name == "SelectionChanged" and r1 then
					local select = System.Spring and System.Spring.SelectUnitArray
					if select then
						select(r1)
					end
					return n, true
				elseif (name == "MapDrawCmd" or name == "RecvLuaMsg") and r1 then
					r2 = true
				end
			end
		end
	end
	if firstTrueWins[name] then
		return n, false
	end
	return n
end

-- Call-ins BAR's handler treats specially (mouse and text ownership, tooltips, selection, meta
-- unit call-ins...): SpecialCallIns.lua, given what it shares with this file.
H.handlerShared = {
	deliver = deliver, dispatch = dispatch, lists = lists, focus = focus, WG = WG, metaBefore = metaBefore,
}
local special = assert((loadstring or load)(H.specialCallInsSource, "=(barharness specialcallins)"))(H)
H.specialCallInsSource, H.handlerShared = nil, nil

-- Calls one call-in on every loaded widget that has it, as BAR's handler does. Returns the number of
-- widgets called, then what the handler hands back (true when a widget took an input event, a tooltip...).
local function remember(n, r1, ...)
	H.lastAnswer = r1
	return n, r1, ...
end

function H.callin(name, ...)
	local f = special[name]
	if f then
		return remember(f(...))
	end
	return remember(dispatch(name, ...))
end

-- Which call-ins a loaded widget defines, and which of them the handler has delivered to it so far.
function H.callInReport(name)
	local widget = known[name]
	local defined, seen = {}, {}
	if widget then
		for k, v in pairs(widget) do
			if isCallIn[k] and type(v) == "function" then
				defined[#defined + 1] = k
			end
		end
		table.sort(defined)
	end
	for k in pairs(widget and fired[widget] or {}) do
		seen[#seen + 1] = k
	end
	table.sort(seen)
	return defined, seen
end

-- A console line typed by the user: "/livedata status" or "livedata status". Actions first, then the
-- TextCommand call-in, as BAR's action handler does.
function H.textCommand(line)
	local text = line:gsub("^/", "")
	local cmd, rest = text:match("^(%S+)%s*(.*)$")
	if not cmd then
		return false
	end
	local a = actions[cmd]
	if a then
		local words = {}
		for w in rest:gmatch("%S+") do
			words[#words + 1] = w
		end
		-- BAR's callback arguments: (cmd, optLine, optWords, data, isRepeat, release, actions)
		local ok, err = xpcall(a.func, traceback, cmd, rest, words, a.data, false, false, {})
		if not ok then
			event("error", nameOf(a.widget), "action " .. cmd, err)
			removeWidget(a.widget, "error")
		end
		return true
	end
	local _, taken = dispatch("TextCommand", text)
	return taken and true or false
end

function H.remove(name, reason)
	local widget = widgets[name]
	if widget then
		removeWidget(widget, reason)
	end
end

-- Handler shutdown: config collected, then Shutdown, for every widget
function H.shutdownAll()
	for i = #order, 1, -1 do
		local widget = order[i]
		if widget then
			removeWidget(widget, "shutdown")
		end
	end
end

function H.savedConfig(name)
	return savedConfig[name]
end

function H.setSavedConfig(name, data)
	savedConfig[name] = copyConfig(data, 0, {})
end

function H.actionNames()
	local list = {}
	for cmd in pairs(actions) do
		list[#list + 1] = cmd
	end
	table.sort(list)
	return list
end

function H.loadedNames()
	local list = {}
	for i = 1, #order do
		list[i] = nameOf(order[i])
	end
	return list
end

-- Runs a script in a fresh widget-like environment (barharness exec): returns true or false, message.
function H.exec(code, chunkName)
	local env = setmetatable({}, { __index = System })
	env.WG = WG
	local chunk, err = load(code, chunkName, "t", env)
	if not chunk then
		return false, err
	end
	local ok, e = xpcall(chunk, traceback)
	if not ok then
		return false, e
	end
	return true, nil
end
