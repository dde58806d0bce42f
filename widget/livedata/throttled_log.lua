-- livedata/throttled_log.lua: console messages without spam.
--
-- The same text is printed at most once per `interval` seconds; repeats in between are
-- counted and reported with the next print ("(repeated N times)"). Messages below the
-- configured level are dropped. `sink(levelName, text)` does the printing (Spring.Log or
-- Spring.Echo in the widget, a table in tests).

local L = {}
L.__index = L

L.LEVELS = { debug = 1, info = 2, warning = 3, error = 4 }

function L.new(sink, interval, level)
	local l = setmetatable({}, L)
	l.sink = sink
	l.interval = interval or 10
	l.level = L.LEVELS[level or "info"] or 2
	l.last = {}     -- text -> time printed
	l.repeats = {}  -- text -> suppressed count
	l.size = 0
	l.now = 0
	return l
end

function L:setLevel(name)
	self.level = L.LEVELS[name] or self.level
end

function L:setTime(now)
	self.now = now
end

--- `key` (optional) groups messages whose text varies (e.g. a delay) for throttling.
function L:log(levelName, text, key)
	local lv = L.LEVELS[levelName] or 2
	if lv < self.level then
		return false
	end
	local now = self.now
	key = key or text
	local last = self.last[key]
	if last and now - last < self.interval then
		self.repeats[key] = (self.repeats[key] or 0) + 1
		return false
	end
	local reps = self.repeats[key]
	if reps and reps > 0 then
		text = text .. " (repeated " .. string.format("%d", reps) .. " times)"
	end
	if not last then
		self.size = self.size + 1
		if self.size > 256 then -- bounded memory for ever-changing texts
			self.last, self.repeats, self.size = {}, {}, 1
		end
	end
	self.last[key] = now
	self.repeats[key] = 0
	self.sink(levelName, text)
	return true
end

function L:debug(t, key) return self:log("debug", t, key) end
function L:info(t, key) return self:log("info", t, key) end
function L:warning(t, key) return self:log("warning", t, key) end
function L:error(t, key) return self:log("error", t, key) end

return L
