-- tests/lua/fake_engine.lua: a tiny synthetic Recoil world and a BAR-like widget loader,
-- enough to run export_livedata.lua under plain lua5.1 (return conventions as in
-- recoil-facts.md: nothing for dead/invisible units, booleans where the engine has them).

local E = {}

local function copyStdlib()
	local sys = {}
	for k, v in pairs(_G) do
		sys[k] = v
	end
	-- LuaUI has no package library and removes these.
	sys.require, sys.package, sys.module = nil, nil, nil
	sys.os = { clock = os.clock, time = os.time, date = os.date, difftime = os.difftime }
	sys.io = nil
	return sys
end

--- opts: units (count), teams, myTeam, spectator, fullView, seed
function E.newWorld(opts)
	opts = opts or {}
	local w = {
		frame = 0,
		units = {},        -- id -> unit
		ids = {},          -- creation order
		nextId = 100,
		teamAlly = opts.teamAlly or { [0] = 0, [1] = 0, [2] = 1 },
		teams = opts.teams or { 0, 1, 2 },
		myTeam = opts.myTeam or 0,
		myAlly = opts.myAlly or 0,
		spectator = opts.spectator or false,
		fullView = opts.fullView or false,
		los = {},          -- enemy unit id -> true when in LOS of my ally team
		radar = {},        -- enemy unit id -> true when seen as a radar blip
		paused = false,
		timerMs = 0,       -- fake GetTimer, advanced by the test (or os.clock)
		echo = {},
		logs = {},
		names = opts.playerNames or { "Alice", "B\195\182b \"the\" \\builder\\", "\255bad\192utf8" },
		rand = opts.seed or 12345,
	}
	return w
end

function E.random(w)
	-- deterministic LCG so tests do not depend on math.random state
	w.rand = (w.rand * 1103515245 + 12345) % 2147483648
	return w.rand / 2147483648
end

function E.addUnit(w, team, def, x, z)
	local id = w.nextId
	w.nextId = w.nextId + 1
	local u = { id = id, team = team, def = def or 1, x = x or 100, y = 10, z = z or 100,
		hp = 1000, mhp = 1000, bp = 1, vx = 0, vy = 0, vz = 0, heading = 0, alive = true }
	w.units[id] = u
	w.ids[#w.ids + 1] = id
	return u
end

function E.removeUnit(w, id)
	w.units[id] = nil
	for i = #w.ids, 1, -1 do
		if w.ids[i] == id then table.remove(w.ids, i) end
	end
	w.los[id], w.radar[id] = nil, nil
end

local function allied(w, u)
	return w.teamAlly[u.team] == w.myAlly
end

function E.inLos(w, id)
	local u = w.units[id]
	if not u then return false end
	if w.spectator and w.fullView then return true end
	return allied(w, u) or w.los[id] == true
end

local function visibleAtAll(w, id)
	local u = w.units[id]
	if not u then return false end
	return E.inLos(w, id) or w.radar[id] == true
end

function E.makeSpring(w)
	local S = {}
	-- `depth`: how many helper calls stand between the S function and this check (the error names the widget's line)
	local function checkId(id, depth)
		if type(id) ~= "number" then error("bad argument: unitID must be a number", 3 + (depth or 0)) end
	end
	function S.Echo(...)
		local parts = {}
		for i = 1, select("#", ...) do parts[#parts + 1] = tostring((select(i, ...))) end
		w.echo[#w.echo + 1] = table.concat(parts, ", ")
	end
	function S.Log(section, level, ...)
		if select("#", ...) < 1 then error("Log needs at least 3 arguments") end
		w.logs[#w.logs + 1] = tostring(section) .. ":" .. tostring(level) .. ":" .. tostring((...))
	end
	function S.GetTimer()
		if w.realTimer then return os.clock() * 1000 end
		return w.timerMs
	end
	function S.DiffTimers(a, b, inMs)
		if type(a) ~= "number" or type(b) ~= "number" then error("DiffTimers: timers expected") end
		local ms = a - b
		if inMs then return ms end
		return ms / 1000
	end
	function S.GetGameFrame() return w.frame % 2592000, math.floor(w.frame / 2592000) end
	function S.GetGameSpeed() return 1, 1, w.paused end
	function S.GetLastUpdateSeconds() return 1 / 30 end
	function S.GetSpectatingState() return w.spectator, w.fullView, w.fullView end
	function S.GetMyAllyTeamID() return w.myAlly end
	function S.GetMyTeamID() return w.myTeam end
	function S.GetMyPlayerID() return 0 end
	function S.GetAllUnits()
		local out = {}
		for _, id in ipairs(w.ids) do
			if visibleAtAll(w, id) then out[#out + 1] = id end
		end
		return out
	end
	w.lastRead = {}
	function S.GetUnitPosition(id)
		checkId(id)
		w.lastRead[id] = w.frame
		local u = w.units[id]
		if not u or not visibleAtAll(w, id) then return end
		if not E.inLos(w, id) then return u.x + 13, u.y, u.z - 7 end -- radar error offset
		return u.x, u.y, u.z
	end
	-- The unit behind a per-unit read that needs LOS, or nil (the engine returns nothing).
	local function unitInLos(id)
		checkId(id, 1) -- one frame deeper than the S function the widget called
		local u = w.units[id]
		if u and E.inLos(w, id) then return u end
	end
	function S.GetUnitHealth(id)
		w.lastRead[id] = w.frame
		local u = unitInLos(id)
		if not u then return end
		return u.hp, u.mhp, 0, 0, u.bp
	end
	function S.GetUnitVelocity(id)
		local u = unitInLos(id)
		if not u then return end
		return u.vx, u.vy, u.vz, math.sqrt(u.vx * u.vx + u.vz * u.vz)
	end
	function S.GetUnitHeading(id)
		local u = unitInLos(id)
		if not u then return end
		return u.heading
	end
	function S.GetUnitDefID(id)
		local u = unitInLos(id)
		if not u then return end
		return u.def
	end
	function S.GetUnitTeam(id)
		checkId(id)
		local u = w.units[id]
		if not u or not visibleAtAll(w, id) then return end
		return u.team
	end
	function S.IsUnitInLos(id, allyTeam)
		checkId(id)
		local u = w.units[id]
		if not u then return false end
		if w.teamAlly[u.team] == allyTeam then return true end
		return w.los[id] == true and allyTeam == w.myAlly
	end
	function S.GetTeamList() return w.teams end
	function S.GetTeamInfo(t)
		if w.teamAlly[t] == nil then return end
		return t, 0, false, false, "arm", w.teamAlly[t], 1
	end
	function S.GetTeamResources(t, res)
		if w.teamAlly[t] ~= w.myAlly and not w.spectator then return end
		local base = res == "metal" and 500 or 2000
		return base + (w.staticResources and 0 or (w.frame % 7)), 1000, 0, 12.5, 10.25, 0.99, 0, 0, 0
	end
	function S.GetPlayerList() return { 0, 1, 2 } end
	function S.GetPlayerInfo(pid)
		local name = w.names[pid + 1]
		if not name then return end
		return name, true, pid == 2, pid, w.teamAlly[pid] or 0, 20, 0.1, "de", 1, false, {}, false
	end
	function S.GetViewGeometry() return 1920, 1080, 0, 0 end
	return S
end

--- loadfile + setfenv on Lua 5.1 (as BAR does); load with an env on 5.4 (as the harness's
--- NLua host must), so the same specs also run under lua5.4.
function E.loadWithEnv(path, env)
	if setfenv then
		local chunk = assert(loadfile(path))
		if env then setfenv(chunk, env) end
		return chunk
	end
	return assert(loadfile(path, "t", env or _G))
end

--- Loads the widget as BAR does: chunk with setfenv(widget), widget's __index = System.
function E.loadWidget(w, socketLib, root, extraSystem)
	local widgetDir = root .. "widget/"
	local Spring = E.makeSpring(w)
	local actions = {}
	local removed = false
	local drawCalls = { Color = 0, Rect = 0, Text = 0 }
	local System = copyStdlib()
	System.Spring = Spring
	System.socket = socketLib
	System.LOG = { DEBUG = 20, INFO = 30, NOTICE = 35, DEPRECATED = 37, WARNING = 40, ERROR = 50, FATAL = 60 }
	System.Game = { mapName = "Test Map \226\152\131", mapSizeX = 8192, mapSizeZ = 4096, gameName = "Test" }
	System.UnitDefs = {
		[1] = { name = "armpw", humanName = "Pawn", metalCost = 54, energyCost = 900, buildTime = 1500, health = 370,
			speed = 87.5, isBuilding = false, canFly = false },
		[2] = { name = "armllt", humanName = "LLT \"quoted\"\n", metalCost = 85, energyCost = 680, buildTime = 2680,
			health = 640, speed = 0, isBuilding = true },
		[3] = { name = "bad\255", humanName = "x", metalCost = 0 / 0, energyCost = math.huge, buildTime = 1e30,
			health = -1, speed = 1.5 },
	}
	System.gl = {
		Color = function() drawCalls.Color = drawCalls.Color + 1 end,
		Rect = function() drawCalls.Rect = drawCalls.Rect + 1 end,
		Text = function() drawCalls.Text = drawCalls.Text + 1 end,
	}
	local function mapPath(path)
		local rest = path:match("^[Ll][Uu][Aa][Uu][Ii]/[Ww]idgets/(.*)$")
		return rest and (widgetDir .. rest) or nil
	end
	System.VFS = {
		FileExists = function(path)
			local p = mapPath(path)
			if not p then return false end
			local f = io.open(p, "r")
			if f then f:close() return true end
			return false
		end,
		Include = function(path, env)
			local p = mapPath(path)
			if not p then error("VFS.Include: file not found: " .. path) end
			return E.loadWithEnv(p, env)()
		end,
	}
	for k, v in pairs(extraSystem or {}) do System[k] = v end

	local WG = {}
	local widget = {}
	local handler = {
		AddAction = function(_, cmd, fn, data, types) actions[cmd] = { fn = fn, data = data, types = types } end,
		RemoveAction = function(_, cmd) actions[cmd] = nil end,
		RemoveWidget = function() removed = true end,
	}
	widget.widget = widget
	widget.WG = WG
	widget.widgetHandler = handler
	setmetatable(widget, { __index = System })
	local chunk = E.loadWithEnv(widgetDir .. "export_livedata.lua", widget)
	chunk()
	return {
		widget = widget, WG = WG, actions = actions, drawCalls = drawCalls, System = System,
		isRemoved = function() return removed end,
		-- `/livedata rate 10` arrives as ("livedata", "rate 10", {"rate", "10"}, ...)
		command = function(line)
			local words = {}
			for word in line:gmatch("%S+") do words[#words + 1] = word end
			local a = actions["livedata"]
			assert(a, "action 'livedata' not registered")
			return a.fn("livedata", line, words, a.data, false, false, {})
		end,
	}
end

--- Calls a call-in the way barwidgets does (pcall; an error would remove the widget).
function E.call(h, name, ...)
	local fn = h.widget[name]
	if not fn then return true end
	local ok, err = pcall(fn, h.widget, ...)
	if not ok then
		error("call-in " .. name .. " raised: " .. tostring(err), 2)
	end
	return err
end

--- Advances the world and the widget by `frames` sim frames (GameFrame, Update, DrawScreen).
function E.run(w, h, frames, each)
	for _ = 1, frames do
		w.frame = w.frame + 1
		if each then each(w.frame) end
		E.call(h, "GameFrame", w.frame)
		E.call(h, "Update", 1 / 30)
		E.call(h, "DrawScreen")
	end
end

return E
