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

H.WG = WG
H.widgets = widgets

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

local function removeWidget(widget, reason)
	local name = nameOf(widget)
	if widgets[name] ~= widget or removing[widget] then
		return
	end
	removing[widget] = true
	collectConfig(widget)
	local shutdown = rawget(widget, "Shutdown")
	if shutdown then
		local ok, err = xpcall(shutdown, traceback, widget)
		if not ok then
			event("error", name, "Shutdown", err)
		end
	end
	for cmd, a in pairs(actions) do
		if a.widget == widget then
			actions[cmd] = nil
		end
	end
	widgets[name] = nil
	for i = #order, 1, -1 do
		if order[i] == widget then
			table.remove(order, i)
		end
	end
	removing[widget] = nil
	event("removed", name, reason or "removed", nil)
end

local function handlerProxy(widget)
	local proxy = {}
	function proxy:RemoveWidget(w)
		removeWidget(w or widget, "RemoveWidget")
	end
	function proxy:AddAction(cmd, func, data, types)
		if type(cmd) ~= "string" or type(func) ~= "function" then
			error("AddAction: bad arguments (string, function expected)", 2)
		end
		actions[cmd] = { func = func, data = data, types = types, widget = widget }
		return true
	end
	function proxy:RemoveAction(cmd, types)
		local a = actions[cmd]
		if a and a.widget == widget then
			actions[cmd] = nil
			return true
		end
		return false
	end
	function proxy:RegisterGlobal(name, value)
		if type(name) ~= "string" or System[name] ~= nil then
			return false
		end
		System[name] = value
		return true
	end
	function proxy:DeregisterGlobal(name)
		System[name] = nil
		return true
	end
	function proxy:SetGlobal(name, value)
		System[name] = value
		return true
	end
	function proxy:UpdateCallIn(name)
		return true
	end
	function proxy:IsWidgetKnown(name)
		return widgets[name] ~= nil
	end
	function proxy:GetWidget(name)
		return widgets[name]
	end
	proxy.WG = WG
	return setmetatable(proxy, {
		__index = function(_, key)
			event("unsupported", nameOf(widget), "widgetHandler." .. tostring(key), nil)
			return nil
		end,
	})
end

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
	widget.whInfo = { name = name, layer = info.layer or 0, enabled = info.enabled, handler = info.handler }
	if widgets[name] then
		return "error", "widget name already in use: " .. tostring(name), "GetInfo"
	end
	widgets[name] = widget
	order[#order + 1] = widget

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
		local okInit, e = xpcall(init, traceback, widget)
		if not okInit then
			event("error", name, "Initialize", e)
			removeWidget(widget, "error")
			return "error", e, "Initialize"
		end
	end
	if widgets[name] ~= widget then
		return "removed", name
	end
	return "loaded", name
end

-- Calls one call-in on every loaded widget that has it. Returns the number of widgets called.
function H.callin(name, ...)
	local n = 0
	for i = 1, #order do
		local widget = order[i]
		local f = widget and rawget(widget, name)
		if f then
			n = n + 1
			local ok, err = xpcall(f, traceback, widget, ...)
			if not ok then
				event("error", nameOf(widget), name, err)
				if name ~= "Shutdown" then
					removeWidget(widget, "error")
				end
			end
		end
	end
	return n
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
	H.callin("TextCommand", text)
	return false
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
