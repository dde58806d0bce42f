-- tests/lua/wire_trace.lua: one fixed, deterministic session of the whole widget against the
-- fake engine and fake socket, printed byte for byte: every byte on the wire (with a marker
-- where a connection begins), the console and log lines, and the final status table.
-- For refactors that must not change behaviour: trace the old and the new widget, compare.
--
-- Usage: lua5.1 tests/lua/wire_trace.lua [repo-root] > trace.txt
--   lua5.1 tests/lua/wire_trace.lua /path/to/old/checkout/ > old.txt
--   lua5.1 tests/lua/wire_trace.lua > new.txt && cmp old.txt new.txt
local here = (arg and arg[0] or ""):match("^(.*[/\\])") or "./"
package.path = here .. "?.lua;" .. package.path
local E = require("fake_engine")
local FakeNet = require("fake_socket")

math.randomseed(7) -- the backoff's jitter (lua5.4 seeds math.random at random)
local root = arg and arg[1] or (here .. "../../")
if root:sub(-1) ~= "/" then root = root .. "/" end

local w = E.newWorld({ teams = { 0, 1, 2, 3 }, teamAlly = { [0] = 0, [1] = 0, [2] = 1, [3] = 1 } })
for i = 1, 240 do
	E.addUnit(w, i % 4, (i % 3) + 1, 100 + (i * 37) % 6000, 200 + (i * 91) % 3000)
end
local net = FakeNet.new()
net.connectPolls = 2
local h = E.loadWidget(w, net.lib, root)

-- The clock moves inside call-ins: every health read costs `costMs`, so the sampling cap and
-- the budget governor see deterministic, non-zero figures.
local costMs = 0.002
local spring = h.System.Spring
local getHealth = spring.GetUnitHealth
spring.GetUnitHealth = function(id)
	w.timerMs = w.timerMs + costMs
	return getHealth(id)
end

local out = {}
local function emit(s) out[#out + 1] = s end
local function flush()
	for _, item in ipairs(net:readItems()) do
		if item == FakeNet.CONNECT then emit("\n<<CONNECT>>\n") else emit(item) end
	end
	for i = 1, #w.echo do emit("\n<<ECHO>> " .. w.echo[i] .. "\n") end
	for i = 1, #w.logs do emit("\n<<LOG>> " .. w.logs[i] .. "\n") end
	w.echo, w.logs = {}, {}
end

local function frames(n, each)
	for _ = 1, n do
		E.run(w, h, 1, function(frame)
			w.timerMs = w.timerMs + 0.5
			for k = 1, w.paused and 0 or #w.ids do
				local u = w.units[w.ids[k]]
				if u.def ~= 2 then
					u.x = u.x + ((k + frame) % 5) * 0.7
					u.z = u.z - ((k * frame) % 3) * 0.4
				end
				if (k + frame) % 45 == 0 then u.hp = u.hp - 7 end
			end
			if each then each(frame) end
		end)
		flush()
	end
end

E.call(h, "SetConfigData", { rate = 15, detail = "standard", budgetMs = "lots", port = 8765, logLevel = "debug" })
E.call(h, "Initialize")
flush()
frames(60)
h.command("status")
h.command("stats")
h.command("help")
h.command("rate 30")
h.command("detail comprehensive")
h.command("bogus")
h.command("host not-an-ip")
flush()
frames(60, function(frame)
	if frame % 7 == 0 then
		local u = E.addUnit(w, frame % 4, 1, frame * 3, frame * 2)
		E.call(h, "UnitCreated", u.id, u.def, u.team)
	end
	if frame % 11 == 0 then
		local id = w.ids[frame % #w.ids + 1]
		E.removeUnit(w, id)
		E.call(h, "UnitDestroyed", id)
	end
	if frame % 13 == 0 then
		for k = 1, #w.ids do
			local id = w.ids[k]
			if w.units[id].team >= 2 and (k + frame) % 3 == 0 then
				w.los[id] = not w.los[id] or nil
				E.call(h, w.los[id] and "UnitEnteredLos" or "UnitLeftLos", id)
			end
		end
	end
end)
costMs = 0.05 -- overload: the governor adapts
frames(240)
costMs = 0.002
w.paused, w.staticResources = true, true -- nothing changes: heartbeats
frames(90)
w.paused, w.staticResources = false, false
h.command("detail minimal")
frames(30)
h.command("framing length")
frames(30)
net:closePeer()
frames(120)
h.command("disconnect")
frames(30)
h.command("connect")
frames(30)
net.window = 2000 -- a slow reader: backpressure, drops, resync
frames(200)
net.window = math.huge
frames(120)
w.spectator, w.fullView = true, true
E.call(h, "PlayerChanged")
frames(60)
local ok, warnings = h.WG.LiveDataExport.setConfig({ rate = 5, moveThreshold = 20, nonsense = 1 })
emit("\n<<SETCONFIG>> " .. tostring(ok) .. " " .. table.concat(warnings, " | ") .. "\n")
frames(60)
E.call(h, "GameOver")
frames(5)
local finalStatus = h.WG.LiveDataExport.getStatus()
E.call(h, "Shutdown")
flush()

local function dump(t, indent)
	local keys = {}
	for k in pairs(t) do keys[#keys + 1] = tostring(k) end
	table.sort(keys)
	for _, k in ipairs(keys) do
		local v = t[k]
		if v == nil then v = t[tonumber(k)] end
		if type(v) == "table" then
			emit(indent .. k .. ":\n")
			dump(v, indent .. "  ")
		else
			emit(indent .. k .. " = " .. tostring(v) .. "\n")
		end
	end
end
emit("\n<<STATUS>>\n")
dump(finalStatus, "")
emit("\n<<CONFIG>>\n")
dump(E.call(h, "GetConfigData") or {}, "")
io.write(table.concat(out))
