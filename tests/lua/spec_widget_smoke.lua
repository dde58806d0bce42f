-- Whole-widget smoke tests: export_livedata.lua loaded like BAR loads it, against the fake
-- world and fake LuaSocket, with every received byte checked by the stream oracle.
local T = require("testlib")
local E = require("fake_engine")
local FakeNet = require("fake_socket")
local Oracle = require("stream_oracle")
local json = T.json()

local function setup(opts)
	opts = opts or {}
	local w = E.newWorld(opts)
	for i = 1, (opts.units or 60) do
		local team = (i % 3)
		E.addUnit(w, team, (i % 2) + 1, 100 + i * 10, 200 + i * 5)
	end
	local net = FakeNet.new()
	local h = E.loadWidget(w, net.lib, T.root)
	-- Privacy is judged against what was visible in the message's window (SCHEMA §7.1, §8).
	w.visibleAt = {}
	local oracle = Oracle.new(json, opts.framing or "newline", function(id, frame, window)
		local recorded = false
		for f = frame - window, frame do
			local seen = w.visibleAt[f]
			if seen then
				recorded = true
				if seen[id] then return true end
			end
		end
		return not recorded and E.inLos(w, id)
	end)
	return w, net, h, oracle
end

local function start(h, config)
	E.call(h, "SetConfigData", config)
	E.call(h, "Initialize")
end

local function pump(w, h, net, oracle, frames, each)
	for _ = 1, frames do
		E.run(w, h, 1, function(frame)
			if each then each(frame) end
			local seen = {}
			for _, id in ipairs(w.ids) do seen[id] = E.inLos(w, id) end
			w.visibleAt[frame] = seen
		end)
		oracle:feed(net:readItems(), FakeNet.CONNECT)
	end
end

local function moveAll(w)
	return function(frame)
		for _, id in ipairs(w.ids) do
			local u = w.units[id]
			if u.def ~= 2 then u.x = u.x + 1.5 end -- def 2 is a building: it never moves
			if frame % 10 == 0 then u.hp = u.hp - 3 end
		end
	end
end

-- The client's picture holds exactly the world's units.
local function assertPictureIsTheWorld(oracle, w)
	local n = 0
	for id in pairs(oracle.units) do
		n = n + 1
		T.truthy(w.units[id], "unit " .. id .. " exists in the world")
	end
	T.eq(n, #w.ids, "picture size")
end

local function assertClean(oracle)
	if #oracle.errors > 0 then
		T.fail(#oracle.errors .. " oracle errors, first: " .. oracle.errors[1])
	end
end

T.test("widget loads, connects, sends hello then snapshot, then deltas", function()
	local w, net, h, oracle = setup()
	start(h, nil)
	T.truthy(h.WG.LiveDataExport, "WG.LiveDataExport registered")
	T.truthy(h.actions.livedata, "/livedata action registered")
	pump(w, h, net, oracle, 300, moveAll(w))
	assertClean(oracle)
	T.eq(oracle.messages[1].type, "hello")
	T.eq(oracle.messages[2].type, "snapshot")
	T.truthy((oracle.counts.delta or 0) > 200, "deltas every frame, got " .. tostring(oracle.counts.delta))
	T.eq(net.blockingCalls, 0, "blocking socket calls")
	T.eq(h.WG.LiveDataExport.getStatus().state, "CONNECTED")
	T.truthy(h.drawCalls.Rect > 0, "indicator drawn")
end)

T.test("non-spectator never exports enemy units outside LOS, radar blips included", function()
	local w, net, h, oracle = setup({ units = 90 })
	for _, id in ipairs(w.ids) do
		local u = w.units[id]
		if u.team == 2 then
			if id % 2 == 0 then w.los[id] = true else w.radar[id] = true end
		end
	end
	start(h, nil)
	pump(w, h, net, oracle, 120, function(frame)
		for _, id in ipairs(w.ids) do
			local u = w.units[id]
			if u.team == 2 and frame % 17 == id % 17 then
				if w.los[id] then
					w.los[id] = nil; w.radar[id] = true
					E.call(h, "UnitLeftLos", id, 0)
				else
					w.los[id] = true; w.radar[id] = nil
					E.call(h, "UnitEnteredLos", id, 0)
				end
			end
		end
	end)
	assertClean(oracle)
	-- receiver's picture: only units visible at the end
	for id in pairs(oracle.units) do
		T.truthy(E.inLos(w, id), "unit " .. id .. " in the receiver's picture is visible")
	end
	local enemies = 0
	for id in pairs(oracle.units) do if w.units[id].team == 2 then enemies = enemies + 1 end end
	T.truthy(enemies > 0, "enemies in LOS are exported")
end)

T.test("spectator with full view exports every unit", function()
	local w, net, h, oracle = setup({ units = 30, spectator = true, fullView = true })
	start(h, nil)
	pump(w, h, net, oracle, 30)
	assertClean(oracle)
	local n = 0
	for _ in pairs(oracle.units) do n = n + 1 end
	T.eq(n, 30, "units in the receiver's picture")
end)

T.test("created and destroyed units appear in deltas; the picture matches the world", function()
	local w, net, h, oracle = setup({ units = 20, spectator = true, fullView = true })
	start(h, nil)
	pump(w, h, net, oracle, 200, function(frame)
		if frame % 7 == 0 then
			local u = E.addUnit(w, frame % 3, 1, frame, frame)
			E.call(h, "UnitCreated", u.id, u.def, u.team)
		end
		if frame % 11 == 0 then
			local id = w.ids[1]
			E.removeUnit(w, id)
			E.call(h, "UnitDestroyed", id, 1, 0)
		end
	end)
	assertClean(oracle)
	assertPictureIsTheWorld(oracle, w)
end)

T.test("server down: backoff, reconnect, hello and snapshot first again, gaps declared", function()
	local w, net, h, oracle = setup({ units = 30 })
	start(h, nil)
	pump(w, h, net, oracle, 60, moveAll(w))
	net.listening = false
	net:closePeer()
	pump(w, h, net, oracle, 30 * 5, moveAll(w))
	T.ne(h.WG.LiveDataExport.getStatus().state, "CONNECTED")
	net.listening = true
	pump(w, h, net, oracle, 30 * 40, moveAll(w))
	assertClean(oracle)
	T.eq(h.WG.LiveDataExport.getStatus().state, "CONNECTED")
	T.truthy(oracle.connection >= 2, "reconnected")
	T.eq(net.blockingCalls, 0, "blocking calls")
end)

T.test("slow server: partial sends resume, drops are declared and followed by a snapshot", function()
	local w, net, h, oracle = setup({ units = 200, spectator = true, fullView = true })
	start(h, { queueMaxMessages = 16, queueMaxBytes = 65536 })
	pump(w, h, net, oracle, 30, moveAll(w))
	for frame = 1, 300 do
		net.window = 1500 -- the server reads 1500 bytes a frame
		pump(w, h, net, oracle, 1, moveAll(w))
	end
	net.window = math.huge
	pump(w, h, net, oracle, 120, moveAll(w))
	assertClean(oracle)
	local st = h.WG.LiveDataExport.getStatus()
	T.truthy(st.partial_sends > 0, "partial sends happened")
	T.truthy(st.dropped_total > 0, "drops happened")
	T.truthy((oracle.declaredDrops or 0) > 0, "drops declared on the wire")
end)

T.test("length framing produces decodable frames", function()
	local w, net, h, oracle = setup({ units = 20, framing = "length" })
	start(h, { framing = "length" })
	pump(w, h, net, oracle, 60, moveAll(w))
	assertClean(oracle)
	T.truthy(#oracle.messages > 50, "messages decoded: " .. #oracle.messages)
end)

T.test("server garbage is drained and ignored", function()
	local w, net, h, oracle = setup({ units = 10 })
	start(h, nil)
	pump(w, h, net, oracle, 10)
	net:push(string.rep("\0\255garbage\n", 5000))
	pump(w, h, net, oracle, 30)
	assertClean(oracle)
	T.eq(#net.toClient, 0, "everything drained")
	T.eq(h.WG.LiveDataExport.getStatus().state, "CONNECTED")
end)

T.test("console commands change settings and validate input", function()
	local w, net, h, oracle = setup({ units = 10 })
	start(h, nil)
	pump(w, h, net, oracle, 5)
	h.command("rate 10")
	T.eq(h.WG.LiveDataExport.getConfig().rate, 10)
	h.command("detail comprehensive")
	pump(w, h, net, oracle, 40)
	T.eq(h.WG.LiveDataExport.getStatus().detail, "comprehensive")
	h.command("host not-an-ip")
	T.eq(h.WG.LiveDataExport.getConfig().host, "127.0.0.1")
	h.command("port 9000")
	pump(w, h, net, oracle, 40)
	T.eq(net.lastPort, 9000, "reconnected to the new port")
	for _, sub in ipairs({ "status", "stats", "help", "bogus", "" }) do
		h.command(sub)
	end
	h.command("disconnect")
	pump(w, h, net, oracle, 5)
	T.eq(h.WG.LiveDataExport.getStatus().state, "DISCONNECTED")
	T.falsy(h.WG.LiveDataExport.getConfig().autoConnect, "disconnect is remembered")
	assertClean(oracle)
	local cfg = E.call(h, "GetConfigData")
	T.eq(cfg.configVersion, 1)
	T.eq(cfg.rate, 10)
end)

T.test("shutdown closes the socket and unregisters", function()
	local w, net, h, oracle = setup({ units = 10 })
	start(h, nil)
	pump(w, h, net, oracle, 10)
	E.call(h, "Shutdown")
	T.eq(h.WG.LiveDataExport, nil)
	T.eq(h.actions.livedata, nil)
	T.eq(net.sockets[#net.sockets].state, "closed")
end)

T.test("edge data: NaN/Inf positions, units dying between list and query, non-number ids", function()
	local w, net, h, oracle = setup({ units = 20, spectator = true, fullView = true })
	start(h, nil)
	local u = w.units[w.ids[1]]
	u.x = 0 / 0; u.z = math.huge; u.hp = -math.huge
	E.call(h, "UnitCreated", "not-a-number", 1, 0)
	pump(w, h, net, oracle, 20, function(frame)
		if frame == 5 then E.removeUnit(w, w.ids[2]) end -- no event: vanishes silently
	end)
	assertClean(oracle)
	local snap = oracle.messages[2]
	T.eq(snap.type, "snapshot")
end)

T.test("without LuaSocket the widget removes itself cleanly", function()
	local w = E.newWorld({})
	local h = E.loadWidget(w, nil, T.root)
	E.call(h, "SetConfigData", nil)
	E.call(h, "Initialize")
	T.truthy(h.isRemoved(), "RemoveWidget called")
	E.run(w, h, 5)
	E.call(h, "Shutdown")
	T.eq(h.WG.LiveDataExport, nil)
end)

T.test("settings survive a GetConfigData / SetConfigData round trip and bad stored data is repaired", function()
	local w, net, h = setup({ units = 1 })
	start(h, { configVersion = 1, port = "99999", detail = "minimal", host = "bad host", colour = 1 })
	local cfg = h.WG.LiveDataExport.getConfig()
	T.eq(cfg.port, 65535); T.eq(cfg.detail, "minimal"); T.eq(cfg.host, "127.0.0.1")
	local warned = 0
	for _, line in ipairs(w.logs) do if line:find("settings:", 1, true) then warned = warned + 1 end end
	T.eq(warned, 3, "one warning per repaired setting")
	local ok, warnings = h.WG.LiveDataExport.setConfig({ rate = 15, port = "x" })
	T.truthy(ok); T.eq(#warnings, 1)
	T.eq(h.WG.LiveDataExport.getConfig().rate, 15)
end)

T.test("without Update call-ins (headless), game frames drive reconnection", function()
	local w, net, h, oracle = setup({ units = 5 })
	net.listening = false
	start(h, nil)
	for f = 1, 30 * 10 do
		w.frame = w.frame + 1
		if f == 30 * 3 then net.listening = true end
		E.call(h, "GameFrame", w.frame)
		oracle:feed(net:readItems(), FakeNet.CONNECT)
	end
	T.eq(h.WG.LiveDataExport.getStatus().state, "CONNECTED")
	T.truthy(#oracle.messages >= 2, "hello and snapshot arrived")
	assertClean(oracle)
end)

T.test("the console is not flooded while the server stays down", function()
	local w, net, h, oracle = setup({ units = 5 })
	net.listening = false
	start(h, nil)
	pump(w, h, net, oracle, 30 * 120)
	local lines = 0
	for _, line in ipairs(w.logs) do if line:find("retrying", 1, true) then lines = lines + 1 end end
	T.truthy(lines >= 1 and lines <= 13, "retry messages over 120 s: " .. lines)
	T.eq(net.blockingCalls, 0)
end)

T.test("every overflow strategy and framing keeps the stream valid through a slow reader", function()
	for _, overflow in ipairs({ "drop-oldest", "drop-new", "priority" }) do
		for _, framing in ipairs({ "newline", "length" }) do
			local w, net, h, oracle = setup({ units = 150, spectator = true, fullView = true, framing = framing })
			start(h, { overflow = overflow, framing = framing, queueMaxMessages = 8, queueMaxBytes = 65536 })
			local move = moveAll(w)
			pump(w, h, net, oracle, 20, move)
			for f = 1, 200 do
				net.window = (f % 40 < 20) and 500 or 20000 -- alternately starved and fed
				pump(w, h, net, oracle, 1, move)
			end
			net.window = math.huge
			pump(w, h, net, oracle, 100, move)
			if #oracle.errors > 0 then
				T.fail(overflow .. "/" .. framing .. ": " .. oracle.errors[1])
			end
			local st = h.WG.LiveDataExport.getStatus()
			T.truthy(st.dropped_total > 0, overflow .. "/" .. framing .. ": the test did cause drops")
			T.eq(st.state, "CONNECTED")
		end
	end
end)

T.test("a server that stops reading is left after the stall timeout and the new stream is valid", function()
	local w, net, h, oracle = setup({ units = 50, spectator = true, fullView = true })
	start(h, { stallTimeoutSeconds = 5 })
	local move = moveAll(w)
	pump(w, h, net, oracle, 30, move)
	net.window = 0
	pump(w, h, net, oracle, 30 * 4, move)
	T.eq(h.WG.LiveDataExport.getStatus().connects, 1, "still on the first connection before the timeout")
	pump(w, h, net, oracle, 30 * 2, move)
	T.eq(h.WG.LiveDataExport.getStatus().failures, 1, "the stalled connection was abandoned")
	local warned = false
	for _, line in ipairs(w.logs) do if line:find("not reading", 1, true) then warned = true end end
	T.truthy(warned, "the user was told why")
	net.window = math.huge
	pump(w, h, net, oracle, 30 * 5, move)
	assertClean(oracle)
	local st = h.WG.LiveDataExport.getStatus()
	T.eq(st.state, "CONNECTED")
	T.truthy(st.connects >= 2, "reconnected")
end)

T.test("paused game: heartbeats keep flowing and say paused", function()
	local w, net, h, oracle = setup({ units = 5 })
	start(h, nil)
	pump(w, h, net, oracle, 10)
	w.paused = true
	for _ = 1, 90 do
		E.call(h, "Update", 1 / 30)
		oracle:feed(net:readItems(), FakeNet.CONNECT)
	end
	local hb = 0
	for _, m in ipairs(oracle.messages) do
		if m.type == "heartbeat" and m.paused == true then hb = hb + 1 end
	end
	T.truthy(hb >= 2, "paused heartbeats: " .. hb)
	assertClean(oracle)
end)

T.test("sample_window is an upper bound on how long ago every unit in a message was read", function()
	for _, budgetMs in ipairs({ 2, 0.25 }) do
		local w, net, h, oracle = setup({ units = 400, spectator = true, fullView = true })
		w.realTimer = budgetMs < 1 -- a tiny real budget makes the sampling cycles irregular
		start(h, { budgetMs = budgetMs, snapshotIntervalSeconds = 1 })
		local checked = 0
		for _ = 1, 200 do
			local before = #oracle.messages
			pump(w, h, net, oracle, 1, moveAll(w))
			for i = before + 1, #oracle.messages do
				local m = oracle.messages[i]
				for _, list in ipairs({ m.units or {}, m.created or {}, m.updated or {} }) do
					for _, u in ipairs(list) do
						local age = m.frame - (w.lastRead[u.id] or -1e9)
						if age > m.sample_window then
							T.fail(string.format("budget %s: unit %d read %d frames before frame %d, sample_window %d",
								budgetMs, u.id, age, m.frame, m.sample_window))
						end
						checked = checked + 1
					end
				end
			end
		end
		T.truthy(checked > 1000, "units checked: " .. checked)
		assertClean(oracle)
	end
end)

T.test("a periodic snapshot of thousands of units is built over frames; the picture stays whole", function()
	local w, net, h, oracle = setup({ units = 2600, spectator = true, fullView = true })
	start(h, { snapshotIntervalSeconds = 1 })
	local move = moveAll(w)
	pump(w, h, net, oracle, 75, function(frame)
		move(frame)
		if frame % 3 == 0 then
			local u = E.addUnit(w, frame % 3, 1, frame, frame)
			E.call(h, "UnitCreated", u.id, u.def, u.team)
			local id = w.ids[(frame * 37) % #w.ids + 1]
			E.removeUnit(w, id)
			E.call(h, "UnitDestroyed", id, 1, 0)
		end
	end)
	assertClean(oracle)
	local snapshot, previous
	for i, m in ipairs(oracle.messages) do
		if m.type == "snapshot" and m.reason == "interval" and not snapshot then
			snapshot, previous = m, oracle.messages[i - 1]
		end
	end
	T.truthy(snapshot, "an interval snapshot was sent")
	T.truthy(snapshot.frame - previous.frame >= 3, "no message while its 2600 units were captured, "
		.. previous.frame .. " -> " .. snapshot.frame)
	T.truthy(#snapshot.units >= 2590, "it holds the units: " .. #snapshot.units)
	T.truthy(snapshot.sample_window >= snapshot.frame - previous.frame - 1, "its window covers the capture frames")
	assertPictureIsTheWorld(oracle, w)
end)
