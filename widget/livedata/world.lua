-- livedata/world.lua: what the widget reads from the engine, apart from the per-unit reads the
-- tracker makes itself: the view (spectator, local ally team), teams and their resources,
-- players, game speed and pause, the local player, map and unit definitions; the per-frame
-- slice of units read into the tracker; and the reconciliations with GetAllUnits.
--
-- It keeps the JSON of teams, players and game for the messages, rebuilt only when something
-- changed. Engine functions are localised when `new` runs (at widget load); the tracker's own
-- are handed over in `startTracker` (Initialize).
--
-- Usage: local world = World.new({ spring = Spring, protocol = p, json = j, timerNow = f, msSince = g })
--        local tracker = world.startTracker(Tracker, budget)

local W = {}

local RESCAN_FRAMES = 900  -- safety-net reconciliation with GetAllUnits (30 s)...
local RESCAN_CHUNK = 250   -- ... spread over frames, this many units a frame
local SAMPLE_CHUNK = 64    -- units sampled between two looks at the clock
local SAMPLE_SHARE_CAP = 0.55 -- sampling stops at this share of budgetMs in any frame

function W.new(deps)
	local spring = deps.spring
	local protocol = deps.protocol
	local json = deps.json
	local timerNow = deps.timerNow
	local msSince = deps.msSince

	local spGetGameSpeed = spring.GetGameSpeed
	local spGetSpectatingState = spring.GetSpectatingState
	local spGetMyAllyTeamID = spring.GetMyAllyTeamID or spring.GetLocalAllyTeamID
	local spGetMyTeamID = spring.GetMyTeamID or spring.GetLocalTeamID
	local spGetMyPlayerID = spring.GetMyPlayerID or spring.GetLocalPlayerID
	local spGetAllUnits = spring.GetAllUnits
	local spGetTeamList = spring.GetTeamList
	local spGetTeamInfo = spring.GetTeamInfo
	local spGetTeamResources = spring.GetTeamResources
	local spGetPlayerList = spring.GetPlayerList
	local spGetPlayerInfo = spring.GetPlayerInfo

	local tconcat = table.concat
	local tsort = table.sort
	local ceil = math.ceil
	local jint = json.int

	local tracker, budget

	local lastRescanFrame = 0
	local rescanning = false
	local sampleWindow = 1          -- frames for one full sampling cycle (freshness bound)
	local cycleStartFrame = 0       -- frame in which the current sampling cycle began
	local prevCycleStartFrame = 0   -- ... and the previous one

	local teamList = {}
	local teamAlly = {}
	local teamDead = {}
	local teamFrag = {}             -- teamID -> last encoded team JSON
	local changedTeams, nChangedTeams = {}, 0
	local playersJson = "[]"
	local playersDirty = true
	local gameJson = nil
	local lastPaused, lastWantedSpeed = nil, nil
	local unitDefsJson = nil

	local self = {}

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

	--- Creates the unit tracker over the engine's per-unit functions; the world samples it.
	function self.startTracker(Tracker, governor)
		budget = governor
		tracker = Tracker.new({
			GetUnitPosition = spring.GetUnitPosition,
			GetUnitHealth = spring.GetUnitHealth,
			GetUnitVelocity = spring.GetUnitVelocity,
			GetUnitHeading = spring.GetUnitHeading,
			IsUnitInLos = spring.IsUnitInLos,
			GetUnitDefID = spring.GetUnitDefID,
			GetUnitTeam = spring.GetUnitTeam,
			IsImmobileDef = isImmobileDef,
		})
		return tracker
	end

	-- View, teams and units --------------------------------------------------------------

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
	self.refreshView = refreshView

	-- At once (Initialize, view changes)...
	local function rescanUnits(frame)
		if spGetAllUnits then
			tracker.rescan(spGetAllUnits())
		end
		lastRescanFrame = frame
	end
	self.rescanUnits = rescanUnits

	-- ... or spread over the next frames (the periodic safety net), so no frame pays for all.
	function self.stepPeriodicRescan(frame, lastSnapshotFrame)
		if rescanning then
			rescanning = tracker.stepRescan(RESCAN_CHUNK)
		elseif frame - lastRescanFrame >= RESCAN_FRAMES and lastSnapshotFrame ~= frame and spGetAllUnits then
			tracker.beginRescan(spGetAllUnits())
			lastRescanFrame = frame
			rescanning = true
		end
	end

	--- The local player changed team, ally team or spectator state.
	function self.playerChanged(frame)
		refreshView()
		rescanUnits(frame)
		playersDirty = true
	end

	-- Samples a slice of the units (round-robin). Target: just enough for the freshness goal
	-- (every unit read within maxUnitAgeFrames, times the adaptation divisor) and no more,
	-- since CPU is the scarce thing; hard cap: a share of the frame budget (less what this
	-- frame's unit events already cost, `eventUnits` of them, each about one read), checked
	-- every chunk, so a slice full of changing units cannot blow the frame.
	function self.sampleUnits(frame, cfg, snapshotReason, eventUnits)
		local total = tracker.count()
		if total > 0 then
			local target = ceil(total / (cfg.maxUnitAgeFrames * budget:intervalMultiplier()))
			local cap = cfg.budgetMs * SAMPLE_SHARE_CAP
			if snapshotReason(frame) then
				-- A snapshot (a share of every unit's fragment joined) is this frame's big job:
				-- read half the usual slice, so the two together stay near an ordinary frame.
				target = ceil(target / 2)
				cap = cap / 2
			end
			if target > total then target = total end
			if eventUnits and eventUnits > 0 then
				cap = cap - eventUnits * budget.costPerUnitMs
			end
			local cyclesBefore = tracker.stats.cycles
			local ts = timerNow()
			local visited, spent = 0, 0
			while visited < target and spent < cap do
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
				cycleStartFrame = frame
			end
			sampleWindow = frame - prevCycleStartFrame
			if sampleWindow < 1 then sampleWindow = 1 end
		else
			sampleWindow = 1
		end
	end

	--- Frames in which every unit was read at least once (the freshness bound of the data).
	function self.sampleWindow() return sampleWindow end

	-- Teams, players, game ------------------------------------------------------------------

	--- Re-encodes every team; returns how many teams' JSON changed (appendChangedTeams).
	function self.sampleTeams()
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
		return nChangedTeams
	end

	--- Every team's JSON, comma-separated, into buf after slot n; returns the new n.
	function self.appendTeams(buf, n)
		for i = 1, #teamList do
			if i > 1 then n = n + 1; buf[n] = "," end
			n = n + 1
			buf[n] = teamFrag[teamList[i]] or "null"
		end
		return n
	end

	--- The first `count` changed teams of the last sampleTeams, like appendTeams.
	function self.appendChangedTeams(buf, n, count)
		for i = 1, count do
			if i > 1 then n = n + 1; buf[n] = "," end
			n = n + 1
			buf[n] = changedTeams[i]
		end
		return n
	end

	--- Re-encodes the player list; returns true when it changed.
	function self.samplePlayers()
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

	function self.playersJson() return playersJson end

	--- True when the player list may have changed since it was last sampled.
	function self.playersDirty() return playersDirty end

	-- Returns true when pause or speed changed since the last call; gameJson is rebuilt
	-- only then (or when `force`), so a quiet game costs one engine call per export.
	function self.sampleGame(frame, force)
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

	function self.gameJson() return gameJson end

	--- Whether the game is paused now (the last sampled value if the engine cannot say).
	function self.isPaused()
		local paused = lastPaused
		if spGetGameSpeed then
			local _, _, p = spGetGameSpeed()
			paused = p
		end
		return paused
	end

	-- Static descriptions ---------------------------------------------------------------------

	--- Unit definitions as a JSON list, encoded once (the table never changes in a game).
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
			tsort(ids)
			for i = 1, #ids do
				local ok, s = pcall(protocol.encodeUnitDef, ids[i], UnitDefs[ids[i]])
				if ok then parts[#parts + 1] = s end
			end
		end
		unitDefsJson = "[" .. tconcat(parts, ",") .. "]"
		return unitDefsJson
	end
	self.unitDefsJson = buildUnitDefsJson

	--- The hello message's description of the game: game name, local player, map, unit defs.
	function self.helloFields()
		local spec, fullView = false, false
		if spGetSpectatingState then spec, fullView = spGetSpectatingState() end
		local mapJson = "{" ..
			'"name":' .. json.string(Game and Game.mapName or "") ..
			',"size_x":' .. json.number(Game and Game.mapSizeX) ..
			',"size_z":' .. json.number(Game and Game.mapSizeZ) .. "}"
		return ',"game_name":' .. json.string(Game and Game.gameName or "") ..
			',"local":{"player_id":' .. jint(spGetMyPlayerID and spGetMyPlayerID()) ..
			',"team_id":' .. jint(spGetMyTeamID and spGetMyTeamID()) ..
			',"ally_team_id":' .. jint(spGetMyAllyTeamID and spGetMyAllyTeamID()) ..
			',"spectator":' .. json.bool(spec) .. ',"full_view":' .. json.bool(spec and fullView) .. "}" ..
			',"map":' .. mapJson ..
			',"unit_defs":' .. buildUnitDefsJson()
	end

	return self
end

return W
