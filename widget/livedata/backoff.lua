-- livedata/backoff.lua: reconnect delays and the circuit breaker.
--
-- Delay after the n-th consecutive failure: min(maxDelay, minDelay * factor^(n-1)),
-- shortened by up to `jitter` (a fraction) so that many clients do not retry in step;
-- jitter only shortens, so maxDelay stays a hard bound. After `threshold` consecutive
-- failures the breaker opens: the next attempt waits `cooldown` seconds instead, and the
-- owner tells the user. A success closes the breaker and resets the delays; so does reset()
-- (the user's `/livedata connect`).

local B = {}
B.__index = B

-- The tunables and their defaults: seconds, growth per failure, jitter fraction, failures
-- that open the breaker, seconds it stays open.
local DEFAULTS = { minDelay = 1, maxDelay = 30, factor = 2, jitter = 0.2, threshold = 10, cooldown = 30 }

function B.new(opts)
	opts = opts or {}
	local b = setmetatable({}, B)
	for key, default in pairs(DEFAULTS) do
		b[key] = opts[key] or default
	end
	b.random = opts.random or math.random
	b.failures = 0
	b.open = false
	return b
end

function B:configure(opts)
	for k, v in pairs(opts) do
		if self[k] ~= nil and k ~= "failures" and k ~= "open" then
			self[k] = v
		end
	end
end

--- Nominal delay (no jitter) after `failures` consecutive failures.
function B:nominalDelay(failures)
	local d = self.minDelay
	for _ = 2, failures do
		d = d * self.factor
		if d >= self.maxDelay then
			return self.maxDelay
		end
	end
	if d > self.maxDelay then
		d = self.maxDelay
	end
	return d
end

--- Records a failure. Returns the delay in seconds before the next attempt and whether
--- the breaker is (now) open.
function B:failure()
	self.failures = self.failures + 1
	if self.failures >= self.threshold then
		self.open = true
		return self.cooldown, true
	end
	local d = self:nominalDelay(self.failures)
	local r = self.random()
	if type(r) ~= "number" or r ~= r or r < 0 or r > 1 then
		r = 0.5
	end
	return d * (1 - self.jitter * r), false
end

function B:success()
	self.failures = 0
	self.open = false
end

B.reset = B.success

return B
