-- livedata/json.lua: JSON primitives for the Live Data Export widget.
--
-- Pure Lua 5.1 (also runs on 5.4). No globals are read after load except the standard
-- libraries captured below, so the same file serves BAR (VFS.Include) and plain lua5.1 tests
-- (dofile). Output is byte-identical on 5.1 and 5.4: numbers always go through
-- string.format with an explicit format (C printf), never tostring (5.4 prints 3.0 as "3.0").

local sformat = string.format
local sbyte = string.byte
local schar = string.char
local sfind = string.find
local sgsub = string.gsub
local ssub = string.sub
local floor = math.floor
local tconcat = table.concat
local type = type
local pairs = pairs
local tsort = table.sort
local tostring = tostring
local tonumber = tonumber
local next = next

local HUGE = math.huge
-- %d is only portable for values that fit a C long on every platform BAR ships on
-- (Windows x64 has a 32-bit long and Lua 5.1 formats %d through it). Compared strictly:
-- in BAR's float32 numbers this literal rounds up to 2^31.
local INT_LIMIT = 2147483647

local M = {}

M.NULL = "null"

local function isFinite(v)
	return v == v and v < HUGE and v > -HUGE
end
M.isFinite = isFinite

-- True for anything JSON writes as null: not a number, NaN or +-Inf.
local function isNull(v)
	return type(v) ~= "number" or v ~= v or v >= HUGE or v <= -HUGE
end

--- Integer-valued number to JSON. Non-integral values are rounded; NaN/Inf -> null.
local function int(v)
	if isNull(v) then
		return "null"
	end
	if v ~= floor(v) then
		v = floor(v + 0.5)
	end
	if v < INT_LIMIT and v > -INT_LIMIT then
		return sformat("%d", v)
	end
	return sformat("%.0f", v)
end
M.int = int

--- Number with a fixed printf format (for example "%.1f"); NaN/Inf/non-number -> null.
local function fixed(v, fmt)
	if isNull(v) then
		return "null"
	end
	return sformat(fmt, v)
end
M.fixed = fixed

--- General number: integers exactly, other values with 10 significant digits; NaN/Inf -> null.
local function number(v)
	if type(v) == "number" and v == floor(v) and v < INT_LIMIT and v > -INT_LIMIT then
		return sformat("%d", v)
	end
	return fixed(v, "%.10g")
end
M.number = number

-- Strings -------------------------------------------------------------------------------

local REPLACEMENT = "\239\191\189" -- U+FFFD

--- Returns s with every byte that does not start a well-formed UTF-8 sequence (overlong
--- forms, surrogates, code points above U+10FFFF, truncated sequences) replaced by U+FFFD.
local function sanitizeUtf8(s)
	if not sfind(s, "[\128-\255]") then
		return s
	end
	local out, n = {}, 0
	local i, len = 1, #s
	local runStart = 1
	while i <= len do
		local c = sbyte(s, i)
		local size = 0
		if c < 0x80 then
			size = 1
		elseif c >= 0xC2 and c <= 0xDF then
			local c2 = sbyte(s, i + 1)
			if c2 and c2 >= 0x80 and c2 <= 0xBF then size = 2 end
		elseif c >= 0xE0 and c <= 0xEF then
			local c2, c3 = sbyte(s, i + 1, i + 2)
			if c2 and c3 and c3 >= 0x80 and c3 <= 0xBF then
				local lo, hi = 0x80, 0xBF
				if c == 0xE0 then lo = 0xA0 elseif c == 0xED then hi = 0x9F end
				if c2 >= lo and c2 <= hi then size = 3 end
			end
		elseif c >= 0xF0 and c <= 0xF4 then
			local c2, c3, c4 = sbyte(s, i + 1, i + 3)
			if c2 and c3 and c4 and c3 >= 0x80 and c3 <= 0xBF and c4 >= 0x80 and c4 <= 0xBF then
				local lo, hi = 0x80, 0xBF
				if c == 0xF0 then lo = 0x90 elseif c == 0xF4 then hi = 0x8F end
				if c2 >= lo and c2 <= hi then size = 4 end
			end
		end
		if size == 0 then
			if runStart < i then
				n = n + 1
				out[n] = ssub(s, runStart, i - 1)
			end
			n = n + 1
			out[n] = REPLACEMENT
			i = i + 1
			runStart = i
		else
			i = i + size
		end
	end
	if runStart <= len then
		n = n + 1
		out[n] = ssub(s, runStart, len)
	end
	return tconcat(out, "", 1, n)
end
M.sanitizeUtf8 = sanitizeUtf8

local ESCAPES = {
	['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
	["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
}
for b = 0, 31 do
	local ch = schar(b)
	if not ESCAPES[ch] then
		ESCAPES[ch] = sformat("\\u%04x", b)
	end
end
ESCAPES["\127"] = "\\u007f"

-- Names repeat (players, unit defs); cache their encodings. Bounded so hostile input
-- cannot grow it without limit.
local stringCache, stringCacheSize = {}, 0
local STRING_CACHE_LIMIT = 4096

--- Any value to a quoted JSON string (non-strings are converted with tostring first).
local function str(s)
	if type(s) ~= "string" then
		if s == nil then
			return "null"
		end
		s = tostring(s)
	end
	local cached = stringCache[s]
	if cached then
		return cached
	end
	local body = sanitizeUtf8(s)
	if sfind(body, '[%c"\\\127]') then
		body = sgsub(body, '[%c"\\\127]', ESCAPES)
	end
	local encoded = '"' .. body .. '"'
	if stringCacheSize >= STRING_CACHE_LIMIT then
		stringCache, stringCacheSize = {}, 0
	end
	stringCache[s] = encoded
	stringCacheSize = stringCacheSize + 1
	return encoded
end
M.string = str

local function bool(v)
	if v then return "true" end
	return "false"
end
M.bool = bool

-- Generic encoder for the cold paths (hello, status, stats): deterministic key order,
-- cycle and depth guards. Hot paths use the schema-specialised builders in protocol.lua.

local function isArray(t)
	local n = #t
	local count = 0
	for k in pairs(t) do
		if type(k) ~= "number" or k < 1 or k > n or k ~= floor(k) then
			return false
		end
		count = count + 1
	end
	return count == n and (n > 0 or next(t) == nil)
end

local function encodeInto(v, out, n, depth, seen)
	local tv = type(v)
	if tv == "string" then
		n = n + 1; out[n] = str(v)
	elseif tv == "number" then
		n = n + 1; out[n] = number(v)
	elseif tv == "boolean" then
		n = n + 1; out[n] = bool(v)
	elseif tv == "table" and depth < 32 and not seen[v] then
		seen[v] = true
		if isArray(v) then
			n = n + 1; out[n] = "["
			for i = 1, #v do
				if i > 1 then n = n + 1; out[n] = "," end
				n = encodeInto(v[i], out, n, depth + 1, seen)
			end
			n = n + 1; out[n] = "]"
		else
			local keys, k = {}, 0
			for key in pairs(v) do
				k = k + 1
				keys[k] = tostring(key)
			end
			tsort(keys)
			n = n + 1; out[n] = "{"
			for i = 1, k do
				local key = keys[i]
				local value = v[key]
				if value == nil then
					value = v[tonumber(key)]
				end
				if i > 1 then n = n + 1; out[n] = "," end
				n = n + 1; out[n] = str(key)
				n = n + 1; out[n] = ":"
				n = encodeInto(value, out, n, depth + 1, seen)
			end
			n = n + 1; out[n] = "}"
		end
		seen[v] = nil
	else
		n = n + 1; out[n] = "null"
	end
	return n
end

--- Encodes any Lua value (tables with string keys become objects, sequences arrays).
function M.encode(v)
	local out = {}
	local n = encodeInto(v, out, 0, 0, {})
	return tconcat(out, "", 1, n)
end

return M
