--------------------------------------------------------------------------------
-- Live Data Export: streams live game state (units, teams, players) as JSON over a
-- non-blocking TCP connection to an overlay, dashboard or recorder on this machine.
--
-- Install: copy this file and the `livedata` folder into LuaUI/Widgets/ (see README.md).
-- Protocol: SCHEMA.md. Console: /livedata help.
--
-- Reads top-down: module loading, engine locals, state, world sampling, messages,
-- commands and API, call-ins. Everything per-frame is bounded by the budget governor.
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
local Tracker = includeModule("unit_tracker")(protocol)
local Budget = includeModule("budget")
local ThrottledLog = includeModule("throttled_log")

--------------------------------------------------------------------------------
-- Engine locals
--------------------------------------------------------------------------------

local spEcho = Spring.Echo
local spLog = Spring.Log
local spGetTimer = Spring.GetTimer
local spDiffTimers = Spring.DiffTimers
local spGetGameFrame = Spring.GetGameFrame
local spGetGameSpeed = Spring.GetGameSpeed
local spGetLastUpdateSeconds = Spring.GetLastUpdateSeconds
local spGetSpectatingState = Spring.GetSpectatingState
local spGetMyAllyTeamID = Spring.GetMyAllyTeamID or Spring.GetLocalAllyTeamID
local spGetMyTeamID = Spring.GetMyTeamID or Spring.GetLocalTeamID
local spGetMyPlayerID = Spring.GetMyPlayerID or Spring.GetLocalPlayerID
local spGetAllUnits = Spring.GetAllUnits
local spGetTeamList = Spring.GetTeamList
local spGetTeamInfo = Spring.GetTeamInfo
local spGetTeamResources = Spring.GetTeamResources
local spGetPlayerList = Spring.GetPlayerList
local spGetPlayerInfo = Spring.GetPlayerInfo
local spGetViewGeometry = Spring.GetViewGeometry

local glColor = gl and gl.Color
local glRect = gl and gl.Rect
local glText = gl and gl.Text

local tconcat = table.concat
local floor = math.floor
local ceil = math.ceil
local sformat = string.format
local jint = json.int

local DAY_FRAMES = 2592000 -- Spring.GetGameFrame splits the frame count at this many frames
local RESCAN_FRAMES = 900  -- safety-net reconciliation with GetAllUnits (30 s)...
local RESCAN_CHUNK = 250   -- ... spread over frames, this many units a frame
local SAMPLE_CHUNK = 64    -- units sampled between two looks at the clock
local SAMPLE_SHARE_CAP = 0.55 -- sampling stops at this share of budgetMs in any frame
local QUEUE_MAX_AGE_FRAMES = 90 -- a queued message older than this is discarded (declared)

--------------------------------------------------------------------------------
-- State
--------------------------------------------------------------------------------

local cfg = Config.defaults()
local cfgWarnings = {}
local storedFromVersion = nil

local log, queue, backoff, conn, tracker, budget

local clock = 0                 -- seconds; advanced by Update(dt), runs while paused
local framesWithoutUpdate = 0   -- GameFrames since the last Update call-in
local currentFrame = 0
local lastExportFrame = -1
local lastSnapshotFrame = -1
local lastRescanFrame = 0
local lastTeamFrame = -1000
local forcedSnapshotReason = nil
local backpressure = 1          -- export interval multiplier from queue pressure
local lastBackpressureChange = 0
local activeDetail = 2          -- detail in force (config, capped by the governor)
local sampleWindow = 1          -- frames for one full sampling cycle (freshness bound)
local cycleStartFrame = 0       -- frame in which the current sampling cycle began
local prevCycleStartFrame = 0   -- ... and the previous one
local spentMs = 0               -- widget time since the last GameFrame
local lastEnqueueClock = 0
local lastDrainClock = -1
local DRAIN_INTERVAL = 1 / 30   -- seconds between reads of what the server sends
local viewX, viewY = nil, nil   -- screen size, from ViewResize (or asked once)
local lastStatusClock = 0
local lastRateClock = 0
local lastRateCount = 0
local msgsPerSecond = 0
local indicatorText = ""
local indicatorColor = { 0.5, 0.5, 0.5, 0.9 }
local lastIndicatorClock = -1
local unitDefsJson = nil
local initialized = false

local teamList = {}
local teamAlly = {}
local teamDead = {}
local teamFrag = {}             -- teamID -> last encoded team JSON
local changedTeams, nChangedTeams = {}, 0
local playersJson = "[]"
local playersDirty = true
local gameJson = nil
local lastPaused, lastWantedSpeed = nil, nil

local buf = {}                  -- reused message buffer

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
		return currentFrame
	end
	return f + (type(day) == "number" and day or 0) * DAY_FRAMES
end

local function exportInterval()
	local base = floor(30 / cfg.rate + 0.5)
	if base < 1 then base = 1 end
	return base * budget:intervalMultiplier() * backpressure
end

-- "}" plus the framing's tail ("\n" for newline framing): bodies are queued ready to send.
local function bodyEnd()
	return protocol.TAIL[cfg.framing] == "" and "}" or "}\n"
end

-- The buffer is never cleared: concat reads slots 1..n only, and clearing a 10,000-slot
-- snapshot buffer would cost as much as filling it. The stale tail keeps at most one
-- snapshot's fragment strings alive (most of them current ones) until overwritten.
local function finishBody(n)
	n = n + 1
	buf[n] = bodyEnd()
	return tconcat(buf, "", 1, n)
end

local function enqueue(body, kind)
	lastEnqueueClock = clock
	return queue:push(body, kind, currentFrame)
end

--------------------------------------------------------------------------------
-- World: view, teams, players, game
--------------------------------------------------------------------------------

local function refreshTeams()
	local list = spGetTeamList and spGetTeamList() or {}
	teamList = {}
	for i = 1, #list do
		local t = list[i]
		local _, _, isDead, _, _, allyTeam = spGetTeamInfo(t)
		teamList[#teamList + 1] = t
		teamAlly[t] = allyTeam
		teamDead[t] = isDead and true or false
	end
end

local function refreshView()
	local spec, fullView = false, false
	if spGetSpectatingState then
		spec, fullView = spGetSpectatingState()
	end
	refreshTeams()
	local myAlly = spGetMyAllyTeamID and spGetMyAllyTeamID() or 0
	tracker.setView(spec and fullView, myAlly, teamAlly)
end

-- At once (Initialize, view changes)...
local function rescanUnits()
	if spGetAllUnits then
		tracker.rescan(spGetAllUnits())
	end
	lastRescanFrame = currentFrame
end

-- ... or spread over the next frames (the periodic safety net), so no frame pays for all.
local rescanning = false
local function stepPeriodicRescan()
	if rescanning then
		rescanning = tracker.stepRescan(RESCAN_CHUNK)
	elseif currentFrame - lastRescanFrame >= RESCAN_FRAMES and lastSnapshotFrame ~= currentFrame and spGetAllUnits then
		tracker.beginRescan(spGetAllUnits())
		lastRescanFrame = currentFrame
		rescanning = true
	end
end

-- Unit definitions that can never move (buildings): the tracker reads their position once.
local immobileDefs = {}
local function isImmobileDef(defID)
	local known = immobileDefs[defID]
	if known == nil then
		local ud = type(UnitDefs) == "table" and UnitDefs[defID]
		known = false
		if ud then
			local speed = ud.speed
			known = ud.isBuilding == true or (type(speed) == "number" and speed <= 0)
		end
		immobileDefs[defID] = known
	end
	return known
end

-- Re-encodes every team; records the ones whose JSON changed.
local function sampleTeams()
	nChangedTeams = 0
	for i = 1, #teamList do
		local t = teamList[i]
		local mc, ms, _, mi, me, msh = spGetTeamResources(t, "metal")
		local ec, es, _, ei, ee, esh = spGetTeamResources(t, "energy")
		local frag = protocol.encodeTeam(t, teamAlly[t], teamDead[t],
			protocol.encodeResource(mc, ms, mi, me, msh), protocol.encodeResource(ec, es, ei, ee, esh))
		if frag ~= teamFrag[t] then
			teamFrag[t] = frag
			nChangedTeams = nChangedTeams + 1
			changedTeams[nChangedTeams] = frag
		end
	end
	for i = nChangedTeams + 1, #changedTeams do
		changedTeams[i] = nil
	end
end

local function samplePlayers()
	local ids = spGetPlayerList and spGetPlayerList() or {}
	local parts = {}
	for i = 1, #ids do
		local pid = ids[i]
		local name, active, spec, team, allyTeam = spGetPlayerInfo(pid)
		if name ~= nil then
			parts[#parts + 1] = protocol.encodePlayer(pid, name, team, allyTeam, spec, active)
		end
	end
	local s = "[" .. tconcat(parts, ",") .. "]"
	local changed = s ~= playersJson
	playersJson = s
	playersDirty = false
	return changed
end

-- Returns true when pause or speed changed since the last call; gameJson is rebuilt
-- only then (or when `force`), so a quiet game costs one engine call per export.
local function sampleGame(frame, force)
	local wanted, actual, paused = 1, 1, false
	if spGetGameSpeed then
		wanted, actual, paused = spGetGameSpeed()
	end
	local changed = paused ~= lastPaused or wanted ~= lastWantedSpeed
	lastPaused, lastWantedSpeed = paused, wanted
	if changed or force then
		gameJson = protocol.encodeGame(frame, actual, wanted, paused)
	end
	return changed
end

local function buildUnitDefsJson()
	if unitDefsJson then
		return unitDefsJson
	end
	local parts = {}
	if type(UnitDefs) == "table" then
		local ids = {}
		for id in pairs(UnitDefs) do
			if type(id) == "number" then ids[#ids + 1] = id end
		end
		table.sort(ids)
		for i = 1, #ids do
			local ok, s = pcall(protocol.encodeUnitDef, ids[i], UnitDefs[ids[i]])
			if ok then parts[#parts + 1] = s end
		end
	end
	unitDefsJson = "[" .. tconcat(parts, ",") .. "]"
	return unitDefsJson
end

--------------------------------------------------------------------------------
-- Messages
--------------------------------------------------------------------------------

local function detailName()
	return protocol.DETAIL_NAME[activeDetail]
end

local function enqueueHello()
	local spec, fullView = false, false
	if spGetSpectatingState then spec, fullView = spGetSpectatingState() end
	local mapJson = "{" ..
		'"name":' .. json.string(Game and Game.mapName or "") ..
		',"size_x":' .. json.number(Game and Game.mapSizeX) ..
		',"size_z":' .. json.number(Game and Game.mapSizeZ) .. "}"
	local body = protocol.bodyStart("hello", currentFrame) ..
		',"protocol":"' .. protocol.PROTOCOL .. '"' ..
		',"widget_version":' .. json.string(WIDGET_VERSION) ..
		',"detail":' .. json.string(detailName()) ..
		',"framing":' .. json.string(cfg.framing) ..
		',"rate":' .. jint(cfg.rate) ..
		',"game_name":' .. json.string(Game and Game.gameName or "") ..
		',"local":{"player_id":' .. jint(spGetMyPlayerID and spGetMyPlayerID()) ..
		',"team_id":' .. jint(spGetMyTeamID and spGetMyTeamID()) ..
		',"ally_team_id":' .. jint(spGetMyAllyTeamID and spGetMyAllyTeamID()) ..
		',"spectator":' .. json.bool(spec) .. ',"full_view":' .. json.bool(spec and fullView) .. "}" ..
		',"map":' .. mapJson ..
		',"unit_defs":' .. buildUnitDefsJson() .. bodyEnd()
	enqueue(body, "hello")
end

local function enqueueSnapshot(frame, reason)
	sampleTeams()
	samplePlayers()
	sampleGame(frame, true)
	local n = 1
	buf[1] = protocol.bodyStart("snapshot", frame)
	n = n + 1
	buf[n] = sformat(',"protocol":"%s","reason":"%s","detail":"%s","sample_window":%d,"game":',
		protocol.PROTOCOL, reason, detailName(), sampleWindow)
	n = n + 1
	buf[n] = gameJson
	n = n + 1
	buf[n] = ',"players":'
	n = n + 1
	buf[n] = playersJson
	n = n + 1
	buf[n] = ',"teams":['
	for i = 1, #teamList do
		if i > 1 then n = n + 1; buf[n] = "," end
		n = n + 1
		buf[n] = teamFrag[teamList[i]] or "null"
	end
	n = n + 1
	buf[n] = "]"
	n = tracker.appendSnapshot(buf, n)
	local ok = enqueue(finishBody(n), "snapshot")
	lastSnapshotFrame = frame
	lastTeamFrame = frame
	forcedSnapshotReason = nil
	return ok
end

local function enqueueDelta(frame)
	local teamsDue = frame - lastTeamFrame >= cfg.teamIntervalFrames
	local playersChanged = false
	if teamsDue then
		sampleTeams()
		lastTeamFrame = frame
		if playersDirty then
			playersChanged = samplePlayers()
		end
	else
		nChangedTeams = 0
	end
	local gameChanged = sampleGame(frame)
	if not tracker.hasChanges() and nChangedTeams == 0 and not playersChanged and not gameChanged then
		return false
	end
	local n = 1
	buf[1] = protocol.bodyStart("delta", frame)
	n = n + 1
	buf[n] = sformat(',"detail":"%s","sample_window":%d', detailName(), sampleWindow)
	n = tracker.appendDelta(buf, n)
	n = n + 1
	buf[n] = ',"teams":['
	for i = 1, nChangedTeams do
		if i > 1 then n = n + 1; buf[n] = "," end
		n = n + 1
		buf[n] = changedTeams[i]
	end
	n = n + 1
	buf[n] = "]"
	if playersChanged then
		n = n + 1
		buf[n] = ',"players":'
		n = n + 1
		buf[n] = playersJson
	end
	if gameChanged then
		n = n + 1
		buf[n] = ',"game":'
		n = n + 1
		buf[n] = gameJson
	end
	return enqueue(finishBody(n), "delta")
end

local function statusTable()
	local s = conn.stats
	return {
		state = conn.state,
		host = cfg.host,
		port = cfg.port,
		last_error = conn.lastError,
		retry_in_seconds = conn:retryIn(clock),
		detail = detailName(),
		configured_detail = cfg.detail,
		rate = cfg.rate,
		interval_frames = exportInterval(),
		level = budget.level,
		backpressure = backpressure,
		budget_ms = cfg.budgetMs,
		frame_ms_avg = budget.avgFrameMs,
		frame_ms_max = budget.maxFrameMs,
		sample_window = sampleWindow,
		units_tracked = tracker.count(),
		units_exported = tracker.exportedCount(),
		queue_messages = queue:count(),
		queue_bytes = queue:byteCount(),
		dropped_total = queue.droppedTotal,
		dropped_by_kind = queue.droppedByKind,
		dropped_by_strategy = queue.droppedByStrategy,
		messages_sent = s.messagesSent,
		bytes_sent = s.bytesSent,
		bytes_discarded = s.bytesDiscarded,
		partial_sends = s.partialSends,
		connects = s.connects,
		failures = s.failures,
		messages_per_second = msgsPerSecond,
	}
end

local function enqueueStatus(reason)
	local s = conn.stats
	local body = protocol.bodyStart("status", currentFrame) .. sformat(
		',"status":{"reason":%s,"state":"%s","host":%s,"port":%d,"detail":"%s","configured_detail":"%s",' ..
		'"rate":%d,"interval_frames":%d,"level":%d,"backpressure":%d,"budget_ms":%s,"frame_ms_avg":%s,' ..
		'"frame_ms_max":%s,"sample_window":%d,"units_tracked":%d,"units_exported":%d,"queue_messages":%d,' ..
		'"queue_bytes":%d,"dropped_total":%d,"messages_sent":%d,"bytes_sent":%s,"connects":%d,"failures":%d}',
		json.string(reason), conn.state, json.string(cfg.host), cfg.port, detailName(), cfg.detail,
		cfg.rate, exportInterval(), budget.level, backpressure, json.number(cfg.budgetMs),
		json.fixed(budget.avgFrameMs, "%.3f"), json.fixed(budget.maxFrameMs, "%.3f"), sampleWindow,
		tracker.count(), tracker.exportedCount(), queue:count(), queue:byteCount(), queue.droppedTotal,
		s.messagesSent, json.int(s.bytesSent), s.connects, s.failures) .. bodyEnd()
	lastStatusClock = clock
	return enqueue(body, "status")
end

local function enqueueHeartbeat()
	local paused = lastPaused
	if spGetGameSpeed then
		local _, _, p = spGetGameSpeed()
		paused = p
	end
	local body = protocol.bodyStart("heartbeat", currentFrame) .. ',"paused":' .. json.bool(paused) .. bodyEnd()
	return enqueue(body, "heartbeat")
end

-- Lowers the export rate while the queue is filling, restores it as it drains.
local function updateBackpressure(frame)
	local fill = queue:count() / queue.maxMessages
	local byteFill = queue:byteCount() / queue.maxBytes
	if byteFill > fill then fill = byteFill end
	if fill > 0.5 and backpressure < 8 and frame - lastBackpressureChange >= 15 then
		backpressure = backpressure * 2
		lastBackpressureChange = frame
		log:info(sformat("network is slow: exporting every %d frames until the queue drains",
			exportInterval()), "backpressure")
	elseif fill < 0.1 and backpressure > 1 and frame - lastBackpressureChange >= 30 then
		backpressure = backpressure / 2
		lastBackpressureChange = frame
	end
	return fill
end

local function applyDetail()
	local want = protocol.DETAIL[cfg.detail] or 2
	local cap = budget:detailCap()
	if want > cap then want = cap end
	if want ~= activeDetail then
		activeDetail = want
		tracker.setDetail(want)
		forcedSnapshotReason = forcedSnapshotReason or "detail"
	end
end

-- Why this frame's export would be a snapshot, or nil for a delta (or no export).
local function snapshotReason(frame)
	if conn.state ~= "CONNECTED" or frame - lastExportFrame < exportInterval() then
		return nil
	end
	if queue.needSnapshot then
		return "resync"
	end
	if forcedSnapshotReason then
		return forcedSnapshotReason
	end
	if frame - lastSnapshotFrame >= cfg.snapshotIntervalSeconds * 30 then
		return "interval"
	end
	return nil
end

local function export(frame)
	local fill = updateBackpressure(frame)
	if frame - lastExportFrame < exportInterval() then
		return
	end
	-- A snapshot must follow any drop; wait for room instead of building one that would
	-- be dropped again.
	local reason = snapshotReason(frame)
	if reason then
		if reason == "resync" and fill > 0.5 then
			return
		end
		enqueueSnapshot(frame, reason)
	else
		enqueueDelta(frame)
	end
	lastExportFrame = frame
end

local function onConnected()
	enqueueHello()
	enqueueSnapshot(currentFrame, "connect")
	lastExportFrame = currentFrame
	backpressure = 1
	lastStatusClock = clock
end

local STATE_COLORS = {
	DISCONNECTED = { 0.6, 0.6, 0.6, 0.9 },
	CONNECTING = { 1.0, 0.85, 0.2, 0.9 },
	CONNECTED = { 0.2, 0.9, 0.3, 0.9 },
	RECONNECTING = { 1.0, 0.55, 0.1, 0.9 },
	FAILED = { 0.95, 0.2, 0.2, 0.9 },
}

local function onState(old, new, reason)
	indicatorColor = STATE_COLORS[new] or indicatorColor
	lastIndicatorClock = -1
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
-- Configuration, commands and API
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
	applyDetail()
end

local function reconnectIfActive()
	if conn.state ~= "DISCONNECTED" then
		conn:connect(clock)
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
	conn:connect(clock)
end

local function disconnectNow()
	if not initialized then return end
	cfg.autoConnect = false
	conn:disconnect("requested")
end

local HELP = {
	"/livedata status                 connection state, target, queue, rate",
	"/livedata connect                connect now (resets backoff and circuit breaker)",
	"/livedata disconnect             close the connection and stay offline",
	"/livedata host <IPv4>            server address (default 127.0.0.1)",
	"/livedata port <1-65535>         server port (default 8765)",
	"/livedata rate <1-30>            exports per second (default 30)",
	"/livedata detail <minimal|standard|comprehensive>",
	"/livedata framing <newline|length>",
	"/livedata stats                  counters: messages, bytes, drops, timings",
	"/livedata help                   this text",
}

local function printStatus()
	local retry = conn:retryIn(clock)
	say(sformat("%s %s:%d%s | detail %s | every %d frame(s) | units %d/%d | queue %d (%d B) | %.1f msg/s",
		conn.state, cfg.host, cfg.port,
		retry and sformat(" (retry in %.1f s)", retry) or "",
		detailName(), exportInterval(), tracker.exportedCount(), tracker.count(),
		queue:count(), queue:byteCount(), msgsPerSecond))
	if conn.lastError then
		say("last error: " .. tostring(conn.lastError))
	end
end

local function printStats()
	local st = statusTable()
	say(sformat("sent %d msgs / %d B, discarded %d B from server, %d partial sends, %d connects, %d failures",
		st.messages_sent, st.bytes_sent, st.bytes_discarded, st.partial_sends, st.connects, st.failures))
	local k = st.dropped_by_kind
	say(sformat("dropped %d: snapshot %d, delta %d, status %d, heartbeat %d (oldest %d, new %d, priority %d, purged %d, disconnect %d)",
		st.dropped_total, k.snapshot, k.delta, k.status, k.heartbeat,
		st.dropped_by_strategy["drop-oldest"], st.dropped_by_strategy["drop-new"],
		st.dropped_by_strategy["priority"], st.dropped_by_strategy.purge, st.dropped_by_strategy.clear))
	say(sformat("frame %.3f ms avg, %.3f ms max (budget %.2f), level %d, sample window %d frames, %.4f ms/unit",
		st.frame_ms_avg, st.frame_ms_max, st.budget_ms, st.level, st.sample_window, budget.costPerUnitMs))
end

local function setFromCommand(key, value)
	if value == nil then
		say("usage: /livedata " .. key .. " <value>  (current: " .. tostring(cfg[key]) .. ")")
		return
	end
	local ok, warnings = setConfig({ [key] = value })
	for i = 1, #warnings do say(warnings[i]) end
	if ok then
		say(key .. " = " .. tostring(cfg[key]))
	end
end

local function splitWords(line)
	local words = {}
	for w in string.gmatch(line or "", "%S+") do
		words[#words + 1] = w
	end
	return words
end

local function onCommand(_, optLine, optWords)
	local words = type(optWords) == "table" and optWords or splitWords(optLine)
	local sub = words[1] and string.lower(words[1]) or "status"
	if sub == "status" then
		printStatus()
	elseif sub == "connect" then
		connectNow()
		say("connecting to " .. cfg.host .. ":" .. cfg.port)
	elseif sub == "disconnect" then
		disconnectNow()
	elseif sub == "host" or sub == "port" or sub == "rate" or sub == "detail" or sub == "framing" then
		setFromCommand(sub, words[2])
	elseif sub == "stats" then
		printStats()
	elseif sub == "help" then
		for i = 1, #HELP do say(HELP[i]) end
	else
		say("unknown subcommand '" .. tostring(words[1]) .. "'; /livedata help")
	end
	return true
end

local api = {
	version = WIDGET_VERSION,
	schemaVersion = protocol.SCHEMA_VERSION,
	getConfig = function() return Config.copy(cfg) end,
	setConfig = function(t) return setConfig(t) end,
	getStatus = function() return statusTable() end,
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
	tracker = Tracker.new({
		GetUnitPosition = Spring.GetUnitPosition,
		GetUnitHealth = Spring.GetUnitHealth,
		GetUnitVelocity = Spring.GetUnitVelocity,
		GetUnitHeading = Spring.GetUnitHeading,
		IsUnitInLos = Spring.IsUnitInLos,
		GetUnitDefID = Spring.GetUnitDefID,
		GetUnitTeam = Spring.GetUnitTeam,
		IsImmobileDef = isImmobileDef,
	})
	activeDetail = protocol.DETAIL[cfg.detail] or 2
	tracker.setDetail(activeDetail)
	applyAll()
	for i = 1, #cfgWarnings do
		log:warning("settings: " .. cfgWarnings[i])
	end
	if storedFromVersion and storedFromVersion < Config.VERSION then
		log:info(sformat("settings migrated from version %d to %d", storedFromVersion, Config.VERSION))
	end
	currentFrame = fullFrame()
	lastExportFrame, lastSnapshotFrame, lastTeamFrame = currentFrame, currentFrame, currentFrame
	refreshView()
	rescanUnits()
	-- The unit-definition table is static: encode it once now (load time) rather than in
	-- the frame where the first connection completes.
	buildUnitDefsJson()
	initialized = true

	if widgetHandler and widgetHandler.AddAction then
		widgetHandler:AddAction("livedata", onCommand, nil, "t")
	end
	WG.LiveDataExport = api

	if cfg.autoConnect then
		conn:connect(clock)
	end
end

function widget:Shutdown()
	if not initialized then
		return
	end
	if conn.state == "CONNECTED" then
		-- One last non-blocking attempt to tell the server we are going.
		enqueueStatus("shutdown")
		conn:update(clock, cfg.sendBudgetBytes, 0)
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
	if spentMs > 0 and budget:observeFrame(spentMs) then
		applyDetail()
		if conn.state == "CONNECTED" then
			enqueueStatus("budget")
		end
		log:info(sformat("frame budget: adaptation level %d (export every %d frames, detail %s)",
			budget.level, exportInterval(), detailName()), "budget")
	end
	spentMs = 0
	if type(n) == "number" then
		currentFrame = n
	else
		currentFrame = currentFrame + 1
	end

	-- Sample a slice of the units (round-robin). Target: just enough for the freshness
	-- goal (every unit read within maxUnitAgeFrames, times the adaptation divisor) and no
	-- more, since CPU is the scarce thing; hard cap: a share of the frame budget, checked
	-- every chunk, so a slice full of changing units cannot blow the frame.
	local total = tracker.count()
	if total > 0 then
		local target = ceil(total / (cfg.maxUnitAgeFrames * budget:intervalMultiplier()))
		if snapshotReason(currentFrame) then
			-- The snapshot (every unit's fragment joined) is this frame's big job: read half
			-- the usual slice, so the two together stay near an ordinary frame.
			target = ceil(target / 2)
		end
		if target > total then target = total end
		local cap = cfg.budgetMs * SAMPLE_SHARE_CAP
		local cyclesBefore = tracker.stats.cycles
		local ts = timerNow()
		local visited, spent = 0, 0
		while visited < target do
			local chunk = target - visited
			if chunk > SAMPLE_CHUNK then chunk = SAMPLE_CHUNK end
			local v = tracker.sample(chunk)
			if v == 0 then break end
			visited = visited + v
			spent = msSince(ts)
			if spent >= cap then break end
		end
		budget:observeSampling(visited, spent)
		-- Freshness bound: units not yet read in this cycle were read during the previous
		-- one, so nothing is older than the previous cycle's start (conservative, never low).
		if tracker.stats.cycles ~= cyclesBefore then
			prevCycleStartFrame = cycleStartFrame
			cycleStartFrame = currentFrame
		end
		sampleWindow = currentFrame - prevCycleStartFrame
		if sampleWindow < 1 then sampleWindow = 1 end
	else
		sampleWindow = 1
	end

	framesWithoutUpdate = framesWithoutUpdate + 1
	if framesWithoutUpdate > 30 then
		-- No Update call-in for a second of game frames (headless runs): let game time
		-- drive the reconnect clock instead. (A fast-forwarding game has bursts of frames
		-- between Updates, hence the grace period.)
		clock = clock + 1 / 30
		log:setTime(clock)
	end
	if conn.state == "CONNECTED" then
		export(currentFrame)
	else
		tracker.discardPending()
	end
	stepPeriodicRescan()
	-- SCHEMA §3.3: a message reaches the client within 450 frames of its frame. Waiting in
	-- the queue may use QUEUE_MAX_AGE_FRAMES of 450 (socket buffers and the network the
	-- rest); older messages are discarded and declared, and a resync snapshot follows.
	queue:expire(currentFrame - QUEUE_MAX_AGE_FRAMES)
	conn:update(clock, cfg.sendBudgetBytes, 0) -- send now; reading waits for Update
	spentMs = spentMs + msSince(t0)
end

function widget:Update(dt)
	if not initialized then return end
	if type(dt) ~= "number" and spGetLastUpdateSeconds then
		dt = spGetLastUpdateSeconds()
	end
	if type(dt) == "number" and dt == dt and dt > 0 and dt < 3600 then
		clock = clock + dt
	end
	framesWithoutUpdate = 0
	log:setTime(clock)

	-- Update runs every draw frame (20 times a sim frame at 0.1x speed), so the common case
	-- is a few comparisons: the server's (discarded) bytes are read at most 30 times a
	-- second, and a connection with nothing queued is not touched in between. Only the
	-- connection work is timed for the budget; the rest costs less than the timer calls.
	local connected = conn.state == "CONNECTED"
	if connected then
		local idle = conn.wire == nil and queue:count() == 0
		if idle and clock - lastEnqueueClock >= cfg.heartbeatSeconds then
			enqueueHeartbeat()
		end
		if clock - lastStatusClock >= cfg.statusSeconds then
			enqueueStatus("periodic")
		end
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
		msgsPerSecond = (sent - lastRateCount) / (clock - lastRateClock)
		lastRateCount, lastRateClock = sent, clock
	end
	if cfg.showIndicator and (lastIndicatorClock < 0 or clock - lastIndicatorClock >= 0.5) then
		lastIndicatorClock = clock
		indicatorColor = STATE_COLORS[conn.state] or indicatorColor
		-- "\255\255\255\255": the font's inline colour code for white (saves a gl.Color call a frame)
		indicatorText = sformat("\255\255\255\255LiveData %s  q%d  %.0f msg/s", conn.state, queue:count(), msgsPerSecond)
	end
end

function widget:ViewResize(vsx, vsy)
	viewX, viewY = vsx, vsy
end

function widget:DrawScreen()
	if not initialized or not cfg.showIndicator or not glRect then
		return
	end
	local vsx, vsy = viewX, viewY
	if vsx == nil and spGetViewGeometry then
		vsx, vsy = spGetViewGeometry()
		viewX, viewY = vsx, vsy
	end
	if type(vsx) ~= "number" or type(vsy) ~= "number" then
		return
	end
	local x, y = vsx - 250, vsy - 40
	local c = indicatorColor
	glColor(c[1], c[2], c[3], c[4])
	glRect(x, y, x + 10, y + 10)
	if glText then
		glText(indicatorText, x + 16, y, 11, "o") -- white by its colour code
	end
	glColor(1, 1, 1, 1)
end

function widget:PlayerChanged()
	if not initialized then return end
	refreshView()
	rescanUnits()
	playersDirty = true
end

function widget:UnitCreated(unitID, unitDefID, unitTeam)
	if initialized then tracker.add(unitID, unitDefID, unitTeam) end
end

function widget:UnitDestroyed(unitID)
	if initialized then tracker.destroyed(unitID) end
end

function widget:UnitEnteredLos(unitID)
	if initialized then tracker.add(unitID) end
end

function widget:UnitLeftLos(unitID)
	if initialized then tracker.leftLos(unitID) end
end

function widget:UnitGiven(unitID, unitDefID, newTeam)
	if initialized then tracker.add(unitID, unitDefID, newTeam) end
end

function widget:UnitTaken(unitID, unitDefID, oldTeam, newTeam)
	if initialized then tracker.add(unitID, unitDefID, newTeam) end
end

function widget:GameOver()
	if initialized and conn.state == "CONNECTED" then
		enqueueStatus("game_over")
	end
end
