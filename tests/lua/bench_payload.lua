-- tests/lua/bench_payload.lua: the snapshot payload both encoder benchmarks encode
-- (bench_encoder.lua under lua5.1, harness/bench_encoder_widget.lua on the harness's VM).
-- Usage: local payload, assemble = dofile("bench_payload.lua")(protocol, units)
--   payload: plain tables for generic encoders (dkjson, cjson)
--   assemble(fresh, fraction): our snapshot; fresh re-formats the fragments (a `fraction` of them)
return function(protocol, units)
	local payload = { schema_version = 1, type = "snapshot", seq = 1, frame = 12345, units = {} }
	local records = {}
	for i = 1, units do
		local u = {
			id = 1000 + i, def = 1 + i % 300, team = i % 8,
			x = 100 + (i * 37.25) % 8000, y = 20 + (i % 50) * 0.5, z = 100 + (i * 91.75) % 8000,
			hp = 500 - (i % 200) * 1.25, max_hp = 1000, bp = (i % 10 == 0) and 0.5 or 1,
		}
		payload.units[i] = u
		records[i] = {
			prefix = protocol.unitPrefix(u.id, u.def, u.team),
			x = u.x, y = u.y, z = u.z, hp = u.hp, mhp = u.max_hp, bp = u.bp,
		}
	end

	local buf = {}
	local function assemble(fragsFresh, fraction)
		local n = 1
		buf[1] = '{"schema_version":1,"seq":1,"type":"snapshot","frame":12345,"units":['
		local step = fraction and math.floor(1 / fraction) or 1
		for i = 1, units do
			local r = records[i]
			if fragsFresh and (i % step == 0) then
				r.frag = protocol.encodeUnit(r, 2)
			end
			if i > 1 then n = n + 1; buf[n] = "," end
			n = n + 1
			buf[n] = r.frag
		end
		n = n + 1
		buf[n] = "]}"
		return table.concat(buf, "", 1, n)
	end
	return payload, assemble
end
