-- Wire format: sequence numbers, envelope, framing, unit objects.
local T = require("testlib")
local json = T.module("json")
local P = T.module("protocol")(json)
local dkjson = T.json()

T.test("seq wraps after 16777215 back to 0, staying exact in float32", function()
	T.eq(P.nextSeq(0), 1)
	T.eq(P.nextSeq(16777214), 16777215)
	T.eq(P.nextSeq(16777215), 0)
	local s = 16777210
	for _ = 1, 20 do
		s = P.nextSeq(s)
		T.truthy(s >= 0 and s < 2 ^ 24, "in range")
	end
	T.eq(s, 14)
end)

T.test("header declares drops with a reason only when there were drops", function()
	T.eq(P.header(7, 0), '{"schema_version":1,"seq":7,')
	local h = P.header(8, 3, "queue_full")
	local m = dkjson.decode(h .. P.bodyStart("delta", 5) .. "}")
	T.eq(m.dropped, 3)
	T.eq(m.drop_reason, "queue_full")
	T.eq(m.seq, 8)
	T.eq(m.type, "delta")
	T.eq(m.frame, 5)
end)

T.test("newline framing appends one newline; length framing prefixes 4 bytes big-endian", function()
	local header, body = P.header(1, 0), P.bodyStart("heartbeat", 2) .. "}"
	local nl = P.frame(header, body, "newline")
	T.eq(nl, header .. body .. "\n")
	local lf = P.frame(header, body, "length")
	local n = #header + #body
	T.eq(#lf, n + 4)
	local b1, b2, b3, b4 = lf:byte(1, 4)
	T.eq(((b1 * 256 + b2) * 256 + b3) * 256 + b4, n)
	T.eq(P.lengthPrefix(0x01020304), "\1\2\3\4")
	T.eq(P.lengthPrefix(70000), "\0\1\17\112")
	local msg, nextPos = P.unframe(lf .. "junk", 1, "length")
	T.eq(msg, header .. body)
	T.eq(nextPos, #lf + 1)
	T.eq(P.unframe(lf:sub(1, 10), 1, "length"), nil, "incomplete frame")
	T.eq(P.unframe(nl, 1, "newline"), header .. body)
end)

T.test("unit objects per detail level carry exactly their fields", function()
	local u = { prefix = P.unitPrefix(42, 7, 1), x = 10.4, y = 20.5, z = -3.6, hp = 99.5, mhp = 100, bp = 1,
		vx = 0.5, vy = 0, vz = -0.25, heading = 100 }
	local min = dkjson.decode(P.encodeUnit(u, 1))
	T.eq(min.id, 42); T.eq(min.def, 7); T.eq(min.team, 1)
	T.eq(min.x, 10); T.eq(min.y, 21); T.eq(min.z, -4)
	T.eq(min.hp, nil)
	local std = dkjson.decode(P.encodeUnit(u, 2))
	T.eq(std.hp, 100); T.eq(std.max_hp, 100); T.eq(std.bp, 1); T.eq(std.vx, nil)
	u.bp = 0.25
	T.eq(dkjson.decode(P.encodeUnit(u, 2)).bp, 0.25)
	local comp = dkjson.decode(P.encodeUnit(u, 3))
	T.eq(comp.vx, 0.5); T.eq(comp.vz, -0.25); T.eq(comp.heading, 100)
end)

T.test("non-finite and out-of-range unit values become null, fast and slow paths agree", function()
	local u = { prefix = P.unitPrefix(1, nil, 0 / 0), x = 0 / 0, y = math.huge, z = 5e9, hp = -math.huge,
		mhp = 100, bp = 0 / 0, vx = 0 / 0, vy = 1, vz = 1, heading = 0 / 0 }
	for d = 1, 3 do
		local m, _, err = dkjson.decode(P.encodeUnit(u, d))
		T.eq(err, nil, "valid JSON at detail " .. d)
		T.eq(m.x, nil); T.eq(m.def, nil); T.eq(m.z, 5e9)
	end
	local v = { prefix = P.unitPrefix(2, 3, 4), x = 1.5, y = 2.5, z = 3.49, hp = 10, mhp = 20, bp = 0.5,
		vx = 1, vy = 2, vz = 3, heading = 4 }
	for d = 1, 3 do
		T.eq(P.encodeUnit(v, d), P.encodeUnitSlow(v, d), "fast == slow at detail " .. d)
	end
end)

T.test("team, player, game and unit-def objects are valid JSON with hostile names", function()
	local team = P.encodeTeam(1, 0, false, P.encodeResource(1, 2, 3, 4, 0.5), P.encodeResource(nil))
	local t = dkjson.decode(team)
	T.eq(t.metal.income, 3); T.eq(t.metal.storage, 2); T.eq(t.energy, nil)
	local p = dkjson.decode(P.encodePlayer(3, "\"Bob\"\n\255", 1, 0, true, false))
	T.eq(p.name, "\"Bob\"\n\239\191\189")
	T.eq(p.spectator, true)
	local g = dkjson.decode(P.encodeGame(900, 1.5, 2, true))
	T.eq(g.seconds, 30); T.eq(g.paused, true)
	local d = dkjson.decode(P.encodeUnitDef(5, { name = "x\0y", humanName = nil, metalCost = 0 / 0, health = 1e300 }))
	T.eq(d.name, "x\0y"); T.eq(d.metal_cost, nil); T.eq(d.is_building, false)
end)

T.test("an unfinished unit never shows bp 1 (SCHEMA 12.7)", function()
	local u = { prefix = P.unitPrefix(1, 1, 0), x = 1, y = 2, z = 3, hp = 10, mhp = 10, bp = 0.9996 }
	T.eq(dkjson.decode(P.encodeUnit(u, 2)).bp, 0.999)
	u.bp = 1
	T.eq(dkjson.decode(P.encodeUnit(u, 2)).bp, 1)
end)
