-- livedata/unit_changes.lua: what the receiver must still be told about units, and the unit
-- parts of messages: the pending created/updated/destroyed/left_los lists, the delta lists,
-- the snapshot's "units", built at once or over several frames.
--
-- The tracker owns the records, the sampling list and the fragments; it queues each publish
-- in `created`/`updated` itself and reports here each forgotten record (`removed`) and, while
-- a snapshot is built, each record its list moved (`moved`). A record's `mark` says which
-- pending list holds it (1 created, 2 updated, 0 none); `snap` says whether a snapshot captured
-- it: that snapshot's generation, negated by the tracker when it publishes the unit again.
-- A record whose `idx` is nil was forgotten (the tracker keeps its records at 32 fields).
--
-- Privacy needs no check here: a unit is exported only after a sample found it visible, and
-- it is forgotten as soon as UnitLeftLos arrives, its next sample finds it unreadable, or the
-- view narrows (the tracker's setView re-checks at once). So every unit in a message was
-- visible within the sample_window the message declares (SCHEMA.md §7).
--
-- Usage: local changes = UnitChanges.new(frags) -- frags: unitID -> the unit's JSON object

local C = {}

local floor = math.floor
local sformat = string.format
local tconcat = table.concat

local function intString(v)
	if v == v and v == floor(v) and v < 2147483648 and v > -2147483648 then
		return sformat("%d", v)
	end
	return "null"
end

function C.new(frags)
	local self = { building = false } -- building: a snapshot is under way (read by the tracker)

	-- Records published since the last message (the tracker appends to these itself, its
	-- hottest path: no call per encoded unit): created has mark == 1, updated mark == 2.
	local created, updated = {}, {}
	self.created, self.updated, self.nCreated, self.nUpdated = created, updated, 0, 0
	local destroyed, nDestroyed = {}, 0 -- unit ids
	local leftLos, nLeftLos = {}, 0     -- unit ids

	-- A snapshot built over several frames (begin, step, finish): units are captured list
	-- position by position.
	local snapGen = 0
	local snapPos = 1
	local snapParts, nSnapParts = {}, 0  -- one string per step
	local snapScratch = {}
	local missed, nMissed = {}, 0        -- exported units moved behind snapPos uncaptured

	--- An exported record was forgotten; `why` is "destroyed" or "left_los". Named in the next
	--- delta if the receiver knows it: while a snapshot is built, if the snapshot captured it.
	function self.removed(u, why)
		local known
		if self.building then
			known = u.snap == snapGen or u.snap == -snapGen
		else
			known = u.mark ~= 1
		end
		if known then
			if why == "destroyed" then
				nDestroyed = nDestroyed + 1
				destroyed[nDestroyed] = u.id
			else
				nLeftLos = nLeftLos + 1
				leftLos[nLeftLos] = u.id
			end
		end
		u.mark = 0
	end

	--- While a snapshot is built: the list moved record `m` to position `i`. A unit moved to a
	--- position the capture has passed would be left out: finish sends it as created.
	function self.moved(m, i)
		if i < snapPos and m.exported and m.snap ~= snapGen and m.snap ~= -snapGen then
			nMissed = nMissed + 1
			missed[nMissed] = m
		end
	end

	local function clearPending()
		for i = 1, self.nCreated do
			created[i].mark = 0
			created[i] = nil
		end
		for i = 1, self.nUpdated do
			updated[i].mark = 0
			updated[i] = nil
		end
		for i = 1, nDestroyed do destroyed[i] = nil end
		for i = 1, nLeftLos do leftLos[i] = nil end
		self.nCreated, self.nUpdated, nDestroyed, nLeftLos = 0, 0, 0, 0
	end

	--- Forgets the pending changes and any snapshot under way (while not connected).
	function self.discard()
		self.building = false
		clearPending()
	end

	--- Appends `"units":[...]` (every exported unit of list[1..count]) to buf at once; clears
	--- pending changes, since a snapshot supersedes them. Returns the new buffer length.
	function self.appendSnapshot(buf, n, list, count)
		n = n + 1
		buf[n] = ',"units":['
		local open = n
		for i = 1, count do
			local u = list[i]
			if u.exported then
				buf[n + 1] = frags[u.id]
				buf[n + 2] = ","
				n = n + 2
			end
		end
		if n == open then
			n = n + 1
		end
		buf[n] = "]" -- replaces the last comma
		self.building = false
		clearPending()
		return n
	end

	--- Starts a snapshot: the changes so far are superseded by it; units are captured by
	--- step, and changes after a unit's capture go in the next delta.
	function self.beginSnapshot()
		clearPending()
		self.building = true
		snapGen = snapGen + 1
		snapPos = 1
		for i = 1, nSnapParts do snapParts[i] = nil end
		for i = 1, nMissed do missed[i] = nil end
		nSnapParts, nMissed = 0, 0
	end

	--- Captures up to `n` more positions of list[1..count]. Returns true when all are captured.
	function self.stepSnapshot(n, list, count)
		local gen = snapGen
		local k = 0
		local last = snapPos + n - 1
		if last > count then last = count end
		for i = snapPos, last do
			local u = list[i]
			if u.exported and u.snap ~= gen and u.snap ~= -gen then
				u.snap = gen
				k = k + 1
				snapScratch[k] = frags[u.id]
			end
		end
		snapPos = last + 1
		if k > 0 then
			nSnapParts = nSnapParts + 1
			snapParts[nSnapParts] = tconcat(snapScratch, ",", 1, k)
		end
		return snapPos > count
	end

	--- Appends `"units":[...]` (every unit captured) to buf and keeps as pending only what
	--- the snapshot does not show: changes after a unit's capture, units it missed.
	--- Returns the new buffer length.
	function self.finishSnapshot(buf, n)
		local gen = snapGen
		n = n + 1
		buf[n] = ',"units":['
		for i = 1, nSnapParts do
			if i > 1 then n = n + 1; buf[n] = "," end
			n = n + 1
			buf[n] = snapParts[i]
		end
		n = n + 1
		buf[n] = "]"
		self.building = false
		-- created/updated records the snapshot holds: an update if they changed after
		-- capture (it was the later change), nothing otherwise
		for i = 1, self.nCreated do
			local u = created[i]
			if u.mark == 1 then
				if u.snap == -gen then
					u.mark = 2
					self.nUpdated = self.nUpdated + 1
					updated[self.nUpdated] = u
				elseif u.snap == gen then
					u.mark = 0
				end
			end
		end
		for i = 1, self.nUpdated do
			local u = updated[i]
			if u.mark == 2 and u.snap == gen then
				u.mark = 0
			end
		end
		for i = 1, nMissed do
			local u = missed[i]
			missed[i] = nil
			if u.exported and u.idx and u.snap ~= gen and u.snap ~= -gen and u.mark ~= 1 then
				u.mark = 1
				self.nCreated = self.nCreated + 1
				created[self.nCreated] = u
			end
		end
		nMissed = 0
		return n
	end

	local function appendRecords(buf, n, key, records, nRecords, mark)
		n = n + 1
		buf[n] = key
		local first = true
		for i = 1, nRecords do
			local u = records[i]
			if u.mark == mark and u.idx then
				if first then
					first = false
				else
					n = n + 1
					buf[n] = ","
				end
				n = n + 1
				buf[n] = frags[u.id]
			end
		end
		n = n + 1
		buf[n] = "]"
		return n
	end

	local function appendIds(buf, n, key, ids, nIds)
		n = n + 1
		buf[n] = key
		for i = 1, nIds do
			if i > 1 then
				n = n + 1
				buf[n] = ","
			end
			n = n + 1
			buf[n] = intString(ids[i])
		end
		n = n + 1
		buf[n] = "]"
		return n
	end

	--- True when a delta would carry unit changes.
	function self.hasChanges()
		return self.nCreated + self.nUpdated + nDestroyed + nLeftLos > 0
	end

	--- Appends the four change lists to buf and clears them. Returns new length.
	function self.appendDelta(buf, n)
		n = appendRecords(buf, n, ',"created":[', created, self.nCreated, 1)
		n = appendRecords(buf, n, ',"updated":[', updated, self.nUpdated, 2)
		n = appendIds(buf, n, ',"destroyed":[', destroyed, nDestroyed)
		n = appendIds(buf, n, ',"left_los":[', leftLos, nLeftLos)
		clearPending()
		return n
	end

	function self.pendingCounts() return self.nCreated, self.nUpdated, nDestroyed, nLeftLos end

	return self
end

return C
