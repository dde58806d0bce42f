-- tests/lua/bench_memory.lua: heap after a full collection over a long game with unit churn
-- (fake engine). A leak shows as a rising column. Usage: lua5.1 tests/lua/bench_memory.lua [units] [minutes]
local here = (arg and arg[0] or ""):match("^(.*[/\\])") or "./"
package.path = here .. "?.lua;" .. package.path
local E = require("fake_engine")
local FakeNet = require("fake_socket")

local units = tonumber(arg and arg[1]) or 200
local minutes = tonumber(arg and arg[2]) or 20
local w = E.newWorld({ spectator = false })
for i = 1, units do
	local u = E.addUnit(w, i % 3, (i % 2) + 1, (i * 37) % 8000, (i * 91) % 4000)
	if u.team == 2 and i % 2 == 0 then w.los[u.id] = true end
end
local net = FakeNet.new()
local h = E.loadWidget(w, net.lib, here .. "../../")
E.call(h, "SetConfigData", nil)
E.call(h, "Initialize")
local frames = minutes * 60 * 30
local samples = {}
for f = 1, frames do
	w.frame = f
	for i = 1, #w.ids, 3 do
		local u = w.units[w.ids[i]]
		u.x = u.x + 1.3
	end
	if f % 45 == 0 then -- churn: one unit dies, one is born, one enemy toggles LOS
		local id = w.ids[1]
		E.removeUnit(w, id)
		E.call(h, "UnitDestroyed", id, 1, 0)
		local u = E.addUnit(w, f % 3, 1, f % 8000, 100)
		E.call(h, "UnitCreated", u.id, u.def, u.team)
	end
	if f % 300 == 0 then net:closePeer() end          -- a reconnect every 10 s
	if f % 600 == 0 then net:push(string.rep("junk\n", 100)) end
	E.call(h, "GameFrame", f)
	E.call(h, "Update", 1 / 30)
	net:read()
	if f % (30 * 60) == 0 then
		-- the fake engine keeps logs and sockets for tests to inspect: not the widget's memory
		w.logs, w.echo, net.sockets, w.lastRead = {}, {}, {}, {}
		collectgarbage("collect")
		samples[#samples + 1] = collectgarbage("count")
	end
end
local line = {}
for i, kb in ipairs(samples) do line[#line + 1] = string.format("%d:%.0fKB", i, kb) end
print(_VERSION .. " heap after full GC, per game minute: " .. table.concat(line, " "))
local st = h.WG.LiveDataExport.getStatus()
print(string.format("messages %d, connects %d, dropped %d", st.messages_sent, st.connects, st.dropped_total))
