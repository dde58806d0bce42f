--------------------------------------------------------------------------------
-- Live Data Export: streams live game state (units, teams, players) as JSON over a
-- non-blocking TCP connection to an overlay, dashboard or recorder on this machine.
--
-- Install: copy this file and the `livedata` folder into LuaUI/Widgets/ (see README.md).
-- Protocol: SCHEMA.md. Console: /livedata help.
--
-- The composition root: it loads the modules, creates the components in Initialize, owns
-- the settings, the clock and the frame, and forwards the call-ins. Reads top-down: module
-- loading, engine locals, state, connection events, configuration and API, call-ins.
-- What is read from the engine: livedata/world.lua; what is sent and when:
-- livedata/exporter.lua; the console command: livedata/commands.lua; the status square:
-- livedata/indicator.lua.
-- Everything per-frame is bounded by the budget governor.
--------------------------------------------------------------------------------

function widget:GetInfo()
	return {
		name = "Live Data Export",
		desc = "Streams live game data (units, teams, players) as JSON over TCP to local overlays. /livedata help",
		author = "BarHarness contributors",
		date = "2026-11-22",
		license = "GNU GPL, v2 or later",
		layer = 0,
		enabled = true,
	}
end

local WIDGET_NAME = "Live Data Export"
local WIDGET_VERSION = "1.2.0"

--------------------------------------------------------------------------------
-- Modules (pure Lua, shared with the lua5.1 test suite)
--------------------------------------------------------------------------------

local MODULE_DIRS = {
	"LuaUI/Widgets/livedata/",
	"LuaUI/widgets/livedata/",
	"luaui/widgets/livedata/",
}

-- Modules get their own environment so that a stray global cannot leak into the widget.
local moduleEnv = setmetatable({}, { __index = widget })

local function includeModule(name)
	local file = name .. ".lua"
	if type(VFS) ~= "table" or type(VFS.Include) ~= "function" then
		error(WIDGET_NAME .. ": VFS.Include is not available; cannot load livedata/" .. file)
	end
	local lastErr
	for i = 1, #MODULE_DIRS do
		local path = MODULE_DIRS[i] .. file
		if not VFS.FileExists or VFS.FileExists(path) then
			local ok, mod = pcall(VFS.Include, path, moduleEnv)
			if ok and mod ~= nil then
				return mod
			end
			lastErr = mod
		end
	end
	error(WIDGET_NAME .. ": cannot load livedata/" .. file .. " (copy the 'livedata' folder next to " ..
		"export_livedata.lua in LuaUI/Widgets/)" .. (lastErr and (": " .. tostring(lastErr)) or ""))
end

local json = includeModule("json")
local protocol = includeModule("protocol")(json)
local Config = includeModule("config")
local SendQueue = includeModule("send_queue")
local Backoff = includeModule("backoff")
local Connection = includeModule("connection")
local Tracker = includeModule("unit_tracker")(protocol, includeModule("unit_changes"))
local Budget = includeModule("budget")
local ThrottledLog = includeModule("throttled_log")
local World = includeModule("world")
local Exporter = includeModule("exporter")
local Commands = includeModule("commands")
local Indicator = includeModule("indicator")

--------------------------------------------------------------------------------
-- Engine locals
--------------------------------------------------------------------------------

local spEcho = Spring.Echo
local spLog = Spring.Log
local spGetTimer = Spring.GetTimer
local spDiffTimers = Spring.DiffTimers
local spGetGameFrame = Spring.GetGameFrame
local spGetLastUpdateSeconds = Spring.GetLastUpdateSeconds

local floor = math.floor
local sformat = string.format

local DAY_FRAMES = 2592000 -- Spring.GetGameFrame splits the frame count at this many frames
local QUEUE_MAX_AGE_FRAMES = 90 -- a queued message older than this is discarded (declared)
local DRAIN_INTERVAL = 1 / 30   -- seconds between reads of what the server sends
local SETTLE_PER_FRAME = 250    -- destroyed units forgotten a frame (a mass destruction spreads)

--------------------------------------------------------------------------------
-- State
--------------------------------------------------------------------------------

local cfg = Config.defaults()
local cfgWarnings = {}
local storedFromVersion = nil

-- What the modules read of the widget's state. `cfg` is replaced only in SetConfigData,
-- which replaces shared.cfg with it.
local shared = {
	cfg = cfg,
	clock = 0,                  -- seconds; advanced by Update(dt), runs while paused
	frame = 0,                  -- the current game frame
	msgsPerSecond = 0,
}

local log, queue, backoff, conn, tracker, budget, exporter

local framesWithoutUpdate = 0   -- GameFrames since the last Update call-in
local spentMs = 0               -- widget time since the last GameFrame
local unitEvents = 0            -- unit call-ins since the last GameFrame (each costs about one read)
local lastDrainClock = -1
local lastRateClock = 0
local lastRateCount = 0
local initialized = false

--------------------------------------------------------------------------------
-- Helpers
--------------------------------------------------------------------------------

local function timerNow()
	if spGetTimer then
		return spGetTimer()
	end
	return os.clock()
end

-- Milliseconds since t0. DiffTimers returns seconds unless its third argument is true.
local function msSince(t0)
	if spGetTimer then
		local ms = spDiffTimers(spGetTimer(), t0, true)
		if type(ms) == "number" and ms == ms and ms >= 0 then
			return ms
		end
		return 0
	end
	return (os.clock() - t0) * 1000
end

local LOG_LEVELS = { debug = "DEBUG", info = "INFO", warning = "WARNING", error = "ERROR" }

local function logSink(levelName, text)
	if spLog and LOG then
		local level = LOG[LOG_LEVELS[levelName] or "INFO"] or LOG.INFO
		spLog(WIDGET_NAME, level, text)
	elseif spEcho then
		spEcho("[" .. WIDGET_NAME .. "] " .. text)
	end
end

local function say(text)
	if spEcho then
		spEcho("[" .. WIDGET_NAME .. "] " .. text)
	end
end

local function fullFrame()
	local f, day = spGetGameFrame()
	if type(f) ~= "number" then
		return shared.frame
	end
	return f + (type(day) == "number" and day or 0) * DAY_FRAMES
end

local world = World.new({ spring = Spring, protocol = protocol, json = json, timerNow = timerNow, msSince = msSince })
local indicator = Indicator.new(gl, Spring.GetViewGeometry)

--------------------------------------------------------------------------------
-- Connection events
--------------------------------------------------------------------------------

local function onConnected()
	exporter.onConnected()
end

local function onState(old, new, reason)
	indicator.stateChanged(new)
	if new == "CONNECTED" then
		log:info(sformat("connected to %s:%d", cfg.host, cfg.port))
	elseif new == "RECONNECTING" then
		log:warning(sformat("%s:%d: %s; retrying in %.1f s", cfg.host, cfg.port, tostring(reason),
			conn.retryDelay or 0), "reconnecting")
	elseif new == "FAILED" then
		if conn.nextAttemptAt == math.huge then
			log:error(tostring(reason) .. ". Fix the address, then /livedata connect")
		else
			log:error(sformat("%s:%d unreachable after %d attempts (%s); next try in %d s, or /livedata connect",
				cfg.host, cfg.port, backoff.failures, tostring(reason), floor(conn.retryDelay or 0)), "breaker")
		end
	elseif new == "DISCONNECTED" then
		log:info("disconnected (" .. tostring(reason) .. ")")
	end
end

--------------------------------------------------------------------------------
-- Configuration and API
--------------------------------------------------------------------------------

local function applyAll()
	queue:configure(cfg.queueMaxMessages, cfg.queueMaxBytes, cfg.overflow)
	backoff:configure({
		minDelay = cfg.backoffMinSeconds, maxDelay = cfg.backoffMaxSeconds,
		threshold = cfg.breakerThreshold, cooldown = cfg.breakerCooldownSeconds,
	})
	conn:configure(cfg.host, cfg.port, cfg.framing, cfg.connectTimeoutSeconds, cfg.stallTimeoutSeconds)
	budget:setBudget(cfg.budgetMs)
	log:setLevel(cfg.logLevel)
	tracker.setMoveThreshold(cfg.moveThreshold)
	exporter.applyDetail()
end

local function reconnectIfActive()
	if conn.state ~= "DISCONNECTED" then
		conn:connect(shared.clock)
	end
end

--- Validates and applies settings. Returns ok, warnings (list of strings).
local function setConfig(changes)
	local warnings = {}
	if type(changes) ~= "table" then
		return false, { "setConfig expects a table" }
	end
	local accepted = {}
	for k, v in pairs(changes) do
		local value, warning = Config.checkValue(k, v)
		if warning then warnings[#warnings + 1] = warning end
		if value ~= nil then accepted[k] = value end
	end
	local endpointChanged = false
	for k, v in pairs(accepted) do
		if (k == "host" or k == "port" or k == "framing") and cfg[k] ~= v then
			endpointChanged = true
		end
		cfg[k] = v
	end
	if cfg.backoffMaxSeconds < cfg.backoffMinSeconds then
		cfg.backoffMaxSeconds = cfg.backoffMinSeconds
	end
	if initialized then
		applyAll()
		if endpointChanged then
			reconnectIfActive()
		end
	end
	return next(accepted) ~= nil or next(changes) == nil, warnings
end

local function connectNow()
	if not initialized then return end
	cfg.autoConnect = true
	conn:connect(shared.clock)
end

local function disconnectNow()
	if not initialized then return end
	cfg.autoConnect = false
	conn:disconnect("requested")
end

local api = {
	version = WIDGET_VERSION,
	schemaVersion = protocol.SCHEMA_VERSION,
	getConfig = function() return Config.copy(cfg) end,
	setConfig = function(t) return setConfig(t) end,
	getStatus = function() return exporter.statusTable() end,
	connect = function() connectNow() end,
	disconnect = function() disconnectNow() end,
}

--------------------------------------------------------------------------------
-- Call-ins
--------------------------------------------------------------------------------

function widget:SetConfigData(data)
	local validated, warnings, from
	validated, warnings = Config.validate(data)
	if type(data) == "table" then
		from = data.configVersion or 0
	end
	cfg = validated
	shared.cfg = cfg
	cfgWarnings = warnings
	storedFromVersion = from
end

function widget:GetConfigData()
	return Config.serialise(cfg)
end

function widget:Initialize()
	log = ThrottledLog.new(logSink, 10, cfg.logLevel)
	if type(socket) ~= "table" or type(socket.tcp) ~= "function" then
		log:error("LuaSocket (global 'socket') is not available in this engine; the widget cannot run")
		if widgetHandler and widgetHandler.RemoveWidget then
			widgetHandler:RemoveWidget(widget)
		end
		return
	end
	queue = SendQueue.new(cfg.queueMaxMessages, cfg.queueMaxBytes, cfg.overflow)
	backoff = Backoff.new({ random = math.random })
	budget = Budget.new({ budgetMs = cfg.budgetMs })
	conn = Connection.new({
		socket = socket, backoff = backoff, queue = queue, protocol = protocol,
		onState = onState, onConnected = onConnected,
	})
	tracker = world.startTracker(Tracker, budget)
	exporter = Exporter.new({
		shared = shared, protocol = protocol, json = json, world = world, tracker = tracker,
		conn = conn, queue = queue, budget = budget, log = log, version = WIDGET_VERSION,
	})
	local commands = Commands.new({
		shared = shared, say = say, setConfig = setConfig, connect = connectNow, disconnect = disconnectNow,
		exporter = exporter, conn = conn, tracker = tracker, queue = queue, budget = budget,
	})
	applyAll()
	for i = 1, #cfgWarnings do
		log:warning("settings: " .. cfgWarnings[i])
	end
	if storedFromVersion and storedFromVersion < Config.VERSION then
		log:info(sformat("settings migrated from version %d to %d", storedFromVersion, Config.VERSION))
	end
	shared.frame = fullFrame()
	exporter.startAt(shared.frame)
	world.refreshView()
	world.rescanUnits(shared.frame)
	-- The unit-definition table is static: encode it once now (load time) rather than in
	-- the frame where the first connection completes.
	world.unitDefsJson()
	initialized = true

	if widgetHandler and widgetHandler.AddAction then
		widgetHandler:AddAction("livedata", commands.onCommand, nil, "t")
	end
	WG.LiveDataExport = api

	if cfg.autoConnect then
		conn:connect(shared.clock)
	end
end

function widget:Shutdown()
	if not initialized then
		return
	end
	if conn.state == "CONNECTED" then
		-- One last non-blocking attempt to tell the server we are going.
		exporter.enqueueStatus("shutdown")
		conn:update(shared.clock, cfg.sendBudgetBytes, 0)
	end
	conn:disconnect("shutdown")
	if widgetHandler and widgetHandler.RemoveAction then
		widgetHandler:RemoveAction("livedata")
	end
	if WG.LiveDataExport == api then
		WG.LiveDataExport = nil
	end
	initialized = false
end

function widget:GameFrame(n)
	if not initialized then return end
	local t0 = timerNow()
	if spentMs > 0 and budget:observeFrame(spentMs, tracker.count()) then
		exporter.applyDetail()
		if conn.state == "CONNECTED" then
			exporter.enqueueStatus("budget")
		end
		log:info(sformat("frame budget: adaptation level %d (export every %d frames, detail %s)",
			budget.level, exporter.exportInterval(), exporter.detailName()), "budget")
	end
	spentMs = 0
	if type(n) == "number" then
		shared.frame = n
	else
		shared.frame = shared.frame + 1
	end
	local frame = shared.frame

	tracker.settle(SETTLE_PER_FRAME)
	world.sampleUnits(frame, cfg, exporter.snapshotReason, unitEvents)
	unitEvents = 0

	framesWithoutUpdate = framesWithoutUpdate + 1
	if framesWithoutUpdate > 30 then
		-- No Update call-in for a second of game frames (headless runs): let game time
		-- drive the reconnect clock instead. (A fast-forwarding game has bursts of frames
		-- between Updates, hence the grace period.)
		shared.clock = shared.clock + 1 / 30
		log:setTime(shared.clock)
	end
	if conn.state == "CONNECTED" then
		exporter.export(frame)
	else
		tracker.discardPending()
	end
	world.stepPeriodicRescan(frame, exporter.lastSnapshotFrame())
	-- SCHEMA §3.3: a message reaches the client within 450 frames of its frame. Waiting in
	-- the queue may use QUEUE_MAX_AGE_FRAMES of 450 (socket buffers and the network the
	-- rest); older messages are discarded and declared, and a resync snapshot follows.
	queue:expire(frame - QUEUE_MAX_AGE_FRAMES)
	conn:update(shared.clock, cfg.sendBudgetBytes, 0) -- send now; reading waits for Update
	spentMs = spentMs + msSince(t0)
end

function widget:Update(dt)
	if not initialized then return end
	if type(dt) ~= "number" and spGetLastUpdateSeconds then
		dt = spGetLastUpdateSeconds()
	end
	if type(dt) == "number" and dt == dt and dt > 0 and dt < 3600 then
		shared.clock = shared.clock + dt
	end
	local clock = shared.clock
	framesWithoutUpdate = 0
	log:setTime(clock)

	-- Update runs every draw frame (20 times a sim frame at 0.1x speed), so the common case
	-- is a few comparisons: the server's (discarded) bytes are read at most 30 times a
	-- second, and a connection with nothing queued is not touched in between. Only the
	-- connection work is timed for the budget; the rest costs less than the timer calls.
	local connected = conn.state == "CONNECTED"
	if connected then
		exporter.keepAlive(conn.wire == nil and queue:count() == 0)
	end
	local drainDue = clock - lastDrainClock >= DRAIN_INTERVAL
	if drainDue or not connected or conn.wire ~= nil or queue:count() > 0 then
		local t0 = timerNow()
		conn:update(clock, cfg.sendBudgetBytes, drainDue and cfg.receiveBudgetBytes or 0)
		if drainDue then lastDrainClock = clock end
		spentMs = spentMs + msSince(t0)
	end

	if clock - lastRateClock >= 1 then
		local sent = conn.stats.messagesSent
		shared.msgsPerSecond = (sent - lastRateCount) / (clock - lastRateClock)
		lastRateCount, lastRateClock = sent, clock
	end
	if cfg.showIndicator then
		indicator.update(clock, conn.state, queue, shared.msgsPerSecond)
	end
end

function widget:ViewResize(vsx, vsy)
	indicator.resize(vsx, vsy)
end

function widget:DrawScreen()
	if not initialized or not cfg.showIndicator then
		return
	end
	indicator.draw()
end

function widget:PlayerChanged()
	if not initialized then return end
	world.playerChanged(shared.frame)
end

function widget:UnitCreated(unitID, unitDefID, unitTeam)
	if initialized then
		unitEvents = unitEvents + 1
		tracker.add(unitID, unitDefID, unitTeam)
	end
end

function widget:UnitDestroyed(unitID)
	if initialized then
		unitEvents = unitEvents + 1
		tracker.destroyed(unitID)
	end
end

function widget:UnitEnteredLos(unitID)
	if initialized then
		unitEvents = unitEvents + 1
		tracker.add(unitID)
	end
end

function widget:UnitLeftLos(unitID)
	if initialized then
		unitEvents = unitEvents + 1
		tracker.leftLos(unitID)
	end
end

function widget:UnitGiven(unitID, unitDefID, newTeam)
	if initialized then tracker.add(unitID, unitDefID, newTeam) end
end

function widget:UnitTaken(unitID, unitDefID, oldTeam, newTeam)
	if initialized then tracker.add(unitID, unitDefID, newTeam) end
end

function widget:GameOver()
	if initialized and conn.state == "CONNECTED" then
		exporter.enqueueStatus("game_over")
	end
end
