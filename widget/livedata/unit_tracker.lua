-- livedata/unit_tracker.lua: which units are exported, their sampled state, their cached
-- JSON fragments, and what changed since the last message.
--
-- Units live in a dense list sampled round-robin (`sample(quota)` visits `quota` units per
-- call, continuing where the previous call stopped), so the per-frame cost is bounded by the
-- quota, not by the unit count. A unit is re-encoded only when one of its exported values
-- moved past a threshold; its fragment is then reused by every snapshot and delta.
--
-- Privacy: unless the view is full (spectator with full view), a unit outside the local
-- ally team is exported only while the engine says it is in LOS; radar-only units are never
-- exported. A unit that stops being visible is removed and reported as left_los.
--
-- Usage: local Tracker = TrackerModule(protocol); local t = Tracker.new(engineFunctions)

return function(protocol)
	local encodeUnit = protocol.encodeUnit
	local unitPrefix = protocol.unitPrefix
	local THRESHOLD = protocol.THRESHOLD
	local floor = math.floor
	local sformat = string.format
	local NAN = 0 / 0

	local T = {}

	local function intString(v)
		if v == v and v == floor(v) and v < 2147483648 and v > -2147483648 then
			return sformat("%d", v)
		end
		return "null"
	end

	--- engine: table of functions with the Spring names GetUnitPosition, GetUnitHealth,
	--- GetUnitVelocity, GetUnitHeading, IsUnitInLos, GetUnitDefID, GetUnitTeam.
	function T.new(engine)
		local spGetUnitPosition = engine.GetUnitPosition
		local spGetUnitHealth = engine.GetUnitHealth
		local spGetUnitVelocity = engine.GetUnitVelocity
		local spGetUnitHeading = engine.GetUnitHeading
		local spIsUnitInLos = engine.IsUnitInLos
		local spGetUnitDefID = engine.GetUnitDefID
		local spGetUnitTeam = engine.GetUnitTeam

		local self = {}
		local units = {}      -- unitID -> record
		-- unitID -> cached JSON object. Kept out of the records on purpose: storing a new
		-- string into a table the collector already marked sends that table back for
		-- re-traversal in the collector's atomic step; one flat table costs far less there
		-- than thousands of unit records (measured: GC pauses of several ms at 5000 units).
		local frags = {}
		local list = {}       -- dense sampling order
		local count = 0
		local cursor = 1
		local exportedCount = 0

		local created, nCreated = {}, 0     -- records, mark == 1
		local updated, nUpdated = {}, 0     -- records, mark == 2
		local destroyed, nDestroyed = {}, 0 -- unit ids
		local leftLos, nLeftLos = {}, 0     -- unit ids

		local fullView = true
		local myAllyTeam = 0
		local teamAlly = {}

		local detail = 2
		local moveT = THRESHOLD.position
		local hpT = THRESHOLD.health
		local bpT = THRESHOLD.buildProgress
		local velT = THRESHOLD.velocity
		local headingT = THRESHOLD.heading

		local rescanGeneration = 0
		local nEncoded = 0

		self.stats = { sampled = 0, encoded = 0, hidden = 0, cycles = 0 }
		local stats = self.stats

		-- List maintenance ----------------------------------------------------------------

		-- Removes a record from the sampling list, keeping [1, cursor-1] = already
		-- sampled in this cycle, so no unit misses its turn.
		local function unlist(u)
			local i = u.idx
			if not i or list[i] ~= u then
				return
			end
			if i < cursor then
				local c1 = cursor - 1
				if i ~= c1 then
					local m = list[c1]
					list[i] = m
					m.idx = i
				end
				if c1 ~= count then
					local m = list[count]
					list[c1] = m
					m.idx = c1
				end
				cursor = c1
			elseif i ~= count then
				local m = list[count]
				list[i] = m
				m.idx = i
			end
			list[count] = nil
			count = count - 1
			u.idx = nil
		end

		-- Stops exporting a record and forgets it; `why` is "destroyed" or "left_los".
		local function forget(u, why)
			if units[u.id] == u then
				units[u.id] = nil
				frags[u.id] = nil
			end
			unlist(u)
			u.gone = true
			if u.exported then
				u.exported = false
				exportedCount = exportedCount - 1
				if u.mark ~= 1 then -- the receiver knows this unit
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
			stats.hidden = stats.hidden + 1
		end

		--- Starts tracking a unit (event or scan). def/team may be nil (looked up later).
		function self.add(unitID, def, team)
			if type(unitID) ~= "number" then
				return nil
			end
			local u = units[unitID]
			if u then
				if team ~= nil and team ~= u.team then
					self.setTeam(unitID, team)
				end
				return u
			end
			if team == nil then
				team = spGetUnitTeam(unitID)
			end
			if def == nil then
				def = spGetUnitDefID(unitID)
			end
			u = {
				id = unitID, def = def, team = team, ally = teamAlly[team or -1],
				exported = false, mark = 0, prefix = nil, fragDetail = 0, gone = false,
				x = NAN, y = NAN, z = NAN, hp = NAN, mhp = NAN, bp = NAN, vx = NAN, vy = NAN, vz = NAN, heading = NAN,
				ex = NAN, ey = NAN, ez = NAN, ehp = NAN, emhp = NAN, ebp = NAN, evx = NAN, evy = NAN, evz = NAN, eheading = NAN,
				idx = nil, seen = rescanGeneration,
			}
			units[unitID] = u
			count = count + 1
			list[count] = u
			u.idx = count
			return u
		end

		function self.destroyed(unitID)
			local u = units[unitID]
			if u then forget(u, "destroyed") end
		end

		--- The engine says the unit left LOS of an ally team (only matters without full view).
		function self.leftLos(unitID)
			local u = units[unitID]
			if u and not fullView and u.ally ~= myAllyTeam then
				forget(u, "left_los")
			end
		end

		function self.setTeam(unitID, team)
			local u = units[unitID]
			if not u then return end
			u.team = team
			u.ally = teamAlly[team or -1]
			u.prefix = nil
			u.fragDetail = 0 -- re-encode at the next sample
		end

		--- View: full (spectator with full view) or the local ally team; teamAlly maps team
		--- to ally team. Changing the view re-checks every unit at its next sample.
		function self.setView(isFullView, allyTeam, teamToAlly)
			fullView = isFullView and true or false
			myAllyTeam = allyTeam
			teamAlly = teamToAlly or teamAlly
			for i = 1, count do
				local u = list[i]
				u.ally = teamAlly[u.team or -1]
			end
		end

		function self.setDetail(level)
			detail = level
		end

		function self.setMoveThreshold(t)
			moveT = t
		end

		-- Sampling ------------------------------------------------------------------------

		-- Encoded values are remembered for change detection as they went on the wire
		-- (positions and health rounded like the encoder rounds them), so an unsent change
		-- always leaves the receiver's value within the threshold of the engine's, rounding
		-- included. A non-finite value is remembered as FAR so that any finite value later
		-- counts as a change (v - v ~= 0 holds exactly for NaN and +-Inf).
		local FAR = -1e30

		local function encode(u)
			if u.prefix == nil then
				if u.def == nil then
					u.def = spGetUnitDefID(u.id)
				end
				u.prefix = unitPrefix(u.id, u.def, u.team)
			end
			frags[u.id] = encodeUnit(u, detail)
			u.fragDetail = detail
			local a, b, c = u.x, u.y, u.z
			if a - a ~= 0 then a = FAR else a = a + 0.5; a = a - a % 1 end
			if b - b ~= 0 then b = FAR else b = b + 0.5; b = b - b % 1 end
			if c - c ~= 0 then c = FAR else c = c + 0.5; c = c - c % 1 end
			u.ex, u.ey, u.ez = a, b, c
			if detail >= 2 then
				a, b, c = u.hp, u.mhp, u.bp
				if a - a ~= 0 then a = FAR else a = a + 0.5; a = a - a % 1 end
				if b - b ~= 0 then b = FAR else b = b + 0.5; b = b - b % 1 end
				if c - c ~= 0 then c = FAR end
				u.ehp, u.emhp, u.ebp = a, b, c
				if detail >= 3 then
					a, b, c = u.vx, u.vy, u.vz
					local h = u.heading
					if a - a ~= 0 then a = FAR end
					if b - b ~= 0 then b = FAR end
					if c - c ~= 0 then c = FAR end
					if h - h ~= 0 then h = FAR end
					u.evx, u.evy, u.evz, u.eheading = a, b, c, h
				end
			end
			nEncoded = nEncoded + 1
		end

		-- Change tests are written out inline (no helper call per value): this loop is the
		-- hottest code of the widget. `d >= t or d <= -t` is false for NaN - NaN, so a
		-- value that stays non-finite does not re-encode every sample.
		local function sampleUnit(u)
			local id = u.id
			if not fullView and u.ally ~= myAllyTeam and not spIsUnitInLos(id, myAllyTeam) then
				forget(u, "left_los")
				return
			end
			local x, y, z = spGetUnitPosition(id)
			if x == nil then
				forget(u, "left_los") -- died mid-frame, or no longer visible
				return
			end
			if y == nil then y = NAN end
			if z == nil then z = NAN end
			u.x, u.y, u.z = x, y, z
			local changed = u.fragDetail ~= detail
			local t = moveT
			local d = x - u.ex
			if d >= t or d <= -t then changed = true end
			d = z - u.ez
			if d >= t or d <= -t then changed = true end
			d = y - u.ey
			if d >= t or d <= -t then changed = true end
			if detail >= 2 then
				local hp, mhp, _, _, bp = spGetUnitHealth(id)
				if hp == nil then hp = NAN end
				if mhp == nil then mhp = NAN end
				if bp == nil then bp = NAN end
				u.hp, u.mhp, u.bp = hp, mhp, bp
				t = hpT
				d = hp - u.ehp
				if d >= t or d <= -t then changed = true end
				d = mhp - u.emhp
				if d >= t or d <= -t then changed = true end
				d = bp - u.ebp
				if d >= bpT or d <= -bpT then changed = true end
				if detail >= 3 then
					local vx, vy, vz = spGetUnitVelocity(id)
					local h = spGetUnitHeading(id)
					if vx == nil then vx = NAN end
					if vy == nil then vy = NAN end
					if vz == nil then vz = NAN end
					if h == nil then h = NAN end
					u.vx, u.vy, u.vz, u.heading = vx, vy, vz, h
					t = velT
					d = vx - u.evx
					if d >= t or d <= -t then changed = true end
					d = vy - u.evy
					if d >= t or d <= -t then changed = true end
					d = vz - u.evz
					if d >= t or d <= -t then changed = true end
					d = h - u.eheading
					if d >= headingT or d <= -headingT then changed = true end
				end
			end
			if not u.exported then
				encode(u)
				u.exported = true
				exportedCount = exportedCount + 1
				u.mark = 1
				nCreated = nCreated + 1
				created[nCreated] = u
			elseif changed then
				encode(u)
				if u.mark == 0 then
					u.mark = 2
					nUpdated = nUpdated + 1
					updated[nUpdated] = u
				end
			end
		end

		--- Samples up to `quota` units, continuing the round-robin. Returns units visited.
		function self.sample(quota)
			local visited = 0
			if quota > count then quota = count end
			while visited < quota and count > 0 do
				if cursor > count then
					cursor = 1
					stats.cycles = stats.cycles + 1
				end
				local u = list[cursor]
				cursor = cursor + 1
				visited = visited + 1
				sampleUnit(u)
			end
			stats.sampled = stats.sampled + visited
			stats.encoded = nEncoded
			if cursor > count then
				cursor = 1
				stats.cycles = stats.cycles + 1
			end
			return visited
		end

		--- Reconciles with a full unit list (Spring.GetAllUnits): adds units without an
		--- event, forgets units that are no longer there.
		function self.rescan(ids)
			rescanGeneration = rescanGeneration + 1
			local gen = rescanGeneration
			if type(ids) == "table" then
				for i = 1, #ids do
					local id = ids[i]
					local u = units[id] or self.add(id)
					if u then u.seen = gen end
				end
			end
			local i = 1
			while i <= count do
				local u = list[i]
				if u.seen ~= gen then
					forget(u, "left_los")
				else
					i = i + 1
				end
			end
		end

		-- Message parts -------------------------------------------------------------------

		-- Privacy re-check when a cached fragment is about to be sent: the unit may have
		-- left LOS since it was sampled (normally UnitLeftLos has already removed it).
		local function visibleNow(u)
			if fullView or u.ally == myAllyTeam then
				return true
			end
			return spIsUnitInLos(u.id, myAllyTeam) and true or false
		end

		local function clearPending()
			for i = 1, nCreated do
				created[i].mark = 0
				created[i] = nil
			end
			for i = 1, nUpdated do
				updated[i].mark = 0
				updated[i] = nil
			end
			for i = 1, nDestroyed do destroyed[i] = nil end
			for i = 1, nLeftLos do leftLos[i] = nil end
			nCreated, nUpdated, nDestroyed, nLeftLos = 0, 0, 0, 0
		end
		self.discardPending = clearPending

		--- Appends `"units":[...]` (every exported unit) to buf; clears pending changes,
		--- since a snapshot supersedes them. Returns the new buffer length.
		function self.appendSnapshot(buf, n)
			n = n + 1
			buf[n] = ',"units":['
			local first = true
			local i = 1
			while i <= count do
				local u = list[i]
				if u.exported and not visibleNow(u) then
					forget(u, "left_los") -- list[i] now holds another unit
				else
					i = i + 1
				end
				if u.exported then
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
			clearPending()
			return n
		end

		local function appendRecords(buf, n, key, records, nRecords, mark)
			n = n + 1
			buf[n] = key
			local first = true
			for i = 1, nRecords do
				local u = records[i]
				if u.mark == mark and not (fullView or u.ally == myAllyTeam or u.gone or visibleNow(u)) then
					forget(u, "left_los")
				end
				if u.mark == mark and not u.gone then
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
			return nCreated + nUpdated + nDestroyed + nLeftLos > 0
		end

		--- Appends the four change lists to buf and clears them. Returns new length.
		function self.appendDelta(buf, n)
			n = appendRecords(buf, n, ',"created":[', created, nCreated, 1)
			n = appendRecords(buf, n, ',"updated":[', updated, nUpdated, 2)
			n = appendIds(buf, n, ',"destroyed":[', destroyed, nDestroyed)
			n = appendIds(buf, n, ',"left_los":[', leftLos, nLeftLos)
			clearPending()
			return n
		end

		-- Introspection ---------------------------------------------------------------------

		function self.count() return count end
		function self.exportedCount() return exportedCount end
		function self.get(unitID) return units[unitID] end
		function self.fragment(unitID) return frags[unitID] end
		function self.pendingCounts() return nCreated, nUpdated, nDestroyed, nLeftLos end
		function self.isFullView() return fullView end

		return self
	end

	return T
end
