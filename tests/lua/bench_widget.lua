-- tests/lua/bench_widget.lua: per-frame cost of the whole widget under plain Lua with the
-- fake engine (engine calls are Lua functions here, so this is only indicative).
-- Usage: lua5.1 tests/lua/bench_widget.lua [units] [frames] [moving-fraction]
local here = (arg and arg[0] or ""):match("^(.*[/\\])") or "./"
package.path = here .. "?.lua;" .. package.path
local E = require("fake_engine")
local FakeNet = require("fake_socket")

local units = tonumber(arg and arg[1]) or 1000
local frames = tonumber(arg and arg[2]) or 900
local moving = tonumber(arg and arg[3]) or 0.5

local w = E.newWorld({ spectator = true, fullView = true })
w.realTimer = true
for i = 1, units do E.addUnit(w, i % 3, (i % 2) + 1, (i * 37) % 8000, (i * 91) % 4000) end
local net = FakeNet.new()
local h = E.loadWidget(w, net.lib, here .. "../../")
E.call(h, "SetConfigData", nil)
E.call(h, "Initialize")
local movers = math.floor(units * moving)
local times = {}
local bytes = 0
for f = 1, frames do
	w.frame = f
	for i = 1, movers do
		local u = w.units[w.ids[i]]
		u.x = u.x + 1.7
		u.z = u.z - 0.9
	end
	local t0 = os.clock()
	E.call(h, "GameFrame", f)
	E.call(h, "Update", 1 / 30)
	E.call(h, "DrawScreen")
	times[#times + 1] = (os.clock() - t0) * 1000
	bytes = bytes + #net:read()
end
local steady = {}
for i = 31, #times do steady[#steady + 1] = times[i] end
table.sort(steady)
local function pct(p) return steady[math.max(1, math.ceil(#steady * p))] end
local sum = 0
for _, v in ipairs(steady) do sum = sum + v end
local st = h.WG.LiveDataExport.getStatus()
print(string.format("%s units=%d moving=%d frames=%d  mean=%.3f p50=%.3f p99=%.3f max=%.3f ms  " ..
	"level=%d window=%d interval=%d  %.0f KB/s",
	_VERSION, units, movers, frames, sum / #steady, pct(0.5), pct(0.99), steady[#steady], st.level, st.sample_window,
	st.interval_frames, bytes / (frames / 30) / 1024))
