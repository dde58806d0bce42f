-- tests/lua/bench_tracker_instructions.lua: Lua VM instructions the tracker executes per sampled
-- unit (sampling, change test, encoding, delta lists), for a still and a moving unit at each
-- detail level. The fake engine's own instructions are not counted (in BAR the engine calls are
-- C functions), nor is time inside C functions such as string.format: this is the figure the
-- harness's virtual Spring.GetTimer prices, not a time.
-- Usage: lua5.1 tests/lua/bench_tracker_instructions.lua [units]
local here = (arg and arg[0] or ""):match("^(.*[/\\])") or "./"
package.path = here .. "?.lua;" .. package.path
local T = require("testlib")
T.root = here .. "../../"
local json = T.module("json")
local P = T.module("protocol")(json)
local Tracker = T.module("unit_tracker")(P, T.module("unit_changes"))

local N = tonumber(arg and arg[1]) or 1000

local function measure(detail)
	local units = {}
	for i = 1, N do
		units[i] = { x = i * 10.3, y = 5.2, z = 7.7, hp = 100, mhp = 100, bp = 1 }
	end
	local engine = {
		GetUnitPosition = function(id) local u = units[id]; return u.x, u.y, u.z end,
		GetUnitHealth = function(id) local u = units[id]; return u.hp, u.mhp, 0, 0, u.bp end,
		GetUnitVelocity = function(id) local u = units[id]; return u.x * 0.01, 0, 0.5 end,
		GetUnitHeading = function(id) local u = units[id]; return u.x end,
		IsUnitInLos = function() return true end,
		GetUnitDefID = function() return 1 end,
		GetUnitTeam = function() return 0 end,
	}
	local fakeSource = debug.getinfo(engine.GetUnitPosition, "S").source
	local t = Tracker.new(engine)
	t.setView(true, 0, { [0] = 0 })
	t.setDetail(detail)
	for i = 1, N do t.add(i, 1, 0) end
	local buf = {}
	t.sample(N)
	t.appendDelta(buf, 0)

	local function perUnit(move)
		if move then
			for i = 1, N do units[i].x = units[i].x + 2.3 end
		end
		local count = 0
		debug.sethook(function()
			if debug.getinfo(2, "S").source ~= fakeSource then count = count + 1 end
		end, "", 1)
		t.sample(N)
		t.appendDelta(buf, 0)
		debug.sethook()
		return count / N
	end
	return perUnit(false), perUnit(true)
end

print(string.format("%s, %d units: Lua instructions per sampled unit (sample + change test + encode + delta)",
	_VERSION, N))
for detail = 1, 3 do
	local still, moving = measure(detail)
	print(string.format("  detail %d (%s): still %.1f, moving %.1f", detail,
		({ "minimal", "standard", "comprehensive" })[detail], still, moving))
end
