-- livedata/exporter.lua: what goes on the wire, and when.
--
-- Builds the messages (hello, snapshot, delta, status, heartbeat) into one reused buffer and
-- queues them ready to send (framing tail included). Decides in each frame between a
-- snapshot, a delta or nothing: the export interval (rate, times the governor's divisor,
-- times backpressure from a filling queue), snapshots after a drop, a detail change, a new
-- connection, and every snapshotIntervalSeconds. Keeps the detail in force (the configured
-- one, capped by the governor).
--
-- `shared` is the widget's: cfg (settings), clock (seconds), frame, msgsPerSecond.
-- Usage: local exporter = Exporter.new({ shared = s, protocol = p, json = j, world = w,
--        tracker = t, conn = c, queue = q, budget = b, log = l, version = "1.2.0" })

local X = {}

function X.new(deps)
	local shared = deps.shared
	local protocol = deps.protocol
	local json = deps.json
	local world = deps.world
	local tracker = deps.tracker
	local conn = deps.conn
	local queue = deps.queue
	local budget = deps.budget
	local log = deps.log
	local version = deps.version

	local tconcat = table.concat
	local floor = math.floor
	local sformat = string.format
	local jint = json.int

	local lastExportFrame = -1
	local lastSnapshotFrame = -1
	local lastTeamFrame = -1000
	local forcedSnapshotReason = nil
	local backpressure = 1          -- export interval multiplier from queue pressure
	local lastBackpressureChange = 0
	local lastEnqueueClock = 0
	local lastStatusClock = 0
	local activeDetail = protocol.DETAIL[shared.cfg.detail] or 2 -- config, capped by the governor
	tracker.setDetail(activeDetail)

	local buf = {}                  -- reused message buffer
	-- A snapshot in the making, built over at most SNAPSHOT_FRAMES frames so that no frame pays
	-- for every unit's fragment (at least SNAPSHOT_STEP list positions a frame): why, since which
	-- frame, and the largest sample window of its frames.
	local SNAPSHOT_STEP = 1000
	local SNAPSHOT_FRAMES = 5
	local buildingReason, buildStartFrame, buildWindow = nil, 0, 0
	local buildStep = SNAPSHOT_STEP

	local self = {}

	local function exportInterval()
		local base = floor(30 / shared.cfg.rate + 0.5)
		if base < 1 then base = 1 end
		return base * budget:intervalMultiplier() * backpressure
	end
	self.exportInterval = exportInterval

	local function detailName()
		return protocol.DETAIL_NAME[activeDetail]
	end
	self.detailName = detailName

	-- "}" plus the framing's tail ("\n" for newline framing): bodies are queued ready to send.
	local function bodyEnd()
		return protocol.TAIL[shared.cfg.framing] == "" and "}" or "}\n"
	end

	-- The buffer is never cleared: concat reads slots 1..n only, and clearing a 10,000-slot
	-- snapshot buffer would cost as much as filling it. The stale tail keeps at most one
	-- snapshot's fragment strings alive (most of them current ones) until overwritten.
	local function finishBody(n)
		n = n + 1
		buf[n] = bodyEnd()
		return tconcat(buf, "", 1, n)
	end

	-- `key` (',"name":') and its JSON value into buf after slot n; returns the new n.
	local function appendField(n, key, value)
		buf[n + 1] = key
		buf[n + 2] = value
		return n + 2
	end

	local function enqueue(body, kind)
		lastEnqueueClock = shared.clock
		return queue:push(body, kind, shared.frame)
	end

	-- Messages ------------------------------------------------------------------------------

	local function enqueueHello()
		local cfg = shared.cfg
		local body = protocol.bodyStart("hello", shared.frame) ..
			',"protocol":"' .. protocol.PROTOCOL .. '"' ..
			',"widget_version":' .. json.string(version) ..
			',"detail":' .. json.string(detailName()) ..
			',"framing":' .. json.string(cfg.framing) ..
			',"rate":' .. jint(cfg.rate) ..
			world.helloFields() .. bodyEnd()
		enqueue(body, "hello")
	end

	-- `since`: the frame the capture of its units began (the window grows by the frames since).
	local function enqueueSnapshot(frame, reason, since)
		if not since or world.sampleWindow() > buildWindow then
			buildWindow = world.sampleWindow()
		end
		world.sampleTeams()
		world.samplePlayers()
		world.sampleGame(frame, true)
		local n = 1
		buf[1] = protocol.bodyStart("snapshot", frame)
		n = n + 1
		buf[n] = sformat(',"protocol":"%s","reason":"%s","detail":"%s","sample_window":%d,"game":',
			protocol.PROTOCOL, reason, detailName(), buildWindow + frame - (since or frame))
		n = n + 1
		buf[n] = world.gameJson()
		n = appendField(n, ',"players":', world.playersJson())
		n = n + 1
		buf[n] = ',"teams":['
		n = world.appendTeams(buf, n)
		n = n + 1
		buf[n] = "]"
		if since then
			n = tracker.finishSnapshot(buf, n)
		else
			n = tracker.appendSnapshot(buf, n)
		end
		buildingReason = nil
		local ok = enqueue(finishBody(n), "snapshot")
		lastSnapshotFrame = frame
		lastTeamFrame = frame
		forcedSnapshotReason = nil
		return ok
	end

	local function enqueueDelta(frame)
		local teamsDue = frame - lastTeamFrame >= shared.cfg.teamIntervalFrames
		local playersChanged = false
		local nChangedTeams = 0
		if teamsDue then
			nChangedTeams = world.sampleTeams()
			lastTeamFrame = frame
			if world.playersDirty() then
				playersChanged = world.samplePlayers()
			end
		end
		local gameChanged = world.sampleGame(frame)
		if not tracker.hasChanges() and nChangedTeams == 0 and not playersChanged and not gameChanged then
			return false
		end
		local n = 1
		buf[1] = protocol.bodyStart("delta", frame)
		n = n + 1
		buf[n] = sformat(',"detail":"%s","sample_window":%d', detailName(), world.sampleWindow())
		n = tracker.appendDelta(buf, n)
		n = n + 1
		buf[n] = ',"teams":['
		n = world.appendChangedTeams(buf, n, nChangedTeams)
		n = n + 1
		buf[n] = "]"
		if playersChanged then
			n = appendField(n, ',"players":', world.playersJson())
		end
		if gameChanged then
			n = appendField(n, ',"game":', world.gameJson())
		end
		return enqueue(finishBody(n), "delta")
	end

	--- The widget's state as a table (WG.LiveDataExport.getStatus, /livedata stats).
	function self.statusTable()
		local s = conn.stats
		local cfg = shared.cfg
		return {
			state = conn.state,
			host = cfg.host,
			port = cfg.port,
			last_error = conn.lastError,
			retry_in_seconds = conn:retryIn(shared.clock),
			detail = detailName(),
			configured_detail = cfg.detail,
			rate = cfg.rate,
			interval_frames = exportInterval(),
			level = budget.level,
			backpressure = backpressure,
			budget_ms = cfg.budgetMs,
			frame_ms_avg = budget.avgFrameMs,
			frame_ms_max = budget.maxFrameMs,
			sample_window = world.sampleWindow(),
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
			messages_per_second = shared.msgsPerSecond,
		}
	end

	local STATUS_FORMAT = ',"status":{"reason":%s,"state":"%s","host":%s,"port":%d,"detail":"%s",' ..
		'"configured_detail":"%s","rate":%d,"interval_frames":%d,"level":%d,"backpressure":%d,' ..
		'"budget_ms":%s,"frame_ms_avg":%s,"frame_ms_max":%s,"sample_window":%d,"units_tracked":%d,' ..
		'"units_exported":%d,"queue_messages":%d,"queue_bytes":%d,"dropped_total":%d,' ..
		'"messages_sent":%d,"bytes_sent":%s,"connects":%d,"failures":%d}'

	local function enqueueStatus(reason)
		local s = conn.stats
		local cfg = shared.cfg
		local body = protocol.bodyStart("status", shared.frame) .. sformat(STATUS_FORMAT,
			json.string(reason), conn.state, json.string(cfg.host), cfg.port, detailName(), cfg.detail,
			cfg.rate, exportInterval(), budget.level, backpressure, json.number(cfg.budgetMs),
			json.fixed(budget.avgFrameMs, "%.3f"), json.fixed(budget.maxFrameMs, "%.3f"), world.sampleWindow(),
			tracker.count(), tracker.exportedCount(), queue:count(), queue:byteCount(), queue.droppedTotal,
			s.messagesSent, json.int(s.bytesSent), s.connects, s.failures) .. bodyEnd()
		lastStatusClock = shared.clock
		return enqueue(body, "status")
	end
	self.enqueueStatus = enqueueStatus

	local function enqueueHeartbeat()
		local body = protocol.bodyStart("heartbeat", shared.frame) .. ',"paused":' ..
			json.bool(world.isPaused()) .. bodyEnd()
		return enqueue(body, "heartbeat")
	end

	--- While connected (each Update): a heartbeat when idle for heartbeatSeconds, the status when due.
	function self.keepAlive(idle)
		local cfg = shared.cfg
		if idle and shared.clock - lastEnqueueClock >= cfg.heartbeatSeconds then
			enqueueHeartbeat()
		end
		if shared.clock - lastStatusClock >= cfg.statusSeconds then
			enqueueStatus("periodic")
		end
	end

	-- Scheduling ----------------------------------------------------------------------------

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

	--- Puts the configured detail, capped by the governor, in force (a change forces a snapshot).
	function self.applyDetail()
		local want = protocol.DETAIL[shared.cfg.detail] or 2
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
		if buildingReason and tracker.isBuildingSnapshot() then
			return buildingReason
		end
		if conn.state ~= "CONNECTED" or frame - lastExportFrame < exportInterval() then
			return nil
		end
		if queue.needSnapshot then
			return "resync"
		end
		if forcedSnapshotReason then
			return forcedSnapshotReason
		end
		if frame - lastSnapshotFrame >= shared.cfg.snapshotIntervalSeconds * 30 then
			return "interval"
		end
		return nil
	end
	self.snapshotReason = snapshotReason

	local function export(frame)
		local fill = updateBackpressure(frame)
		if buildingReason then
			-- No delta while a snapshot is built: the snapshot would overwrite it. Pending
			-- changes after a unit's capture follow the snapshot.
			if world.sampleWindow() > buildWindow then
				buildWindow = world.sampleWindow()
			end
			if not tracker.isBuildingSnapshot() then
				buildingReason = nil -- cancelled (the connection went away meanwhile)
			elseif tracker.stepSnapshot(buildStep) then
				enqueueSnapshot(frame, buildingReason, buildStartFrame)
				lastExportFrame = frame
			end
			return
		end
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
			buildingReason, buildStartFrame, buildWindow = reason, frame, world.sampleWindow()
			buildStep = floor(tracker.count() / SNAPSHOT_FRAMES) + 1
			if buildStep < SNAPSHOT_STEP then buildStep = SNAPSHOT_STEP end
			tracker.beginSnapshot()
			if tracker.stepSnapshot(buildStep) then
				enqueueSnapshot(frame, reason, frame)
				lastExportFrame = frame
			end
			return
		else
			enqueueDelta(frame)
		end
		lastExportFrame = frame
	end
	self.export = export

	--- A new connection: hello, then a full snapshot, at the full export rate.
	function self.onConnected()
		buildingReason = nil
		enqueueHello()
		enqueueSnapshot(shared.frame, "connect")
		lastExportFrame = shared.frame
		backpressure = 1
		lastStatusClock = shared.clock
	end

	--- The widget starts at `frame`: the first export, snapshot and team read are due from there.
	function self.startAt(frame)
		lastExportFrame, lastSnapshotFrame, lastTeamFrame = frame, frame, frame
	end

	function self.lastSnapshotFrame() return lastSnapshotFrame end

	return self
end

return X
