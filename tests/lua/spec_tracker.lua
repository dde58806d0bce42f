-- Unit tracker: round-robin sampling, change thresholds, delta lists, privacy.
local T = require("testlib")
local json = T.module("json")
local P = T.module("protocol")(json)
local Tracker = T.module("unit_tracker")(P, T.module("unit_changes"))
local dkjson = T.json()

-- A minimal engine: units[id] = {x, y, z, hp, mhp, bp, team, def, los}
local function engine(units)
	local calls = { pos = 0 }
	local e = {
		GetUnitPosition = function(id) calls.pos = calls.pos + 1; local u = units[id]; if u then return u.x, u.y, u.z end end,
		-- Recoil returns no health outside LOS (the tracker's LOS test in standard detail).
		GetUnitHealth = function(id) local u = units[id]; if u and u.los ~= false then return u.hp, u.mhp, 0, 0, u.bp end end,
		GetUnitVelocity = function(id) local u = units[id]; if u then return 1, 0, 1, 1.4 end end,
		GetUnitHeading = function(id) local u = units[id]; if u then return 0 end end,
		IsUnitInLos = function(id, ally) local u = units[id]; return u ~= nil and (u.ally == ally or u.los == true) end,
		GetUnitDefID = function(id) local u = units[id]; if u then return u.def end end,
		GetUnitTeam = function(id) local u = units[id]; if u then return u.team end end,
	}
	return e, calls
end

local function newWorld(n, team)
	local units = {}
	for i = 1, n do
		units[i] = { x = i * 10, y = 0, z = 0, hp = 100, mhp = 100, bp = 1, team = team or 0, ally = 0, def = 1 }
	end
	return units
end

-- A message of `kind` whose body `append(buf, n)` writes, decoded.
local function message(kind, append)
	local buf = { '{"type":"' .. kind .. '"' }
	local n = append(buf, 1)
	n = n + 1; buf[n] = "}"
	return dkjson.decode(table.concat(buf, "", 1, n))
end

local function delta(t) return message("delta", t.appendDelta) end
local function snapshot(t) return message("snapshot", t.appendSnapshot) end

local function ids(list)
	local out = {}
	for i, v in ipairs(list) do out[i] = type(v) == "table" and v.id or v end
	table.sort(out)
	return table.concat(out, ",")
end

local function setup(n, fullView)
	local units = newWorld(n)
	local e, calls = engine(units)
	local t = Tracker.new(e)
	t.setView(fullView ~= false, 0, { [0] = 0, [1] = 1 })
	for id = 1, n do t.add(id) end
	return t, units, calls
end

T.test("new units appear as created once, unchanged units do not repeat", function()
	local t = setup(5)
	t.sample(5)
	local d = delta(t)
	T.eq(ids(d.created), "1,2,3,4,5"); T.eq(#d.updated, 0)
	t.sample(5)
	d = delta(t)
	T.eq(#d.created, 0); T.eq(#d.updated, 0)
	T.falsy(t.hasChanges())
end)

T.test("moves below the threshold are not sent; moves at or beyond it are", function()
	local t, units = setup(3)
	t.sample(3); delta(t)
	units[1].x = units[1].x + 0.4
	units[2].x = units[2].x + 1.0
	units[3].hp = 99
	t.sample(3)
	local d = delta(t)
	T.eq(ids(d.updated), "2,3")
	units[1].x = units[1].x + 0.7 -- now 1.1 away from what was sent
	t.sample(3)
	T.eq(ids(delta(t).updated), "1")
end)

-- A snapshot built over frames: begin, steps, finish; then the delta that follows it.
-- The ids a client holds after a snapshot and the delta that follows it (its created units).
local function snapshotAndCreated(s, d)
	local union = {}
	for _, u in ipairs(s.units) do union[#union + 1] = u.id end
	for _, u in ipairs(d.created) do union[#union + 1] = u.id end
	return ids(union)
end

local function spreadSnapshot(t, step, between)
	t.beginSnapshot()
	local frame = 0
	while not t.stepSnapshot(step) do
		frame = frame + 1
		if between then between(frame) end
	end
	return message("snapshot", t.finishSnapshot)
end

T.test("a snapshot built over frames holds every exported unit once", function()
	local t = setup(10)
	t.sample(10); delta(t)
	local s = spreadSnapshot(t, 3)
	T.eq(ids(s.units), "1,2,3,4,5,6,7,8,9,10")
	T.falsy(t.hasChanges(), "nothing pending: the snapshot shows it all")
	T.falsy(t.isBuildingSnapshot())
end)

T.test("changes during a spread snapshot: after capture in the next delta, before capture in the snapshot", function()
	local t, units = setup(9)
	t.sample(9); delta(t)
	local s = spreadSnapshot(t, 3, function(frame)
		if frame == 1 then
			units[1].x = units[1].x + 5 -- captured in step 1: its change must follow
			units[8].x = units[8].x + 5 -- not captured yet: the snapshot shows the change
			t.sample(9)
		end
	end)
	T.eq(ids(s.units), "1,2,3,4,5,6,7,8,9")
	for _, u in ipairs(s.units) do
		if u.id == 8 then T.eq(u.x, 85, "unit 8 captured after its change") end
		if u.id == 1 then T.eq(u.x, 10, "unit 1 captured before its change") end
	end
	local d = delta(t)
	T.eq(ids(d.updated), "1", "only the change the snapshot missed")
	T.eq(#d.created, 0)
end)

-- Destroys `removed` (in that order) in the first frame of a 3-frame spread snapshot of 9 units;
-- returns the units the client ends up with (snapshot, then created) and the ids named destroyed.
local function destroyDuringSpread(removed)
	local t = setup(9)
	t.sample(9); delta(t)
	local s = spreadSnapshot(t, 3, function(frame)
		if frame == 1 then
			for i = 1, #removed do t.destroyed(removed[i]) end
			t.settle(10)
		end
	end)
	local d = delta(t)
	return snapshotAndCreated(s, d), ids(d.destroyed)
end

T.test("units removed during a spread snapshot: named only if the snapshot holds them", function()
	-- 2 is captured (the client will hold it, so it is named); 5 is not (nothing to name)
	local held, named = destroyDuringSpread({ 2, 5 })
	T.eq(held, "1,2,3,4,6,7,8,9", "unit 9, moved into 2's place, follows as created")
	T.eq(named, "2")
end)

T.test("a unit moved behind the capture by a removal is sent as created after the snapshot", function()
	-- the tail unit (9) moves into position 1, already passed
	local held, named = destroyDuringSpread({ 1 })
	T.eq(held, "1,2,3,4,5,6,7,8,9", "every unit reaches the client exactly once")
	T.eq(named, "1")
end)

T.test("destroyed units are settled a bounded number at a time, as destroyed even when sampled first", function()
	local t, units = setup(6)
	t.sample(6); delta(t)
	for id = 1, 5 do t.destroyed(id) end
	T.eq(t.count(), 6, "nothing forgotten in the call-in itself")
	T.eq(t.settle(2), 3, "two settled, three to go")
	T.eq(ids(delta(t).destroyed), "1,2")
	units[3] = nil -- the engine no longer answers for it
	t.sample(6)
	local d = delta(t)
	T.eq(ids(d.destroyed), "3", "a dying unit found unreadable is destroyed, not left_los")
	T.eq(#d.left_los, 0)
	T.eq(t.settle(10), 0)
	T.eq(ids(delta(t).destroyed), "4,5")
	T.eq(t.count(), 1)
end)

T.test("round-robin slices visit every unit once per cycle", function()
	local t, units, calls = setup(10)
	for _ = 1, 3 do t.sample(4) end -- 12 visits: all 10 plus 2
	T.eq(calls.pos, 12)
	T.eq(t.exportedCount(), 10)
	T.eq(#delta(t).created, 10)
end)

T.test("removing units mid-cycle keeps everybody's turn", function()
	local t, units = setup(10)
	t.sample(10); delta(t)
	for id = 1, 10 do units[id].x = units[id].x + 5 end
	t.sample(4)                        -- visited 1..4
	t.destroyed(2)                     -- one visited unit goes
	t.destroyed(9)                     -- one unvisited unit goes
	t.settle(10)
	t.sample(6)                        -- the rest of the cycle
	local d = delta(t)
	T.eq(ids(d.updated), "1,3,4,5,6,7,8,10", "every surviving unit updated exactly once")
	T.eq(ids(d.destroyed), "2,9")
end)

T.test("a unit created and destroyed before any message is never mentioned", function()
	local t, units = setup(2)
	t.sample(2)
	t.destroyed(1)
	t.settle(10)
	local d = delta(t)
	T.eq(ids(d.created), "2"); T.eq(#d.destroyed, 0)
end)

T.test("a unit that died mid-frame (no values) is reported as left_los, not crashed on", function()
	local t, units = setup(3)
	t.sample(3); delta(t)
	units[2] = nil
	t.sample(3)
	local d = delta(t)
	T.eq(ids(d.left_los), "2")
	T.eq(t.count(), 2)
end)

T.test("without full view, enemies are exported only in LOS and leave as left_los", function()
	local units = newWorld(4)
	units[3].team, units[3].ally, units[3].los = 1, 1, true
	units[4].team, units[4].ally, units[4].los = 1, 1, false -- radar only
	local t = Tracker.new(engine(units))
	t.setView(false, 0, { [0] = 0, [1] = 1 })
	for id = 1, 4 do t.add(id) end
	t.sample(4)
	local d = delta(t)
	T.eq(ids(d.created), "1,2,3", "radar-only enemy not exported")
	units[3].los = false
	t.leftLos(3)
	t.leftLos(1) -- own unit: UnitLeftLos for another ally team must not hide it
	d = delta(t)
	T.eq(ids(d.left_los), "3")
	T.eq(ids(snapshot(t).units), "1,2")
end)

T.test("an enemy whose LOS ends without an event leaves at its next sample, in every detail", function()
	for detail = 1, 3 do
		local units = newWorld(2)
		units[2].team, units[2].ally, units[2].los = 1, 1, true
		local t = Tracker.new(engine(units))
		t.setView(false, 0, { [0] = 0, [1] = 1 })
		t.setDetail(detail)
		t.add(1); t.add(2)
		t.sample(2); delta(t)
		units[2].los = false -- no UnitLeftLos event arrives
		t.sample(2)
		T.eq(ids(delta(t).left_los), "2", "detail " .. detail)
		T.eq(ids(snapshot(t).units), "1", "detail " .. detail)
	end
end)

T.test("a narrower view drops the enemies it cannot see before the next message", function()
	local units = newWorld(3)
	units[3].team, units[3].ally = 1, 1 -- los nil: readable with full view, not in LOS of ally 0
	local t = Tracker.new(engine(units))
	t.setView(true, 0, { [0] = 0, [1] = 1 }) -- spectating with full view
	for id = 1, 3 do t.add(id) end
	t.sample(3); delta(t)
	units[3].los = false
	t.setView(false, 0, { [0] = 0, [1] = 1 }) -- now a player of ally team 0
	T.eq(ids(delta(t).left_los), "3")
	T.eq(ids(snapshot(t).units), "1,2")
end)

T.test("every sample reads every unit's position, a building's too (SCHEMA 7.1)", function()
	local units = newWorld(2)
	units[2].def = 2
	local e, calls = engine(units)
	e.IsImmobileDef = function(def) return def == 2 end
	local t = Tracker.new(e)
	t.setView(true, 0, {})
	t.add(1); t.add(2)
	for _ = 1, 5 do t.sample(2) end
	T.eq(calls.pos, 10, "both units at every sample")
	delta(t)
	units[2].x = units[2].x + 40 -- a gadget moved the building
	t.sample(2)
	local d = delta(t)
	T.eq(ids(d.updated), "2"); T.eq(d.updated[1].x, units[2].x)
end)

T.test("a position that becomes NaN is sent once as null", function()
	local units = newWorld(1)
	local t = Tracker.new(engine(units))
	t.setView(true, 0, {})
	t.add(1)
	t.sample(1); delta(t)
	units[1].x = 0 / 0
	t.sample(1)
	local d = delta(t)
	T.eq(ids(d.updated), "1")
	T.eq(d.updated[1].x, nil, "null on the wire")
	t.sample(1)
	T.eq(ids(delta(t).updated), "", "not again while it stays NaN")
end)

-- n units sampled and sent, then unit n + 1 appears in the engine without any event.
local function setupWithUnannouncedUnit(n)
	local t, units = setup(n)
	t.sample(n); delta(t)
	units[n + 1] = { x = 0, y = 0, z = 0, hp = 1, mhp = 1, bp = 1, team = 0, ally = 0, def = 2 }
	return t
end

-- After a rescan, the next sample's delta creates `created` and lets `left` go as left_los.
local function expectRescanned(t, created, left)
	t.sample(10)
	local d = delta(t)
	T.eq(ids(d.created), created); T.eq(ids(d.left_los), left)
end

T.test("a periodic rescan spread over several steps adds and forgets like one at once", function()
	local t = setupWithUnannouncedUnit(6)
	t.beginRescan({ 1, 2, 4, 5, 6, 7 })
	local steps = 0
	while t.stepRescan(2) do steps = steps + 1 end
	T.truthy(steps >= 4, "took several steps: " .. steps)
	expectRescanned(t, "7", "3")
end)

T.test("rescan adds units without events and forgets vanished ones", function()
	local t = setupWithUnannouncedUnit(3)
	t.rescan({ 1, 2, 4 })
	expectRescanned(t, "4", "3")
end)

T.test("team change re-encodes the unit with its new team", function()
	local t, units = setup(1)
	t.sample(1); delta(t)
	t.setTeam(1, 1)
	t.sample(1)
	local d = delta(t)
	T.eq(d.updated[1].team, 1)
end)

T.test("a detail change re-encodes every unit at its next sample", function()
	local t = setup(2)
	t.sample(2); delta(t)
	t.setDetail(3)
	t.sample(2)
	local d = delta(t)
	T.eq(#d.updated, 2)
	T.eq(d.updated[1].vx, 1)
	t.setDetail(1)
	t.sample(2)
	T.eq(delta(t).updated[1].hp, nil)
end)

T.test("NaN positions export null and recover when the value becomes finite", function()
	local t, units = setup(1)
	units[1].x = 0 / 0
	t.sample(1)
	T.eq(delta(t).created[1].x, nil)
	t.sample(1)
	T.falsy(t.hasChanges(), "staying NaN is not a change")
	units[1].x = 5
	t.sample(1)
	T.eq(delta(t).updated[1].x, 5)
end)

T.test("snapshot lists every exported unit once and clears pending changes", function()
	local t, units = setup(4)
	t.sample(4)
	local s = snapshot(t)
	T.eq(ids(s.units), "1,2,3,4")
	T.falsy(t.hasChanges())
end)

T.test("the receiver's position and health stay within the threshold of the engine's, rounding included", function()
	local units = newWorld(20)
	local t = Tracker.new(engine(units))
	t.setView(true, 0, {})
	for id = 1, 20 do t.add(id) end
	local picture = {}
	local seed = 99
	local function rnd()
		seed = (seed * 1103515245 + 12345) % 2147483648
		return seed / 2147483648
	end
	for step = 1, 2000 do
		for id = 1, 20 do
			local u = units[id]
			u.x = u.x + (rnd() - 0.5) * 0.9 -- slow drifts, never a whole elmo per step
			u.z = u.z + (rnd() - 0.3) * 0.3
			u.hp = u.hp - rnd() * 0.4
		end
		t.sample(20)
		local d = delta(t)
		for _, list in ipairs({ d.created, d.updated }) do
			for _, o in ipairs(list) do picture[o.id] = o end
		end
		for id = 1, 20 do
			local o, u = picture[id], units[id]
			T.truthy(math.abs(o.x - u.x) < 1, "x within 1 elmo at step " .. step .. ": " .. o.x .. " vs " .. u.x)
			T.truthy(math.abs(o.z - u.z) < 1, "z within 1 elmo at step " .. step)
			T.truthy(math.abs(o.hp - u.hp) < 1, "hp within 1 at step " .. step)
		end
	end
end)

T.test("a unit whose team the engine does not give yet is not exported until it does (SCHEMA §6.1)", function()
	local units = newWorld(2)
	units[2].team = nil -- e.g. created and gone within one frame: Spring.GetUnitTeam answers nothing
	local t = Tracker.new((engine(units)))
	t.setView(true, 0, { [0] = 0, [1] = 1 })
	t.add(1); t.add(2)
	t.sample(2)
	local d = delta(t)
	T.eq(ids(d.created), "1", "no unit is sent with \"team\": null")
	units[2].team = 1
	t.sample(2)
	T.eq(ids(delta(t).created), "2", "once the team is known the unit follows as created")
end)
