-- livedata/protocol.lua: the wire format of the Live Data Export widget (see SCHEMA.md).
--
-- Schema-specialised encoding: each unit becomes one JSON object built by a single
-- string.format on the fast path (all values finite), cached on the unit record and reused
-- in every snapshot/delta until the unit's quantised state changes. Messages are assembled
-- into a reused buffer table and joined with one table.concat.
--
-- Takes the json module as its only dependency: `local protocol = Protocol(json)`.

return function(json)
	local sformat = string.format
	local schar = string.char
	local floor = math.floor
	local tconcat = table.concat
	local HUGE = math.huge
	local jint, jfixed, jstring, jnumber = json.int, json.fixed, json.string, json.number

	local P = {}

	P.SCHEMA_VERSION = 1
	-- Revision of SCHEMA.md within schema version 1 (hello and snapshot carry "protocol").
	P.PROTOCOL = "1.1"
	P.SEQ_MODULUS = 16777216 -- 2^24: every seq stays exact in BAR's float32 numbers

	P.DETAIL = { minimal = 1, standard = 2, comprehensive = 3 }
	P.DETAIL_NAME = { "minimal", "standard", "comprehensive" }

	-- Change thresholds: a unit is re-encoded (and appears in a delta) only when one of
	-- its exported values moved at least this far from the last encoded value.
	P.THRESHOLD = {
		position = 1.0,   -- elmos, any axis
		health = 1.0,     -- hit points
		buildProgress = 0.001,
		velocity = 0.05,  -- elmos/frame, any axis
		heading = 182,    -- heading units (65536 per turn): about one degree
	}

	function P.nextSeq(seq)
		seq = seq + 1
		if seq >= 16777216 then
			return 0
		end
		return seq
	end

	-- Envelope --------------------------------------------------------------------------

	--- The part of every message that is only known when it starts going onto the wire:
	--- schema version, sequence number and the drops declared since the previous message.
	function P.header(seq, dropped, dropReason)
		if dropped and dropped > 0 then
			return sformat('{"schema_version":%d,"seq":%d,"dropped":%d,"drop_reason":%s,',
				P.SCHEMA_VERSION, seq, dropped, jstring(dropReason or "queue_full"))
		end
		return sformat('{"schema_version":%d,"seq":%d,', P.SCHEMA_VERSION, seq)
	end

	--- Opening of a message body (after the header): `"type":"x","frame":n`.
	function P.bodyStart(msgType, frame)
		return sformat('"type":"%s","frame":%s', msgType, jint(frame))
	end

	local function lengthPrefix(n)
		return schar(floor(n / 16777216) % 256, floor(n / 65536) % 256, floor(n / 256) % 256, n % 256)
	end
	P.lengthPrefix = lengthPrefix

	--- What ends a message body in each framing. Bodies are queued with their tail, so
	--- that sending never has to copy a body again.
	P.TAIL = { newline = "\n", length = "" }

	--- Bytes that go before a queued body (which already ends with its framing tail):
	--- the header, preceded in length framing by the 4-byte length of header + body.
	function P.head(header, body, framing)
		if framing == "length" then
			return lengthPrefix(#header + #body) .. header
		end
		return header
	end

	--- Complete wire bytes for a message (tests and example clients).
	function P.frame(header, body, framing)
		if framing == "length" then
			return lengthPrefix(#header + #body) .. header .. body
		end
		return header .. body .. "\n"
	end

	--- Reads one framed message from `data` at `pos` (tests and example clients).
	--- Returns message, nextPos; or nil when incomplete.
	function P.unframe(data, pos, framing)
		pos = pos or 1
		if framing == "length" then
			if #data - pos + 1 < 4 then return nil end
			local b1, b2, b3, b4 = data:byte(pos, pos + 3)
			local n = ((b1 * 256 + b2) * 256 + b3) * 256 + b4
			if #data - pos + 1 < 4 + n then return nil end
			return data:sub(pos + 4, pos + 3 + n), pos + 4 + n
		end
		local nl = data:find("\n", pos, true)
		if not nl then return nil end
		return data:sub(pos, nl - 1), nl + 1
	end

	-- Units -----------------------------------------------------------------------------

	--- `{"id":1,"def":2,"team":3,` for a unit; rebuilt only when its team changes.
	function P.unitPrefix(id, def, team)
		return '{"id":' .. jint(id) .. ',"def":' .. jint(def) .. ',"team":' .. jint(team) .. ','
	end

	local function finite(v)
		return v == v and v < HUGE and v > -HUGE
	end

	-- Integers print through %d only inside this range (C long on every platform); the
	-- range test also rejects NaN and +-Inf, so one pair of comparisons guards each value.
	local LIM = 2147483647

	-- Positions, health and max health are whole numbers on the wire (rounded to nearest):
	-- %d costs less than half of %.1f, and the change thresholds are one unit anyway.
	local FMT_MIN = '%s"x":%d,"y":%d,"z":%d}'
	local FMT_STD_DONE = '%s"x":%d,"y":%d,"z":%d,"hp":%d,"max_hp":%d,"bp":1}'
	local FMT_STD = '%s"x":%d,"y":%d,"z":%d,"hp":%d,"max_hp":%d,"bp":%.3f}'
	local FMT_COMP = '%s"x":%d,"y":%d,"z":%d,"hp":%d,"max_hp":%d,"bp":%.3f,' ..
		'"vx":%.2f,"vy":%.2f,"vz":%.2f,"heading":%d}'
	--- The unit formats, for a caller that formats rounded values itself (the tracker's
	--- hot path); arguments as encodeUnitRounded takes them, after the detail.
	P.UNIT_FORMAT = { minimal = FMT_MIN, standardBuilt = FMT_STD_DONE, standard = FMT_STD, comprehensive = FMT_COMP }

	-- Slow path: some value is NaN/Inf/nil/out of range. Same rounding as the fast path.
	local function unitSlow(u, detail)
		local parts = {
			u.prefix, '"x":', jint(u.x), ',"y":', jint(u.y), ',"z":', jint(u.z),
		}
		if detail >= 2 then
			local bp = u.bp
			if bp > 0.999 and bp < 1 then bp = 0.999 end -- unfinished never prints as 1.000
			parts[#parts + 1] = ',"hp":' .. jint(u.hp) .. ',"max_hp":' .. jint(u.mhp) ..
				',"bp":' .. (bp == 1 and "1" or jfixed(bp, "%.3f"))
		end
		if detail >= 3 then
			parts[#parts + 1] = ',"vx":' .. jfixed(u.vx, "%.2f") .. ',"vy":' .. jfixed(u.vy, "%.2f") ..
				',"vz":' .. jfixed(u.vz, "%.2f") .. ',"heading":' .. jint(u.heading)
		end
		parts[#parts + 1] = "}"
		return tconcat(parts)
	end
	P.encodeUnitSlow = unitSlow

	--- JSON object for one unit from values already rounded the way the wire rounds them
	--- (x, y, z, hp, mhp and heading whole numbers, all finite and inside +-2^31): the
	--- tracker's fast path, one string.format and no checks.
	local function encodeUnitRounded(prefix, detail, x, y, z, hp, mhp, bp, vx, vy, vz, h)
		-- SCHEMA §6.1: bp is exactly 1 only when finished; %.3f would print 0.9996 as 1.000.
		if bp and bp > 0.999 and bp < 1 then bp = 0.999 end
		if detail == 2 then
			if bp == 1 then
				return sformat(FMT_STD_DONE, prefix, x, y, z, hp, mhp)
			end
			return sformat(FMT_STD, prefix, x, y, z, hp, mhp, bp)
		elseif detail == 1 then
			return sformat(FMT_MIN, prefix, x, y, z)
		end
		return sformat(FMT_COMP, prefix, x, y, z, hp, mhp, bp, vx, vy, vz, h)
	end
	P.encodeUnitRounded = encodeUnitRounded

	--- JSON object for one unit record at a detail level (1..3). The record holds the
	--- sampled values: x, y, z, hp, mhp, bp, vx, vy, vz, heading and its cached prefix.
	function P.encodeUnit(u, detail)
		local x, y, z = u.x, u.y, u.z
		if x > -LIM and x < LIM and y > -LIM and y < LIM and z > -LIM and z < LIM then
			x = x + 0.5; x = x - x % 1 -- floor(v + 0.5) without a function call
			y = y + 0.5; y = y - y % 1
			z = z + 0.5; z = z - z % 1
			if detail == 1 then
				return encodeUnitRounded(u.prefix, 1, x, y, z)
			end
			local hp, mhp, bp = u.hp, u.mhp, u.bp
			if hp > -LIM and hp < LIM and mhp > -LIM and mhp < LIM and bp > -LIM and bp < LIM then
				hp = hp + 0.5; hp = hp - hp % 1
				mhp = mhp + 0.5; mhp = mhp - mhp % 1
				if detail == 2 then
					return encodeUnitRounded(u.prefix, 2, x, y, z, hp, mhp, bp)
				end
				local vx, vy, vz, h = u.vx, u.vy, u.vz, u.heading
				if vx > -LIM and vx < LIM and vy > -LIM and vy < LIM and vz > -LIM and vz < LIM
					and h > -LIM and h < LIM then
					h = h + 0.5; h = h - h % 1
					return encodeUnitRounded(u.prefix, 3, x, y, z, hp, mhp, bp, vx, vy, vz, h)
				end
			end
		end
		return unitSlow(u, detail)
	end

	-- Teams, players, game ---------------------------------------------------------------

	local FMT_RES = '{"current":%.1f,"income":%.1f,"expense":%.1f,"storage":%.1f,"share":%.3f}'

	--- Resource object from GetTeamResources' values (current, storage, pull, income,
	--- expense, share); nil current -> null (engine hides non-allied teams).
	function P.encodeResource(cur, storage, income, expense, share)
		if cur == nil then
			return "null"
		end
		if finite(cur) and finite(storage) and finite(income) and finite(expense) and finite(share) then
			return sformat(FMT_RES, cur, income, expense, storage, share)
		end
		return '{"current":' .. jfixed(cur, "%.1f") .. ',"income":' .. jfixed(income, "%.1f") ..
			',"expense":' .. jfixed(expense, "%.1f") .. ',"storage":' .. jfixed(storage, "%.1f") ..
			',"share":' .. jfixed(share, "%.3f") .. "}"
	end

	function P.encodeTeam(teamID, allyTeam, isDead, metalJson, energyJson)
		return '{"id":' .. jint(teamID) .. ',"ally_team":' .. jint(allyTeam) .. ',"dead":' ..
			(isDead and "true" or "false") .. ',"metal":' .. metalJson .. ',"energy":' .. energyJson .. "}"
	end

	function P.encodePlayer(playerID, name, team, allyTeam, spectator, active)
		return '{"id":' .. jint(playerID) .. ',"name":' .. jstring(name) .. ',"team":' .. jint(team) ..
			',"ally_team":' .. jint(allyTeam) .. ',"spectator":' .. (spectator and "true" or "false") ..
			',"active":' .. (active and "true" or "false") .. "}"
	end

	function P.encodeGame(frame, speed, wantedSpeed, paused)
		return '{"frame":' .. jint(frame) .. ',"seconds":' .. jfixed((frame or 0) / 30, "%.2f") ..
			',"speed":' .. jfixed(speed, "%.2f") .. ',"wanted_speed":' .. jfixed(wantedSpeed, "%.2f") ..
			',"paused":' .. (paused and "true" or "false") .. "}"
	end

	--- Static facts about one unit definition (sent in hello). Reads plain fields only, so
	--- it works on Recoil's UnitDefs proxy tables.
	function P.encodeUnitDef(id, ud)
		return '{"id":' .. jint(id) .. ',"name":' .. jstring(ud.name) .. ',"human_name":' .. jstring(ud.humanName) ..
			',"metal_cost":' .. jnumber(ud.metalCost) .. ',"energy_cost":' .. jnumber(ud.energyCost) ..
			',"build_time":' .. jnumber(ud.buildTime) .. ',"health":' .. jnumber(ud.health) ..
			',"speed":' .. jnumber(ud.speed) .. ',"is_building":' .. (ud.isBuilding and "true" or "false") ..
			',"is_factory":' .. (ud.isFactory and "true" or "false") ..
			',"can_fly":' .. (ud.canFly and "true" or "false") .. "}"
	end

	return P
end
