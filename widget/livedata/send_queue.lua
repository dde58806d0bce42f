-- livedata/send_queue.lua: the bounded queue of encoded message bodies waiting to be sent.
--
-- Bounded in messages and in bytes. When a new message does not fit, the overflow strategy
-- decides what goes:
--   "drop-oldest" (default): the oldest queued message (never a hello);
--   "drop-new":   the new message (unless it is a hello);
--   "priority":   the lowest-priority message, oldest first (hello > status > snapshot >
--                 delta > heartbeat); the new one if it ranks below everything queued.
-- Every drop is counted by kind and by strategy, and is declared on the message that
-- follows it in the stream (`pop` returns the count with that message), so a declaration
-- always sits right after its gap. A receiver that sees a declared drop must wait for a
-- snapshot (SCHEMA.md), so every drop also purges the queued deltas behind it, up to the
-- next queued snapshot; if none is queued, `needSnapshot` is raised so the next unit
-- message is a snapshot. A message that alone exceeds the byte bound is accepted into an empty queue
-- (otherwise a large snapshot could never be sent).
--
-- The message currently on the wire is not in the queue (the connection owns it), so a
-- drop can never cut a message in half.

local Q = {}
Q.__index = Q

Q.PRIORITY = { heartbeat = 0, delta = 1, snapshot = 2, status = 3, hello = 4 }
local PRIORITY = Q.PRIORITY
Q.STRATEGIES = { ["drop-oldest"] = true, ["drop-new"] = true, ["priority"] = true }

function Q.new(maxMessages, maxBytes, strategy)
	local q = setmetatable({}, Q)
	q.maxMessages = maxMessages or 512
	q.maxBytes = maxBytes or 4194304
	q.strategy = Q.STRATEGIES[strategy] and strategy or "drop-oldest"
	q.body, q.kind, q.frame = {}, {}, {}
	q.before, q.reason = {}, {} -- drops to declare on this entry (they were just before it)
	q.n = 0
	q.bytes = 0
	q.needSnapshot = false
	q.tailDropped = 0           -- drops after the last entry: declared by the next push
	q.tailReason = nil
	q.droppedTotal = 0
	q.droppedByKind = { hello = 0, status = 0, snapshot = 0, delta = 0, heartbeat = 0 }
	q.droppedByStrategy = { ["drop-oldest"] = 0, ["drop-new"] = 0, ["priority"] = 0, purge = 0, clear = 0, expired = 0 }
	q.enqueuedTotal = 0
	return q
end

function Q:configure(maxMessages, maxBytes, strategy)
	self.maxMessages = maxMessages or self.maxMessages
	self.maxBytes = maxBytes or self.maxBytes
	if Q.STRATEGIES[strategy] then
		self.strategy = strategy
	end
end

function Q:count() return self.n end
function Q:byteCount() return self.bytes end

local function countDrop(self, kind, how)
	self.droppedTotal = self.droppedTotal + 1
	self.droppedByKind[kind] = (self.droppedByKind[kind] or 0) + 1
	self.droppedByStrategy[how] = (self.droppedByStrategy[how] or 0) + 1
end

-- Declares `n` drops at stream position i: on entry i, or after the last entry.
local function declareAt(self, i, n, reason)
	if n <= 0 then return end
	if i <= self.n then
		self.before[i] = self.before[i] + n
		self.reason[i] = reason
	else
		self.tailDropped = self.tailDropped + n
		self.tailReason = reason
	end
end

-- Removes entry i (1-based from the head), shifting later entries down. Returns the
-- drops that were declared on it.
local function removeAt(self, i)
	local body, kind, before, reason, frame = self.body, self.kind, self.before, self.reason, self.frame
	local declared, why = before[i], reason[i]
	self.bytes = self.bytes - #body[i]
	local n = self.n
	for j = i, n - 1 do
		body[j] = body[j + 1]
		kind[j] = kind[j + 1]
		before[j] = before[j + 1]
		reason[j] = reason[j + 1]
		frame[j] = frame[j + 1]
	end
	body[n], kind[n], before[n], reason[n], frame[n] = nil, nil, nil, nil, nil
	self.n = n - 1
	return declared, why
end

-- Drops entry i: it and the drops declared on it are declared on whatever follows it.
local function dropEntry(self, i, how, reason)
	local kind = self.kind[i]
	local declared = removeAt(self, i)
	countDrop(self, kind, how)
	declareAt(self, i, declared + 1, reason)
end

-- After a drop at position `from`: deltas after it until the next snapshot would reach a
-- receiver that has to wait for a snapshot anyway.
local function purgeAfterDrop(self, from, reason)
	local i = from
	while i <= self.n do
		local k = self.kind[i]
		if k == "snapshot" then
			return
		end
		if k == "delta" then
			dropEntry(self, i, "purge", reason)
		else
			i = i + 1
		end
	end
	self.needSnapshot = true
end

local function dropAt(self, i, how)
	dropEntry(self, i, how, "queue_full")
	purgeAfterDrop(self, i, "queue_full")
end

-- Index of the entry the priority strategy would drop, or nil to drop the new message.
local function priorityVictim(self, newKind)
	local best, bestPrio = nil, nil
	for i = 1, self.n do
		local k = self.kind[i]
		local p = PRIORITY[k] or 0
		if k ~= "hello" and (bestPrio == nil or p < bestPrio) then
			best, bestPrio = i, p
		end
	end
	if best and (bestPrio <= (PRIORITY[newKind] or 0) or newKind == "hello") then
		return best
	end
	return nil
end

local function oldestNonHello(self)
	for i = 1, self.n do
		if self.kind[i] ~= "hello" then
			return i
		end
	end
	return nil
end

--- Queues `body` of `kind`, built at game frame `frame` (optional). Returns true if it was
--- queued, false if it was dropped.
function Q:push(body, kind, frame)
	local size = #body
	while self.n > 0 and (self.n + 1 > self.maxMessages or self.bytes + size > self.maxBytes) do
		local victim
		local strategy = self.strategy
		if strategy == "drop-new" and kind ~= "hello" then
			victim = nil
		elseif strategy == "priority" then
			victim = priorityVictim(self, kind)
		else
			victim = oldestNonHello(self)
		end
		if not victim then
			countDrop(self, kind, strategy)
			declareAt(self, self.n + 1, 1, "queue_full")
			self.needSnapshot = true
			return false
		end
		dropAt(self, victim, strategy)
	end
	if kind == "delta" and self.needSnapshot then
		-- a drop happened: a delta cannot follow it, only a snapshot can
		countDrop(self, kind, "purge")
		declareAt(self, self.n + 1, 1, "queue_full")
		return false
	end
	local n = self.n + 1
	self.n = n
	self.body[n] = body
	self.kind[n] = kind
	self.frame[n] = frame or false
	self.before[n] = self.tailDropped
	self.reason[n] = self.tailReason
	self.tailDropped, self.tailReason = 0, nil
	self.bytes = self.bytes + size
	self.enqueuedTotal = self.enqueuedTotal + 1
	if kind == "snapshot" then
		self.needSnapshot = false
	end
	return true
end

--- Takes the oldest message: body, kind, dropped, dropReason, where `dropped` counts the
--- messages discarded just before it in the stream (declare them in its header).
--- Returns nil when empty.
function Q:pop()
	if self.n == 0 then
		return nil
	end
	local body, kind = self.body[1], self.kind[1]
	local dropped, reason = removeAt(self, 1)
	return body, kind, dropped, reason
end

--- Drops queued messages built before game frame `oldest` (SCHEMA §3.3: a message waits
--- in the queue at most 90 frames, or is discarded and declared). A hello stays:
--- it opens the connection. Returns how many were dropped.
function Q:expire(oldest)
	local dropped = 0
	local i = 1
	while i <= self.n do
		local f = self.frame[i]
		if not f or f >= oldest then
			return dropped
		end
		if self.kind[i] == "hello" then
			i = i + 1
		else
			dropEntry(self, i, "expired", "queue_full")
			purgeAfterDrop(self, i, "queue_full")
			dropped = dropped + 1
		end
	end
	return dropped
end

--- Drops everything (connection lost). Counted and declared on the next message; the next
--- connection starts with a snapshot anyway.
function Q:clear(reason)
	while self.n > 0 do
		local kind = self.kind[1]
		local declared = removeAt(self, 1)
		countDrop(self, kind, "clear")
		self.tailDropped = self.tailDropped + declared + 1
	end
	if self.tailDropped > 0 then
		self.tailReason = reason
	end
	self.needSnapshot = true
end

--- Declares extra drops before the next message (for example one cut by a disconnect).
function Q:addDropped(n, reason)
	self.droppedTotal = self.droppedTotal + n
	declareAt(self, 1, n, reason)
	self.needSnapshot = true
end

--- Drops declared but not yet attached to a sent message (tests, statistics).
function Q:undeclared()
	local n = self.tailDropped
	for i = 1, self.n do
		n = n + self.before[i]
	end
	return n
end

return Q
