-- tests/lua/harness/bench_encoder_widget.lua: the encoder benchmark (tests/lua/bench_encoder.lua)
-- as a widget, so that it runs on the harness's VM. bench_encoder_harness.sh puts it in a temporary
-- widget folder with the livedata modules, tests/lua/bench_payload.lua (the same payload) and the
-- system's dkjson.lua (never copied into the repo).
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
	local function requireDebugOnly(name)
		if name == "debug" then return debug end
		error("no module " .. name)
	end
	local env = setmetatable({ require = requireDebugOnly }, { __index = widget })
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
	local payload, assemble = include("bench_payload.lua")(protocol, UNITS)
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
