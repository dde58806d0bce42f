-- Budget governor and throttled logging.
local T = require("testlib")
local G = T.module("budget")
local L = T.module("throttled_log")

T.test("cost per unit is a moving average that ignores empty and absurd readings", function()
	local g = G.new({ budgetMs = 2 })
	for _ = 1, 200 do g:observeSampling(100, 0.1) end
	T.near(g.costPerUnitMs, 0.001, 0.0001)
	for _ = 1, 200 do g:observeSampling(100, 1) end
	T.near(g.costPerUnitMs, 0.01, 0.001)
	g:observeSampling(0, 5); g:observeSampling(10, 0 / 0); g:observeSampling(10, -1)
	T.near(g.costPerUnitMs, 0.01, 0.001)
end)

T.test("sustained overload raises the level one step per window; quiet lowers it", function()
	local g = G.new({ budgetMs = 2, window = 10, overloadFrames = 3, recoverWindows = 2 })
	for _ = 1, 10 do g:observeFrame(1.9) end
	T.eq(g.level, 1)
	T.eq(g:intervalMultiplier(), 2)
	for _ = 1, 40 do g:observeFrame(1.9) end
	T.eq(g.level, 4, "capped at the top of the ladder")
	T.eq(g:detailCap(), 1)
	T.eq(g:intervalMultiplier(), 4)
	for _ = 1, 10 do g:observeFrame(1.0) end
	T.eq(g.level, 4, "a window over the low-water mark does not restore")
	for _ = 1, 10 do g:observeFrame(0.5) end
	T.eq(g.level, 4, "one window near the low-water mark does not restore")
	for _ = 1, 10 do g:observeFrame(0.5) end
	T.eq(g.level, 3, "two windows under the low-water mark restore one step")
	for _ = 1, 10 do g:observeFrame(0.1) end
	T.eq(g.level, 2, "a window under half the low-water mark restores one step at once")
	for _ = 1, 20 do g:observeFrame(0.1) end
	T.eq(g.level, 0)
end)

T.test("the level falls a step a window while the units are half or less of those it was raised at", function()
	local g = G.new({ budgetMs = 1, window = 10, overloadFrames = 3, recoverWindows = 5 })
	-- { windows of 10 frames, frame ms (a function of the frame's index when it varies), units, level after, why }
	local steps = {
		{ 2, 0.9, 3000, 2, "raised at 3000 units twice" },
		{ 1, 0.9, 1000, 3, "and at 1000" },
		{ 1, 0.5, 1000, 3, "a window over the low-water mark at the units of the last raise keeps the level" },
		{ 1, 0.5, 600, 3, "more than half the units of the last raise keeps it" },
		{ 1, 0.5, 500, 2, "half of them: one step" },
		{ 1, 0.5, 1600, 2, "more than half of the level's own raise (3000) keeps it" },
		{ 2, 0.5, 1500, 0, "half of 3000: a step a window" },
		{ 1, 0.9, 1500, 1, "it rises again when the frames say so" },
		{ 1, function(i) return i <= 2 and 0.9 or 0.45 end, 700, 1,
			"no step down in a window with a frame over the high-water mark" },
		{ 1, 0.45, 700, 0, "then one" },
	}
	for _, step in ipairs(steps) do
		local windows, ms, units, level, why = step[1], step[2], step[3], step[4], step[5]
		for i = 1, windows * 10 do
			g:observeFrame(type(ms) == "function" and ms(i) or ms, units)
		end
		T.eq(g.level, level, why)
	end
end)

T.test("single spikes do not change the level", function()
	local g = G.new({ budgetMs = 2, window = 30, overloadFrames = 3 })
	for i = 1, 300 do g:observeFrame(i % 30 == 0 and 5 or 0.5) end
	T.eq(g.level, 0)
end)

T.test("the same message is printed once per interval with a repeat count", function()
	local out = {}
	local log = L.new(function(level, text) out[#out + 1] = level .. ":" .. text end, 10, "info")
	log:setTime(0)
	for _ = 1, 5 do log:warning("server down") end
	log:info("other")
	T.eq(#out, 2)
	log:setTime(11)
	log:warning("server down")
	T.eq(out[3], "warning:server down (repeated 4 times)")
	log:setTime(12)
	log:warning("server down")
	T.eq(#out, 3)
	log:debug("hidden")
	T.eq(#out, 3, "below level")
	log:setLevel("debug")
	log:debug("shown")
	T.eq(#out, 4)
end)

T.test("log memory stays bounded with ever-changing texts", function()
	local log = L.new(function() end, 10, "info")
	for i = 1, 2000 do log:info("msg " .. i) end
	T.truthy(log.size <= 256)
end)

T.test("messages sharing a key are throttled together even when their text differs", function()
	local out = {}
	local log = L.new(function(_, text) out[#out + 1] = text end, 10, "info")
	log:setTime(0)
	log:warning("retrying in 1 s", "reconnect")
	log:warning("retrying in 2 s", "reconnect")
	log:warning("retrying in 4 s", "reconnect")
	T.eq(#out, 1)
	log:setTime(10)
	log:warning("retrying in 8 s", "reconnect")
	T.eq(out[2], "retrying in 8 s (repeated 2 times)")
end)

T.test("each level divides the rate at least as much as the one below and caps detail no higher", function()
	local prevInterval, prevCap = 1, 3
	for level = 0, G.MAX_LEVEL do
		local step = G.LADDER[level]
		T.truthy(step.interval >= prevInterval, "interval grows at level " .. level)
		T.truthy(step.detailCap <= prevCap, "detail cap falls at level " .. level)
		T.truthy(level == 0 or step.interval > prevInterval or step.detailCap < prevCap,
			"level " .. level .. " changes something")
		prevInterval, prevCap = step.interval, step.detailCap
	end
end)
