-- Stand-ins for what BAR's own Lua (its init scripts and always-on widgets) gives every widget, for
-- runs without a BAR game tree: widgets reach for these at load time and fail otherwise. They are
-- not BAR's code; each is the smallest thing that behaves as BAR's does for a caller:
--   string.formatSI, math.isInRect, math.round, math.clamp, table.copy, table.merge, table.contains,
--   table.count, Spring.I18N (returns the key, with %{var} filled in), GameCMD (BAR's custom command
--   ids: a stable id >= 28000 per name), WG.FlowUI and WG.fonts (recording stand-ins: drawing calls
--   are counted as gl stubs are), Spring.Utilities.IsDevMode / ShowDevUI (false: a player's build;
--   BAR's dev widgets return before defining anything then).
local H = ...
local System = H.System
local Spring, gl = System.Spring, System.gl
local string, math, table = System.string, System.math, System.table
local type, pairs, tostring, setmetatable, select = type, pairs, tostring, setmetatable, select

function string.formatSI(value, decimals)
	if type(value) ~= "number" then
		return tostring(value)
	end
	local abs = math.abs(value)
	local suffix, scaled = "", value
	if abs >= 1e9 then
		suffix, scaled = "G", value / 1e9
	elseif abs >= 1e6 then
		suffix, scaled = "M", value / 1e6
	elseif abs >= 1e3 then
		suffix, scaled = "k", value / 1e3
	end
	local digits = decimals or (suffix == "" and 0 or 1)
	return string.format("%." .. digits .. "f", scaled) .. suffix
end

function math.isInRect(x, y, left, bottom, right, top)
	return x >= left and y >= bottom and x <= right and y <= top
end

function math.round(x, decimals)
	local m = 10 ^ (decimals or 0)
	return math.floor(x * m + 0.5) / m
end

function math.clamp(x, low, high)
	return math.max(low, math.min(high, x))
end

local function copy(t, seen)
	if type(t) ~= "table" then
		return t
	end
	if seen[t] then
		return seen[t]
	end
	local out = {}
	seen[t] = out
	for k, v in pairs(t) do
		out[copy(k, seen)] = copy(v, seen)
	end
	return out
end

function table.copy(t)
	return copy(t, {})
end

function table.merge(a, b)
	local out = copy(a, {})
	for k, v in pairs(b or {}) do
		if type(v) == "table" and type(out[k]) == "table" then
			out[k] = table.merge(out[k], v)
		else
			out[k] = v
		end
	end
	return out
end

function table.contains(t, value)
	for _, v in pairs(t) do
		if v == value then
			return true
		end
	end
	return false
end

function table.count(t)
	local n = 0
	for _ in pairs(t) do
		n = n + 1
	end
	return n
end

local function translate(key, vars)
	local text = tostring(key)
	if type(vars) == "table" then
		text = text:gsub("%%{(%w+)}", function(name)
			local v = vars[name]
			return v ~= nil and tostring(v) or nil
		end)
	end
	return text
end
local language = "en"
Spring.I18N = setmetatable({
	translate = translate,
	setLanguage = function(lang) language = lang end,
	getLocale = function() return language end,
	languages = { en = "English" },
	load = function() end,
	set = function() end,
	unitName = function(name) return name end,
}, { __call = function(_, key, vars) return translate(key, vars) end })

Spring.Utilities = Spring.Utilities or {}
Spring.Utilities.IsDevMode = function() return false end
Spring.Utilities.ShowDevUI = function() return false end

local nextCmd = 28000
System.GameCMD = setmetatable({}, {
	__index = function(t, name)
		if type(name) ~= "string" then
			return nil
		end
		nextCmd = nextCmd + 1
		rawset(t, name, nextCmd)
		return nextCmd
	end,
})

-- A recording stand-in: any field is another stand-in; calling one counts the call (as a gl stub
-- would) and returns nothing.
local record = gl.Text
local function standIn(path)
	return setmetatable({}, {
		__index = function(t, key)
			local child = standIn(path .. "." .. tostring(key))
			rawset(t, key, child)
			return child
		end,
		__call = function()
			record("", 0, 0)
		end,
	})
end

H.barWG = {
	FlowUI = standIn("WG.FlowUI"),
	fonts = { getFont = function(file, size, outline, outlineWeight)
		return gl.LoadFont(file or "fonts/FreeSansBold.otf", size or 14, outline or 0, outlineWeight or 0)
	end },
}
