-- livedata/config.lua: settings of the Live Data Export widget: defaults, validation and
-- migration of stored data (GetConfigData/SetConfigData).
--
-- validate(data) never fails: every missing, mistyped or out-of-range value falls back to
-- its default (or is clamped) and a human-readable warning says what happened.

local type = type
local pairs = pairs
local floor = math.floor
local tonumber = tonumber
local sformat = string.format
local smatch = string.match
local tsort = table.sort

local C = {}

C.VERSION = 1

-- One entry per setting: kind, default, and range or choices. Order is the display order.
C.SCHEMA = {
	{ key = "autoConnect", kind = "boolean", default = true },
	{ key = "host", kind = "host", default = "127.0.0.1" },
	{ key = "port", kind = "integer", default = 8765, min = 1, max = 65535 },
	{ key = "rate", kind = "integer", default = 30, min = 1, max = 30 },   -- exports per second
	{ key = "detail", kind = "choice", default = "standard", choices = { "minimal", "standard", "comprehensive" } },
	{ key = "framing", kind = "choice", default = "newline", choices = { "newline", "length" } },
	{ key = "budgetMs", kind = "number", default = 2, min = 0.25, max = 50 },
	{ key = "maxUnitAgeFrames", kind = "integer", default = 3, min = 1, max = 300 },
	{ key = "snapshotIntervalSeconds", kind = "number", default = 10, min = 1, max = 3600 },
	{ key = "teamIntervalFrames", kind = "integer", default = 15, min = 1, max = 900 },
	{ key = "heartbeatSeconds", kind = "number", default = 1, min = 0.25, max = 60 },
	{ key = "statusSeconds", kind = "number", default = 5, min = 1, max = 600 },
	{ key = "queueMaxMessages", kind = "integer", default = 512, min = 8, max = 100000 },
	{ key = "queueMaxBytes", kind = "integer", default = 4194304, min = 65536, max = 268435456 },
	{ key = "overflow", kind = "choice", default = "drop-oldest", choices = { "drop-oldest", "drop-new", "priority" } },
	{ key = "sendBudgetBytes", kind = "integer", default = 262144, min = 1024, max = 16777216 },
	{ key = "receiveBudgetBytes", kind = "integer", default = 16384, min = 512, max = 1048576 },
	{ key = "connectTimeoutSeconds", kind = "number", default = 5, min = 0.5, max = 120 },
	{ key = "stallTimeoutSeconds", kind = "number", default = 30, min = 2, max = 3600 },
	{ key = "backoffMinSeconds", kind = "number", default = 1, min = 0.1, max = 60 },
	{ key = "backoffMaxSeconds", kind = "number", default = 30, min = 1, max = 3600 },
	{ key = "breakerThreshold", kind = "integer", default = 10, min = 1, max = 1000 },
	-- Equal to backoffMaxSeconds by default, so that 30 s stays the bound on how long a
	-- returning server waits; the breaker adds the FAILED state and tells the user.
	{ key = "breakerCooldownSeconds", kind = "number", default = 30, min = 1, max = 86400 },
	{ key = "moveThreshold", kind = "number", default = 1, min = 0, max = 1000 },
	{ key = "showIndicator", kind = "boolean", default = true },
	{ key = "logLevel", kind = "choice", default = "info", choices = { "debug", "info", "warning", "error" } },
}

local BY_KEY = {}
for i = 1, #C.SCHEMA do
	BY_KEY[C.SCHEMA[i].key] = C.SCHEMA[i]
end
C.BY_KEY = BY_KEY

function C.defaults()
	local t = {}
	for i = 1, #C.SCHEMA do
		t[C.SCHEMA[i].key] = C.SCHEMA[i].default
	end
	return t
end

function C.copy(cfg)
	local t = {}
	for k, v in pairs(cfg) do
		t[k] = v
	end
	return t
end

--- Accepts an IPv4 dotted quad (each part 0..255, no leading junk) or "localhost".
--- Host names are refused on purpose: resolving them is a blocking DNS call that would
--- freeze the game. Returns the normalised host or nil, reason.
function C.checkHost(h)
	if type(h) ~= "string" then
		return nil, "must be a string"
	end
	h = smatch(h, "^%s*(.-)%s*$")
	if h == "localhost" then
		return "127.0.0.1"
	end
	local a, b, c, d = smatch(h, "^(%d%d?%d?)%.(%d%d?%d?)%.(%d%d?%d?)%.(%d%d?%d?)$")
	if not a then
		return nil, "must be an IPv4 address like 127.0.0.1 (host names need a blocking DNS lookup)"
	end
	a, b, c, d = tonumber(a), tonumber(b), tonumber(c), tonumber(d)
	if a > 255 or b > 255 or c > 255 or d > 255 then
		return nil, "each part of an IPv4 address must be 0..255"
	end
	if a == 0 then
		return nil, "0.x.x.x is not a destination address"
	end
	return sformat("%d.%d.%d.%d", a, b, c, d)
end

local function describe(v)
	if type(v) == "string" then
		-- printable preview for the console; control characters shown as '?'
		local preview = #v > 40 and (v:sub(1, 40) .. "...") or v
		return "'" .. preview:gsub("%c", "?") .. "'"
	end
	return type(v) == "number" and sformat("%.6g", v) or type(v)
end

--- Validates one value. Returns the accepted value (possibly clamped/normalised) and a
--- warning, or nil and a warning when the value must be replaced by the default.
function C.checkValue(key, v)
	local spec = BY_KEY[key]
	if not spec then
		return nil, "unknown setting '" .. tostring(key) .. "'"
	end
	local kind = spec.kind
	if kind == "boolean" then
		if type(v) == "boolean" then return v end
		if v == "true" or v == "on" or v == 1 then return true end
		if v == "false" or v == "off" or v == 0 then return false end
		return nil, key .. " must be true or false, got " .. describe(v)
	elseif kind == "host" then
		local h, why = C.checkHost(v)
		if not h then
			return nil, key .. " " .. why .. ", got " .. describe(v)
		end
		return h
	elseif kind == "choice" then
		if type(v) == "string" then
			local lv = v:lower()
			for i = 1, #spec.choices do
				if spec.choices[i] == lv then return lv end
			end
		end
		return nil, key .. " must be one of " .. table.concat(spec.choices, "|") .. ", got " .. describe(v)
	else
		local n = v
		if type(n) == "string" then n = tonumber(n) end
		if type(n) ~= "number" or n ~= n or n == math.huge or n == -math.huge then
			return nil, key .. " must be a number, got " .. describe(v)
		end
		local warning
		if kind == "integer" and n ~= floor(n) then
			n = floor(n + 0.5)
			warning = key .. " must be a whole number; rounded to " .. sformat("%d", n)
		end
		if n < spec.min then
			return spec.min, key .. " below minimum " .. sformat("%.6g", spec.min) .. "; clamped"
		elseif n > spec.max then
			return spec.max, key .. " above maximum " .. sformat("%.6g", spec.max) .. "; clamped"
		end
		return n, warning
	end
end

-- Migrations: each step takes the data of version v and returns version v+1.
-- Version 0 is data without `configVersion` (hand-written, or from pre-1.0 development
-- builds, which used the key names below).
C.MIGRATIONS = {
	[0] = function(data)
		local out = {}
		for k, v in pairs(data) do
			out[k] = v
		end
		if out.serverHost ~= nil and out.host == nil then out.host = out.serverHost end
		if out.serverPort ~= nil and out.port == nil then out.port = out.serverPort end
		if out.updateInterval ~= nil and out.rate == nil then
			local frames = tonumber(out.updateInterval)
			if frames and frames > 0 then
				out.rate = floor(30 / frames + 0.5)
			end
		end
		out.serverHost, out.serverPort, out.updateInterval = nil, nil, nil
		return out
	end,
}

--- Brings stored data to the current version. Returns data, fromVersion, warnings.
function C.migrate(data, warnings)
	warnings = warnings or {}
	if type(data) ~= "table" then
		if data ~= nil then
			warnings[#warnings + 1] = "stored settings were not a table; using defaults"
		end
		return {}, C.VERSION, warnings
	end
	local v = data.configVersion
	if v == nil then
		v = 0
	end
	if type(v) ~= "number" or v ~= floor(v) or v < 0 then
		warnings[#warnings + 1] = "stored settings have an invalid configVersion; reading them as version 0"
		v = 0
	end
	local from = v
	if v > C.VERSION then
		warnings[#warnings + 1] = sformat(
			"stored settings come from a newer version (%d); keeping what this version understands", v)
		return data, from, warnings
	end
	while v < C.VERSION do
		local step = C.MIGRATIONS[v]
		if step then
			data = step(data)
		end
		v = v + 1
	end
	return data, from, warnings
end

--- Full validation: migrate, then check every known key. Returns a complete config table
--- (every key present) and the list of warnings.
function C.validate(data)
	local warnings = {}
	local migrated = C.migrate(data, warnings)
	local cfg = C.defaults()
	local keys = {}
	for k in pairs(migrated) do
		if type(k) == "string" and k ~= "configVersion" then keys[#keys + 1] = k end
	end
	tsort(keys)
	for i = 1, #keys do
		local k = keys[i]
		local value, warning = C.checkValue(k, migrated[k])
		if value ~= nil then
			cfg[k] = value
		end
		if warning then
			warnings[#warnings + 1] = warning
		end
	end
	if cfg.backoffMaxSeconds < cfg.backoffMinSeconds then
		cfg.backoffMaxSeconds = cfg.backoffMinSeconds
		warnings[#warnings + 1] = "backoffMaxSeconds below backoffMinSeconds; raised to match"
	end
	return cfg, warnings
end

--- Data to store: the config plus its version.
function C.serialise(cfg)
	local t = C.copy(cfg)
	t.configVersion = C.VERSION
	return t
end

return C
