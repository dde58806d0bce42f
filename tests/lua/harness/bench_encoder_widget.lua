-- tests/lua/harness/bench_encoder_widget.lua: the encoder benchmark (tests/lua/bench_encoder.lua)
-- as a widget, so that it runs on the harness's VM. bench_encoder_harness.sh puts it in a temporary
-- widget folder with the livedata modules and the system's dkjson.lua (never copied into the repo).
function widget:GetInfo()
	return { name = "Encoder benchmark", layer = 0, enabled = true }
end

local UNITS = 500
local SECONDS = 1.0

local function include(name)
	return VFS.Include("LuaUI/Widgets/" .. name, setmetatable({}, { __index = widget }))
end

local function loadDkjson()
	local text = VFS.LoadFile and VFS.LoadFile("LuaUI/Widgets/dkjson.lua")
	if not text then return nil end
	local chunk = loadstring(text, "=dkjson.lua")
	if not chunk then return nil end
	-- dkjson asks require for "debug" at load time; LuaUI has no require.
	local env = setmetatable({ require = function(name) if name == "debug" then return debug end error("no module " .. name) end }, { __index = widget })
	setfenv(chunk, env)
	return chunk()
end

local function now() return Spring.GetTimer() end
local function ms(t0) return Spring.DiffTimers(Spring.GetTimer(), t0, true) end

local function timeIt(fn)
	for _ = 1, 3 do fn() end
	local iterations, t0, elapsed = 0, now(), 0
	while elapsed < SECONDS * 1000 do
		for _ = 1, 10 do fn() end
		iterations = iterations + 10
		elapsed = ms(t0)
	end
	return elapsed / iterations
end

function widget:Initialize()
	local json = include("livedata/json.lua")
	local protocol = include("livedata/protocol.lua")(json)
	local dkjson = loadDkjson()
	local payload = { schema_version = 1, type = "snapshot", seq = 1, frame = 12345, units = {} }
	local records, buf = {}, {}
	for i = 1, UNITS do
		local u = { id = 1000 + i, def = 1 + i % 300, team = i % 8, x = 100 + (i * 37.25) % 8000, y = 20 + (i % 50) * 0.5,
			z = 100 + (i * 91.75) % 8000, hp = 500 - (i % 200) * 1.25, max_hp = 1000, bp = (i % 10 == 0) and 0.5 or 1 }
		payload.units[i] = u
		records[i] = { prefix = protocol.unitPrefix(u.id, u.def, u.team), x = u.x, y = u.y, z = u.z, hp = u.hp, mhp = u.max_hp, bp = u.bp }
	end
	local function assemble(fresh)
		local n = 1
		buf[1] = '{"schema_version":1,"seq":1,"type":"snapshot","frame":12345,"units":['
		for i = 1, UNITS do
			local r = records[i]
			if fresh then r.frag = protocol.encodeUnit(r, 2) end
			if i > 1 then n = n + 1; buf[n] = "," end
			n = n + 1
			buf[n] = r.frag
		end
		n = n + 1
		buf[n] = "]}"
		return table.concat(buf, "", 1, n)
	end
	local cold = timeIt(function() return assemble(true) end)
	local cached = timeIt(function() return assemble(false) end)
	local line = string.format("encoder %d units: cold %.3f ms, cached %.3f ms", UNITS, cold, cached)
	if dkjson then
		local dk = timeIt(function() return dkjson.encode(payload) end)
		line = line .. string.format(", dkjson %.3f ms (%.1fx ours cold)", dk, dk / cold)
	else
		line = line .. ", dkjson not found"
	end
	Spring.Echo(line)
end
