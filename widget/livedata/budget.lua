-- livedata/budget.lua: keeps the widget inside its per-frame time budget.
--
-- The owner samples units round-robin, just enough per frame for its freshness goal and
-- never past a hard share of the budget (checked while sampling). On top of that, this
-- governor keeps a degradation ladder for sustained overload (sample and export less
-- often, then with less detail): raised when frames keep exceeding `highWater` of the
-- budget, lowered again, one step at a time, when a long window stays under `lowWater`
-- (one window when it stays under half of it, or when the units tracked are half or less of
-- those the level was raised at).
-- It also keeps the measured cost per sampled unit, for statistics.
-- Pure arithmetic on figures the owner measures (Spring.GetTimer/DiffTimers), so it can
-- be tested without an engine.

local floor = math.floor

local G = {}
G.__index = G

-- level -> rate divisor and the highest detail allowed (3 = no cap). The divisor slows
-- both the sampling (each unit is read that many times less often, so less work per
-- frame) and the exports (so messages do not go out near-empty); batching exports alone
-- would only move the same work into fewer, heavier frames.
G.LADDER = {
	[0] = { interval = 1, detailCap = 3 },
	[1] = { interval = 2, detailCap = 3 },
	[2] = { interval = 2, detailCap = 2 },
	[3] = { interval = 4, detailCap = 2 },
	[4] = { interval = 4, detailCap = 1 },
}
G.MAX_LEVEL = 4

function G.new(opts)
	opts = opts or {}
	local g = setmetatable({}, G)
	g.budgetMs = opts.budgetMs or 2
	g.highWater = opts.highWater or 0.8
	g.lowWater = opts.lowWater or 0.4
	g.window = opts.window or 30          -- frames per overload evaluation
	g.overloadFrames = opts.overloadFrames or 3
	g.recoverWindows = opts.recoverWindows or 5
	g.costPerUnitMs = opts.initialCostPerUnitMs or 0.002
	g.level = 0
	g.raisedAt = {} -- level -> units tracked when the level was raised to it
	g.frames = 0
	g.over = 0
	g.maxInWindow = 0
	g.quietWindows = 0
	g.lastFrameMs = 0
	g.avgFrameMs = 0
	g.maxFrameMs = 0
	g.changes = 0
	return g
end

function G:setBudget(ms)
	self.budgetMs = ms
end

--- Records the cost of sampling `units` units (ms). Ignores empty or absurd readings.
function G:observeSampling(units, ms)
	if units > 0 and ms == ms and ms >= 0 and ms < 1000 then
		local per = ms / units
		self.costPerUnitMs = self.costPerUnitMs * 0.9 + per * 0.1
	end
end

--- Records the widget's total time in one frame and, optionally, the units it tracks. Returns
--- true when the level changed.
function G:observeFrame(ms, units)
	if ms ~= ms or ms < 0 then
		return false
	end
	self.lastFrameMs = ms
	self.avgFrameMs = self.avgFrameMs * 0.95 + ms * 0.05
	if ms > self.maxFrameMs then self.maxFrameMs = ms end
	self.frames = self.frames + 1
	if ms > self.budgetMs * self.highWater then
		self.over = self.over + 1
	end
	if ms > self.maxInWindow then
		self.maxInWindow = ms
	end
	if self.frames < self.window then
		return false
	end
	local changed = false
	if self.over >= self.overloadFrames then
		self.quietWindows = 0
		if self.level < G.MAX_LEVEL then
			self.level = self.level + 1
			self.raisedAt[self.level] = units
			changed = true
		end
	elseif self.level > 0 and units and (self.raisedAt[self.level] or 0) >= units * 2
		and self.maxInWindow < self.budgetMs * self.highWater then
		-- The level below overloaded at twice these units or more (a battle ended): at half the
		-- units its work is half what it was, whatever the clock says of a machine busy elsewhere.
		self.level = self.level - 1
		self.quietWindows = 0
		changed = true
	elseif self.maxInWindow < self.budgetMs * self.lowWater then
		self.quietWindows = self.quietWindows + 1
		-- A step down at most doubles the work (the rate divisor halves), so a window whose worst
		-- frame was under half the low-water mark can take it at once: the load fell, restore fast.
		local needed = self.maxInWindow * 2 < self.budgetMs * self.lowWater and 1 or self.recoverWindows
		if self.quietWindows >= needed and self.level > 0 then
			self.level = self.level - 1
			self.quietWindows = 0
			changed = true
		end
	else
		self.quietWindows = 0
	end
	self.frames, self.over, self.maxInWindow = 0, 0, 0
	if changed then
		self.changes = self.changes + 1
	end
	return changed
end

function G:intervalMultiplier()
	return G.LADDER[self.level].interval
end

function G:detailCap()
	return G.LADDER[self.level].detailCap
end

return G
