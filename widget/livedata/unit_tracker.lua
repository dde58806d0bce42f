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
-- Usage: local Tracker = TrackerModule(protocol, UnitChangesModule); local t = Tracker.new(engineFunctions)

return function(protocol, UnitChanges)
	local encodeUnit = protocol.encodeUnit
	local encodeUnitRounded = protocol.encodeUnitRounded
	local FMT_STD_DONE = protocol.UNIT_FORMAT.standardBuilt
	local FMT_STD = protocol.UNIT_FORMAT.standard
	local FMT_MIN = protocol.UNIT_FORMAT.minimal
	local unitPrefix = protocol.unitPrefix
	local THRESHOLD = protocol.THRESHOLD
	local sformat = string.format
	local NAN = 0 / 0

	local T = {}

	--- engine: table of functions with the Spring names GetUnitPosition, GetUnitHealth,
	--- GetUnitVelocity, GetUnitHeading, IsUnitInLos, GetUnitDefID, GetUnitTeam; optionally
	--- IsImmobileDef(defID) -> true for definitions that can never move (buildings), whose
	--- position is then read once instead of at every sample.
	function T.new(engine)
		local spGetUnitPosition = engine.GetUnitPosition
		local spGetUnitHealth = engine.GetUnitHealth
		local spGetUnitVelocity = engine.GetUnitVelocity
		local spGetUnitHeading = engine.GetUnitHeading
		local spIsUnitInLos = engine.IsUnitInLos
		local spGetUnitDefID = engine.GetUnitDefID
		local spGetUnitTeam = engine.GetUnitTeam
		local isImmobileDef = engine.IsImmobileDef or function() return false end

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

		local changes = UnitChanges.new(frags) -- what the receiver must still be told
		local created, updated = changes.created, changes.updated

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
		-- While a snapshot is built, every record moved is reported (changes.moved).
		local moved = changes.moved

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
					if changes.building then moved(m, i) end
				end
				if c1 ~= count then
					local m = list[count]
					list[c1] = m
					m.idx = c1
					if changes.building then moved(m, c1) end
				end
				cursor = c1
			elseif i ~= count then
				local m = list[count]
				list[i] = m
				m.idx = i
				if changes.building then moved(m, i) end
			end
			list[count] = nil
			count = count - 1
			u.idx = nil
		end

		-- Destroyed units are settled (forgotten, queued for the next delta) by `settle`, a
		-- bounded number a frame: a mass destruction must not land in one frame. `isDying` holds
		-- the records named by UnitDestroyed and not yet settled (a set beside the records: a
		-- record has exactly the 32 fields its table's hash part holds, see `add`).
		local dying, nDying, settled = {}, 0, 0
		local isDying = {}

		-- Stops exporting a record and forgets it; `why` is "destroyed" or "left_los" (a unit
		-- UnitDestroyed named, found unreadable before it was settled, is destroyed all the same).
		-- A forgotten record is out of the list: `idx == nil` marks it gone.
		local function forget(u, why)
			if isDying[u] then why = "destroyed" end
			if units[u.id] == u then
				units[u.id] = nil
				frags[u.id] = nil
			end
			unlist(u)
			u.idx = nil
			if u.exported then
				u.exported = false
				exportedCount = exportedCount - 1
				changes.removed(u, why)
			end
			stats.hidden = stats.hidden + 1
		end

		--- Starts tracking a unit (event or scan). def/team may be nil (looked up later).
		function self.add(unitID, def, team)
			if type(unitID) ~= "number" then
				return nil
			end
			local u = units[unitID]
			if u and isDying[u] then
				forget(u, "destroyed") -- the id was reused before its removal was settled
				u = nil
			end
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
			-- 32 fields, the size of the table's hash part: one more doubles every record (a
			-- megabyte at 1000 units) and, in the harness, costs 10-15 % CPU time at 1000 units.
			u = {
				id = unitID, def = def, team = team, ally = teamAlly[team or -1],
				exported = false, mark = 0, prefix = nil, fragDetail = 0, snap = 0,
				x = NAN, y = NAN, z = NAN, hp = NAN, mhp = NAN, bp = NAN, vx = NAN, vy = NAN, vz = NAN, heading = NAN,
				ex = NAN, ey = NAN, ez = NAN, ehp = NAN, emhp = NAN, ebp = NAN,
				evx = NAN, evy = NAN, evz = NAN, eheading = NAN,
				idx = nil, seen = rescanGeneration, imm = def ~= nil and isImmobileDef(def) == true,
			}
			units[unitID] = u
			count = count + 1
			list[count] = u
			u.idx = count
			return u
		end

		function self.destroyed(unitID)
			local u = units[unitID]
			if u and not isDying[u] then
				isDying[u] = true
				nDying = nDying + 1
				dying[nDying] = u
			end
		end

		--- Forgets up to `n` destroyed units. Returns how many remain.
		function self.settle(n)
			local last = settled + n
			if last > nDying then last = nDying end
			for i = settled + 1, last do
				local u = dying[i]
				dying[i] = nil
				if u.idx then forget(u, "destroyed") end
				isDying[u] = nil
			end
			settled = last
			if settled == nDying then
				settled, nDying = 0, 0
			end
			return nDying - settled
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
		--- to ally team. A narrower view takes effect at once: every exported unit the new
		--- view cannot see is forgotten before the next message.
		function self.setView(isFullView, allyTeam, teamToAlly)
			fullView = isFullView and true or false
			myAllyTeam = allyTeam
			teamAlly = teamToAlly or teamAlly
			local i = 1
			while i <= count do
				local u = list[i]
				u.ally = teamAlly[u.team or -1]
				if u.exported and not fullView and u.ally ~= myAllyTeam and not spIsUnitInLos(u.id, myAllyTeam) then
					forget(u, "left_los") -- list[i] now holds another unit
				else
					i = i + 1
				end
			end
		end

		function self.setDetail(level)
			detail = level
		end

		function self.setMoveThreshold(t)
			moveT = t
		end

		-- Sampling ------------------------------------------------------------------------
		--
		-- Per visited unit the common case costs two engine calls and a handful of
		-- comparisons: GetUnitHealth (which is also the LOS test: Recoil returns nothing for
		-- a unit outside the local ally team's LOS, so no IsUnitInLos call is needed), then
		-- GetUnitPosition, then an
		-- exact comparison with the values read last time. Only a unit whose values moved
		-- goes on to the threshold test against what was last sent, and only past a
		-- threshold is it re-encoded (one string.format).

		-- Encoded values are remembered for change detection as they went on the wire
		-- (positions and health rounded like the encoder rounds them), so an unsent change
		-- always leaves the receiver's value within the threshold of the engine's, rounding
		-- included. A non-finite value is remembered as FAR so that any finite value later
		-- counts as a change (v - v ~= 0 holds exactly for NaN and +-Inf).
		local FAR = -1e30
		-- A sum of squares below this keeps every term inside +-2^31 (the range %d prints
		-- on every platform) and is false for NaN and +-Inf: one test guards all values.
		local LIM2 = 4.6e18

		local function rememberSlow(u)
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
		end

		-- Counts a re-encoded unit and queues it for the next delta (livedata/unit_changes.lua) as
		-- created or updated, writing the change lists directly: no further call per unit.
		local function enqueue(u)
			nEncoded = nEncoded + 1
			if u.exported then
				if u.mark == 0 then
					u.mark = 2
					local k = changes.nUpdated + 1
					changes.nUpdated = k
					updated[k] = u
				end
			else
				u.exported = true
				exportedCount = exportedCount + 1
				u.mark = 1
				local k = changes.nCreated + 1
				changes.nCreated = k
				created[k] = u
			end
			local snap = u.snap
			if snap > 0 then
				u.snap = -snap -- changed after a snapshot captured it
			end
		end

		-- Re-encodes a unit from the values just sampled (already stored on the record) and
		-- queues it as created or updated.
		local function publish(u, x, y, z, hp, mhp, bp, vx, vy, vz, h)
			local prefix = u.prefix
			if prefix == nil then
				if u.def == nil then
					u.def = spGetUnitDefID(u.id)
					u.imm = u.def ~= nil and isImmobileDef(u.def) == true
				end
				if u.team == nil then u.team = spGetUnitTeam(u.id); u.ally = teamAlly[u.team or -1] end
				-- SCHEMA §6.1: def and team are integers; a unit without them waits for the next sample
				if u.def == nil or u.team == nil then return end
				prefix = unitPrefix(u.id, u.def, u.team)
				u.prefix = prefix
			end
			local dt = detail
			local s = x * x + y * y + z * z
			if dt >= 2 then
				s = s + hp * hp + mhp * mhp + bp * bp
				if dt >= 3 then
					s = s + vx * vx + vy * vy + vz * vz + h * h
				end
			end
			if s < LIM2 then
				x = x + 0.5; x = x - x % 1 -- floor(v + 0.5) without a function call
				y = y + 0.5; y = y - y % 1
				z = z + 0.5; z = z - z % 1
				u.ex = x; u.ey = y; u.ez = z
				if dt >= 2 then
					hp = hp + 0.5; hp = hp - hp % 1
					mhp = mhp + 0.5; mhp = mhp - mhp % 1
					u.ehp = hp; u.emhp = mhp; u.ebp = bp
				end
				if dt == 2 then
					-- The default detail, and the hottest line of the widget: the two formats of
					-- protocol.encodeUnitRounded applied here, saving a 12-argument call.
					if bp == 1 then
						frags[u.id] = sformat(FMT_STD_DONE, prefix, x, y, z, hp, mhp)
					elseif bp > 0.999 and bp < 1 then
						-- SCHEMA §6.1: unfinished never prints as 1.000
						frags[u.id] = sformat(FMT_STD, prefix, x, y, z, hp, mhp, 0.999)
					else
						frags[u.id] = sformat(FMT_STD, prefix, x, y, z, hp, mhp, bp)
					end
				else
					if dt == 3 then
						h = h + 0.5; h = h - h % 1
						u.evx, u.evy, u.evz, u.eheading = vx, vy, vz, h
					end
					frags[u.id] = encodeUnitRounded(prefix, dt, x, y, z, hp, mhp, bp, vx, vy, vz, h)
				end
			else
				frags[u.id] = encodeUnit(u, dt)
				rememberSlow(u)
			end
			u.fragDetail = dt
			return enqueue(u)
		end

		-- Whether a unit's sampled position (and, given hp, its health) moved past a change threshold
		-- since it was encoded, or became non-finite. `a - b >= t or b - a >= t` is false for NaN, so a
		-- value that stays non-finite does not re-encode every sample; a value that becomes NaN is
		-- re-encoded once (its remembered value is then FAR). The hot paths test finite values inline.
		local function changedSinceEncoded(u, x, y, z, hp, mhp, bp)
			local t = moveT
			if x - u.ex >= t or u.ex - x >= t or z - u.ez >= t or u.ez - z >= t or y - u.ey >= t or u.ey - y >= t
				or (x ~= x and u.ex ~= FAR) or (y ~= y and u.ey ~= FAR) or (z ~= z and u.ez ~= FAR) then
				return true
			end
			if hp == nil then
				return false
			end
			return hp - u.ehp >= hpT or u.ehp - hp >= hpT or mhp - u.emhp >= hpT or u.emhp - mhp >= hpT
				or bp - u.ebp >= bpT or u.ebp - bp >= bpT or (hp ~= hp and u.ehp ~= FAR)
		end

		-- Standard detail, the default, with sampling, change test and encoding in one function:
		-- this is the hottest code of the widget. A moving unit costs 132 Lua VM instructions,
		-- sampling to delta, against 162 when the encoding was a call of its own (measured with a
		-- count hook: tests/lua/bench_tracker_instructions.lua). Change tests are written out
		-- inline; a unit without its JSON prefix yet, or with a value that is not finite or out of
		-- %d's range, goes through publish. Every sample reads the position, buildings' too:
		-- SCHEMA §7.1 promises every value was read within sample_window, and a building's
		-- position can change (a gadget may move it, the engine may report a non-finite value).
		local function sampleStandard(u)
			local id = u.id
			local hp, mhp, _, _, bp = spGetUnitHealth(id)
			if hp == nil then
				return forget(u, "left_los") -- died mid-frame, or no longer in LOS
			end
			local x, y, z = spGetUnitPosition(id)
			if x == nil then
				return forget(u, "left_los")
			end
			if hp == u.hp and x == u.x and z == u.z and y == u.y and bp == u.bp and mhp == u.mhp
				and u.fragDetail == 2 then
				return -- nothing moved since the last sample
			end
			-- One statement per field: a multiple assignment first copies every value to a temporary.
			u.x = x; u.y = y; u.z = z; u.hp = hp; u.mhp = mhp; u.bp = bp
			local t = moveT
			if u.fragDetail == 2
				and x - u.ex < t and u.ex - x < t and z - u.ez < t and u.ez - z < t
				and y - u.ey < t and u.ey - y < t
				and hp - u.ehp < hpT and u.ehp - hp < hpT and mhp - u.emhp < hpT and u.emhp - mhp < hpT
				and bp - u.ebp < bpT and u.ebp - bp < bpT then
				return -- every change within its threshold (all finite: NaN fails every `<`)
			end
			local prefix = u.prefix
			if prefix == nil or not (x * x + y * y + z * z + hp * hp + mhp * mhp + bp * bp < LIM2) then
				-- Rare: no JSON prefix yet, or a value not finite or out of %d's range.
				if u.fragDetail == 2 and not changedSinceEncoded(u, x, y, z, hp, mhp, bp) then
					return
				end
				return publish(u, x, y, z, hp, mhp, bp)
			end
			x = x + 0.5; x = x - x % 1 -- floor(v + 0.5) without a function call
			y = y + 0.5; y = y - y % 1
			z = z + 0.5; z = z - z % 1
			hp = hp + 0.5; hp = hp - hp % 1
			mhp = mhp + 0.5; mhp = mhp - mhp % 1
			u.ex = x; u.ey = y; u.ez = z; u.ehp = hp; u.emhp = mhp; u.ebp = bp
			if bp == 1 then
				frags[id] = sformat(FMT_STD_DONE, prefix, x, y, z, hp, mhp)
			elseif bp > 0.999 and bp < 1 then
				frags[id] = sformat(FMT_STD, prefix, x, y, z, hp, mhp, 0.999) -- SCHEMA §6.1: never 1.000
			else
				frags[id] = sformat(FMT_STD, prefix, x, y, z, hp, mhp, bp)
			end
			u.fragDetail = 2
			return enqueue(u)
		end

		-- Comprehensive detail: velocity and heading too, tested inline beside changedSinceEncoded.
		local function sampleComprehensive(u)
			local id = u.id
			local hp, mhp, _, _, bp = spGetUnitHealth(id)
			local x, y, z = spGetUnitPosition(id)
			local vx, vy, vz = spGetUnitVelocity(id)
			local h = spGetUnitHeading(id)
			if hp == nil or x == nil or vx == nil or h == nil then
				return forget(u, "left_los") -- died mid-frame, or no longer in LOS
			end
			u.vx, u.vy, u.vz, u.heading = vx, vy, vz, h
			u.x = x; u.y = y; u.z = z; u.hp = hp; u.mhp = mhp; u.bp = bp
			if u.fragDetail ~= 3 or changedSinceEncoded(u, x, y, z, hp, mhp, bp)
				or vx - u.evx >= velT or u.evx - vx >= velT or vy - u.evy >= velT
				or u.evy - vy >= velT or vz - u.evz >= velT or u.evz - vz >= velT
				or h - u.eheading >= headingT or u.eheading - h >= headingT then
				publish(u, x, y, z, hp, mhp, bp, vx, vy, vz, h)
			end
		end

		-- Minimal detail reads no health, so enemies need the explicit LOS test.
		local function samplePositionOnly(u)
			local id = u.id
			if not fullView and u.ally ~= myAllyTeam and not spIsUnitInLos(id, myAllyTeam) then
				return forget(u, "left_los")
			end
			-- Position is all this detail reads, so immobile units are read too: a sample
			-- that reads nothing would not tell that the unit still exists.
			local x, y, z = spGetUnitPosition(id)
			if x == nil then
				return forget(u, "left_los")
			end
			if x == u.x and z == u.z and y == u.y and u.fragDetail == 1 then
				return
			end
			u.x = x; u.y = y; u.z = z
			local t = moveT
			if u.fragDetail == 1
				and x - u.ex < t and u.ex - x < t and z - u.ez < t and u.ez - z < t
				and y - u.ey < t and u.ey - y < t then
				return -- within the threshold (all finite: NaN fails every `<`)
			end
			-- Encoded here, as in sampleStandard; the rare cases go through publish.
			local prefix = u.prefix
			if prefix == nil or not (x * x + y * y + z * z < LIM2) then
				if u.fragDetail == 1 and not changedSinceEncoded(u, x, y, z) then
					return
				end
				return publish(u, x, y, z)
			end
			x = x + 0.5; x = x - x % 1
			y = y + 0.5; y = y - y % 1
			z = z + 0.5; z = z - z % 1
			u.ex = x; u.ey = y; u.ez = z
			frags[id] = sformat(FMT_MIN, prefix, x, y, z)
			u.fragDetail = 1
			return enqueue(u)
		end

		--- Samples up to `quota` units, continuing the round-robin. Returns units visited.
		function self.sample(quota)
			if quota > count then quota = count end
			local sampleUnit = detail == 2 and sampleStandard
				or detail >= 3 and sampleComprehensive
				or samplePositionOnly
			local visited = 0
			while visited < quota do
				if cursor > count then
					if count == 0 then break end
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

		-- Reconciliation with Spring.GetAllUnits, spread over frames: phase 1 adds listed
		-- units that arrived without an event, phase 2 forgets tracked units the list lacks.
		-- Units added by events meanwhile carry the new generation, so they are kept.
		local rescanIds, rescanPos, rescanPhase = nil, 1, 0

		--- Starts a reconciliation with a full unit list; stepRescan does the work.
		function self.beginRescan(ids)
			rescanGeneration = rescanGeneration + 1
			rescanIds = type(ids) == "table" and ids or {}
			rescanPos = 1
			rescanPhase = 1
		end

		--- Does up to `n` units of the reconciliation. Returns true while work remains.
		function self.stepRescan(n)
			local gen = rescanGeneration
			if rescanPhase == 1 then
				local ids = rescanIds
				local last = rescanPos + n - 1
				local size = #ids
				if last > size then last = size end
				for i = rescanPos, last do
					local id = ids[i]
					local u = units[id] or self.add(id)
					if u then u.seen = gen end
				end
				rescanPos = last + 1
				if rescanPos <= size then
					return true
				end
				rescanIds, rescanPos, rescanPhase = nil, 1, 2
				return true
			elseif rescanPhase == 2 then
				local i, stop = rescanPos, rescanPos + n
				while i <= count and i < stop do
					local u = list[i]
					if u.seen ~= gen then
						forget(u, "left_los") -- list[i] now holds another unit
						stop = stop - 1
					else
						i = i + 1
					end
				end
				rescanPos = i
				if i <= count then
					return true
				end
				rescanPhase = 0
			end
			return false
		end

		--- Reconciles at once (tests, view changes).
		function self.rescan(ids)
			self.beginRescan(ids)
			while self.stepRescan(count + 1024) do end
		end

		-- Message parts (livedata/unit_changes.lua) ------------------------------------------

		self.discardPending = changes.discard
		self.hasChanges = changes.hasChanges
		self.appendDelta = changes.appendDelta
		self.beginSnapshot = changes.beginSnapshot
		self.finishSnapshot = changes.finishSnapshot
		self.pendingCounts = changes.pendingCounts

		--- Appends `"units":[...]` (every exported unit) to buf; clears pending changes,
		--- since a snapshot supersedes them. Returns the new buffer length.
		function self.appendSnapshot(buf, n)
			return changes.appendSnapshot(buf, n, list, count)
		end

		--- Captures up to `n` more list positions. Returns true when every unit is captured.
		function self.stepSnapshot(n)
			return changes.stepSnapshot(n, list, count)
		end

		function self.isBuildingSnapshot() return changes.building end

		-- Introspection ---------------------------------------------------------------------

		function self.count() return count end
		function self.exportedCount() return exportedCount end
		function self.get(unitID) return units[unitID] end
		function self.fragment(unitID) return frags[unitID] end
		function self.isFullView() return fullView end

		return self
	end

	return T
end
