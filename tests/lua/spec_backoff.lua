-- Reconnect backoff and circuit breaker.
local T = require("testlib")
local B = T.module("backoff")

T.test("delays double from 1 s to a 30 s cap without jitter", function()
	local b = B.new({ random = function() return 0 end, threshold = 100 })
	local expected = { 1, 2, 4, 8, 16, 30, 30, 30 }
	for i = 1, 8 do T.eq(b:failure(), expected[i], "delay after failure " .. i) end
end)

T.test("jitter only shortens, by at most the jitter fraction", function()
	local r = 0
	local b = B.new({ random = function() r = (r + 0.37) % 1; return r end, threshold = 1000, jitter = 0.2 })
	for i = 1, 200 do
		local d = b:failure()
		local nominal = b:nominalDelay(i)
		T.truthy(d <= nominal and d >= nominal * 0.8, "delay " .. d .. " within [0.8, 1] x " .. nominal)
	end
end)

T.test("a bad random value cannot break the delay", function()
	local b = B.new({ random = function() return 0 / 0 end })
	local d = b:failure()
	T.truthy(d > 0 and d <= 1)
end)

T.test("success resets the delays", function()
	local b = B.new({ random = function() return 0 end })
	b:failure(); b:failure(); b:failure()
	b:success()
	T.eq(b:failure(), 1)
end)

T.test("the breaker opens after N consecutive failures, waits the cooldown, and reset closes it", function()
	local b = B.new({ random = function() return 0 end, threshold = 3, cooldown = 60 })
	local _, open1 = b:failure()
	local _, open2 = b:failure()
	local d3, open3 = b:failure()
	T.falsy(open1); T.falsy(open2)
	T.truthy(open3); T.eq(d3, 60)
	local d4, open4 = b:failure()
	T.truthy(open4, "half-open attempt failed: still open"); T.eq(d4, 60)
	b:reset()
	T.falsy(b.open)
	T.eq(b:failure(), 1)
end)
