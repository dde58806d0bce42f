-- tests/lua/bench_encoder.lua: the widget's schema-specialised encoder against dkjson and
-- lua-cjson on the same 500-unit snapshot payload, in one run (os.clock, many iterations).
-- Usage: lua5.1 tests/lua/bench_encoder.lua [units] [seconds-per-case]
--   (also runs under lua5.4 when the Debian lua-dkjson/lua-cjson packages provide 5.4 modules)
-- "cold": every unit fragment is formatted (all units changed since the last message).
-- "cached": fragments are reused (no unit changed), as for unchanged units in a snapshot.
-- "delta 10%": a tenth of the units changed and are re-encoded; the rest reuse fragments.

local here = (arg and arg[0] or ""):match("^(.*[/\\])") or "./"
local root = here .. "../../"
local units = tonumber(arg and arg[1]) or 500
local seconds = tonumber(arg and arg[2]) or 1.0

local json = dofile(root .. "widget/livedata/json.lua")
local protocol = dofile(root .. "widget/livedata/protocol.lua")(json)
local okDk, dkjson = pcall(require, "dkjson")
local okCj, cjson = pcall(require, "cjson")

-- The payload: plain tables, identical data for all three encoders (shared with the harness run).
local payload, assemble = dofile(here .. "bench_payload.lua")(protocol, units)

local function timeIt(fn)
	-- warm up, then run for about `seconds`
	for _ = 1, 3 do fn() end
	local iterations, t0 = 0, os.clock()
	local elapsed = 0
	while elapsed < seconds do
		for _ = 1, 10 do fn() end
		iterations = iterations + 10
		elapsed = os.clock() - t0
	end
	return elapsed * 1000 / iterations -- ms per encode
end

local results = {}
results.cold = timeIt(function() return assemble(true) end)
results.delta = timeIt(function() return assemble(true, 0.1) end)
results.cached = timeIt(function() return assemble(false) end)
if okDk then results.dkjson = timeIt(function() return dkjson.encode(payload) end) end
if okCj then results.cjson = timeIt(function() return cjson.encode(payload) end) end

-- sanity: our output decodes to the same units
local decoder = okCj and cjson.decode or (okDk and dkjson.decode)
if decoder then
	local decoded = decoder(assemble(true))
	assert(#decoded.units == units, "decoded unit count")
end

print(string.format("%s, %d units, payload %d bytes (ours)", _VERSION, units, #assemble(true)))
print(string.format("  ours cold (all fragments formatted) %8.3f ms", results.cold))
print(string.format("  ours delta-10%% (50 re-formatted)     %8.3f ms", results.delta))
print(string.format("  ours cached (fragments reused)      %8.3f ms", results.cached))
if results.dkjson then
	print(string.format("  dkjson %s                       %8.3f ms", dkjson.version, results.dkjson))
end
if results.cjson then
	print(string.format("  lua-cjson %s                      %8.3f ms", cjson._VERSION, results.cjson))
end
if results.dkjson then
	print(string.format("  speed-up vs dkjson: cold %.1fx, delta-10%% %.1fx, cached %.1fx (target >= 8x)",
		results.dkjson / results.cold, results.dkjson / results.delta, results.dkjson / results.cached))
end
if results.cjson then
	print(string.format("  time vs cjson:      cold %.2fx, delta-10%% %.2fx, cached %.2fx (target <= 1.3x)",
		results.cold / results.cjson, results.delta / results.cjson, results.cached / results.cjson))
end
