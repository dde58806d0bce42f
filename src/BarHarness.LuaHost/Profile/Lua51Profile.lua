-- BAR runs widgets on Lua 5.1; this VM is 5.4. Make the 5.1 names exist, hide what 5.1 lacks, and print
-- numbers the 5.1 way. Known limits (see README, "Lua 5.1 profile"): `..` on an integral float gives
-- "3.0" (the engine hands integral values over as integers to keep this rare); integer overflow wraps
-- on integer-typed values; setfenv cannot give an environment to a function that uses no globals.
local H = ...
local type, select, error, pairs, rawtostring = type, select, error, pairs, tostring
local floor, abs, huge, log = math.floor, math.abs, math.huge, math.log
local format, gsub, concat = string.format, string.gsub, table.concat
local getinfo, getupvalue, upvaluejoin = debug.getinfo, debug.getupvalue, debug.upvaluejoin
local mathtype = math.type

_VERSION = "Lua 5.1"

-- 5.1 globals
unpack = table.unpack
loadstring = function(s, chunkname)
	return load(s, chunkname, "t")
end
gcinfo = function()
	return floor(collectgarbage("count"))
end

-- tostring and print: 5.1 formats every number with "%.14g" (3.0 prints "3", 2^53 prints 9.007199254741e+15)
tostring = function(v)
	if type(v) == "number" then
		return format("%.14g", v)
	end
	return rawtostring(v)
end
local tostring51 = tostring
H.printPatched = true
print = function(...)
	local n = select("#", ...)
	local parts = {}
	for i = 1, n do
		parts[i] = tostring51((select(i, ...)))
	end
	H.print(concat(parts, "\t"))
end

-- string.format: 5.1 truncates the argument of %d %i %c %o %u %x %X; 5.4 raises for 3.5. A native
-- shim (H.format) does the truncation so the harness adds no Lua instructions to the widget's count.
string.format = H.format

-- table
table.getn = function(t)
	return #t
end
table.setn = function()
	error("'setn' is obsolete", 2)
end
table.maxn = function(t)
	local m = 0
	for k in pairs(t) do
		if type(k) == "number" and k > m then
			m = k
		end
	end
	return m
end
table.foreach = function(t, f)
	for k, v in pairs(t) do
		local r = f(k, v)
		if r ~= nil then
			return r
		end
	end
end
table.foreachi = function(t, f)
	for i = 1, #t do
		local r = f(i, t[i])
		if r ~= nil then
			return r
		end
	end
end
-- 5.1's table.insert accepts any position; 5.4 raises "position out of bounds" past #t+1.
local rawinsert = table.insert
table.insert = function(t, pos, ...)
	if select("#", ...) == 0 then
		return rawinsert(t, pos)
	end
	if type(pos) == "number" and (pos > #t + 1 or pos < 1) then
		t[pos] = ...
		return
	end
	return rawinsert(t, pos, ...)
end

-- math
math.mod = math.fmod
math.pow = function(x, y)
	return x ^ y
end
math.ldexp = function(m, e)
	return m * 2.0 ^ e
end
math.frexp = function(x)
	if x == 0 or x ~= x or x == huge or x == -huge then
		return x, 0
	end
	local e = floor(log(abs(x), 2)) + 1
	local m = x / 2.0 ^ e
	if abs(m) >= 1 then
		m, e = m / 2, e + 1
	elseif abs(m) < 0.5 then
		m, e = m * 2, e - 1
	end
	return m, e
end
math.log10 = function(x)
	return log(x, 10)
end
math.cosh = function(x)
	return (math.exp(x) + math.exp(-x)) / 2
end
math.sinh = function(x)
	return (math.exp(x) - math.exp(-x)) / 2
end
math.tanh = function(x)
	local a, b = math.exp(x), math.exp(-x)
	return (a - b) / (a + b)
end
-- 5.1's math.random floors its bounds and refuses an empty interval; math.random(0) is an error there.
local rawrandom = math.random
math.random = function(m, n)
	if m == nil then
		return rawrandom()
	end
	m = floor(m)
	if n == nil then
		if m < 1 then
			error("bad argument #1 to 'random' (interval is empty)", 2)
		end
		return rawrandom(m)
	end
	n = floor(n)
	if m > n then
		error("bad argument #2 to 'random' (interval is empty)", 2)
	end
	return rawrandom(m, n)
end
math.randomseed(H.seed)

string.gfind = string.gmatch

-- setfenv / getfenv over 5.4's _ENV upvalue. Limit: a function that uses no globals has no _ENV
-- upvalue, so setfenv cannot give it one (5.1 would, and getfenv would return it).
local function envIndex(f)
	for i = 1, 255 do
		local name = getupvalue(f, i)
		if name == "_ENV" then
			return i
		end
		if name == nil then
			return nil
		end
	end
	return nil
end
local function functionAt(f, fname)
	if type(f) == "number" then
		if f < 0 then
			error("bad argument #1 to '" .. fname .. "' (level must be non-negative)", 3)
		end
		local info = getinfo(f + 2, "f")
		if not info then
			error("bad argument #1 to '" .. fname .. "' (invalid level)", 3)
		end
		return info.func
	end
	if type(f) ~= "function" then
		error("bad argument #1 to '" .. fname .. "' (number expected, got " .. type(f) .. ")", 3)
	end
	return f
end
getfenv = function(f)
	if f == 0 then
		return _G
	end
	local fn = functionAt(f or 1, "getfenv")
	local i = envIndex(fn)
	if i then
		local _, env = getupvalue(fn, i)
		return env
	end
	return _G
end
setfenv = function(f, t)
	if type(t) ~= "table" then
		error("bad argument #2 to 'setfenv' (table expected, got " .. type(t) .. ")", 2)
	end
	if f == 0 then
		error("BarHarness: setfenv(0, t) (the thread's globals) is not supported on the 5.4 VM", 2)
	end
	local fn = functionAt(f, "setfenv")
	local i = envIndex(fn)
	if i then
		-- join with a fresh upvalue: other closures that shared _ENV keep theirs, as in 5.1
		upvaluejoin(fn, i, function()
			return t
		end, 1)
	end
	return fn
end

-- 5.1's coroutine.running() returns nil on the main thread and only the coroutine otherwise
local rawrunning = coroutine.running
coroutine.running = function()
	local co, main = rawrunning()
	if main then
		return nil
	end
	return co
end

-- hide what 5.1 does not have
table.unpack, table.move, table.pack = nil, nil, nil
utf8 = nil
math.type, math.tointeger, math.ult, math.maxinteger, math.mininteger = nil, nil, nil, nil, nil
string.pack, string.unpack, string.packsize = nil, nil, nil
warn = nil
coroutine.close, coroutine.isyieldable = nil, nil
rawlen = nil
