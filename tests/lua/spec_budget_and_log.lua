-- Budget governor and throttled logging.
local T = require("testlib")
local G = T.module("budget")
local L = T.module("throttled_log")

T.test("quota follows the measured cost per unit", function()
	local g = G.new({ budgetMs = 2, sampleShare = 0.5 })
	for _ = 1, 100 do g:observeSampling(100, 0.1) end -- 1 us per unit
	T.near(g:quota(100000), 1000, 50)
	T.eq(g:quota(10), 10, "never more than the units there are")
	for _ = 1, 100 do g:observeSampling(100, 1) end -- 10 us per unit
	T.near(g:quota(100000), 100, 10)
	g:observeSampling(0, 5); g:observeSampling(10, 0 / 0)
	T.near(g:quota(100000), 100, 10, "empty and NaN readings ignored")
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
	for _ = 1, 10 do g:observeFrame(0.5) end
	T.eq(g.level, 4, "a moderate window does not restore")
	for _ = 1, 20 do g:observeFrame(0.1) end
	T.eq(g.level, 3, "two quiet windows restore one step")
	for _ = 1, 200 do g:observeFrame(0.1) end
	T.eq(g.level, 0)
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

T.test("higher levels sample fewer units per frame", function()
	local g = G.new({ budgetMs = 2, sampleShare = 0.5, window = 10, overloadFrames = 3 })
	for _ = 1, 100 do g:observeSampling(100, 0.1) end
	local before = g:quota(100000)
	for _ = 1, 10 do g:observeFrame(1.9) end
	T.eq(g.level, 1)
	T.near(g:quota(100000), before / 2, 2)
end)
