-- The `socket` table widgets see: LuaSocket 2.0.2's Lua face (classes, argument checks, socket.lua
-- helpers) over BarHarness natives that take a socket handle. Argument errors are raised here, in
-- Lua, with LuaSocket's messages; natives never raise. Runs once per Lua state with the harness's
-- internal table as `...`.
local H = ...
local N = {}
for _, name in ipairs({
	"newobject", "setmeta", "class", "tcp", "connect", "bind", "listen", "accept", "send", "receive",
	"close", "gcclose", "shutdown", "settimeout", "getpeername", "getsockname", "getstats", "setstats", "dirty",
	"getfd", "setoption", "select", "gettime", "sleep", "toip", "gethostname",
}) do
	N[name] = H["socket_" .. name]
end

local error, type, tostring, tonumber, select, setmetatable, ipairs, pairs = error, type, tostring, tonumber, select,
	setmetatable, ipairs, pairs
local format, sub = string.format, string.sub
local getinfo = debug.getinfo
local methodNames = {} -- socket method function -> its name (for messages after a tail call)
-- Lua 5.1's getinfo has no "t" (istailcall): there a tail call shows as a "tail" frame above.
local tailKnown = pcall(getinfo, 1, "t")
local infoOptions = tailKnown and "nft" or "nf"

local handleOf = setmetatable({}, { __mode = "k" }) -- socket object -> handle
local metatables = {}

-- luaL_argerror as Lua 5.1 words it: the position is the caller's line; a bad `self` in a method
-- call reads "calling 'f' on bad self". `depth` counts helper frames above the API function.
-- LuaSocket's functions are C functions, which a `return s:f()` does not tail-call away in 5.1;
-- these are Lua functions, so a tail call loses the caller: then the method's own name is used.
local function argerror(narg, extramsg, depth)
	depth = depth or 0
	local ar = getinfo(2 + depth, infoOptions)
	local name, namewhat = ar and ar.name, ar and ar.namewhat
	if not name and ar and methodNames[ar.func] then
		local tail = ar.istailcall
		if not tailKnown then
			local above = getinfo(3 + depth, "S")
			tail = above ~= nil and above.what == "tail"
		end
		if tail then
			name, namewhat = methodNames[ar.func], "method"
		end
	end
	if namewhat == "method" then
		narg = narg - 1
		if narg == 0 then
			error(format("calling '%s' on bad self (%s)", name, extramsg), 3 + depth)
		end
	end
	error(format("bad argument #%d to '%s' (%s)", narg, name or "?", extramsg), 3 + depth)
end

local function typeerror(narg, expected, value, depth)
	argerror(narg, format("%s expected, got %s", expected, type(value)), (depth or 0) + 1)
end

local function checkclass(self, class)
	local h = handleOf[self]
	if h and (class == "tcp{any}" or N.class(h) == class) then
		return h
	end
	argerror(1, class .. " expected", 1)
end

-- `depth` (default 0) counts the helper frames between the API function and these checks.
local function checkstring(v, narg, depth)
	local t = type(v)
	if t == "string" then
		return v
	elseif t == "number" then
		return tostring(v)
	end
	typeerror(narg, "string", v, (depth or 0) + 1)
end

local function checknumber(v, narg, depth)
	local n = tonumber(v)
	if n == nil or (type(v) ~= "number" and type(v) ~= "string") then
		typeerror(narg, "number", v, (depth or 0) + 1)
	end
	return n
end

-- An optional argument: the default for nil, else what `check` makes of it (one helper frame deeper).
local function optional(check)
	return function(v, narg, default)
		if v == nil then
			return default
		end
		local value = check(v, narg, 1)
		return value
	end
end
local optstring, optnumber = optional(checkstring), optional(checknumber)

local function wrap(h)
	local object = N.newobject(metatables[N.class(h)], h)
	handleOf[object] = h
	return object
end

-- Gives the object its (possibly new) class and passes the native's results through unchanged.
local function retag(self, h, ...)
	N.setmeta(self, metatables[N.class(h)])
	return ...
end

local tcp = {}

function tcp.connect(self, address, port)
	local h = checkclass(self, "tcp{any}")
	address = checkstring(address, 2)
	port = checknumber(port, 3)
	return retag(self, h, N.connect(h, address, port))
end
tcp.setpeername = tcp.connect

function tcp.bind(self, address, port)
	local h = checkclass(self, "tcp{master}")
	return N.bind(h, checkstring(address, 2), optnumber(port, 3, 0))
end
tcp.setsockname = tcp.bind

function tcp.listen(self, backlog)
	local h = checkclass(self, "tcp{master}")
	return retag(self, h, N.listen(h, optnumber(backlog, 2, 32)))
end

function tcp.accept(self)
	local h = checkclass(self, "tcp{server}")
	local accepted, err = N.accept(h)
	if accepted then
		return wrap(accepted)
	end
	return nil, err
end

function tcp.send(self, data, i, j)
	local h = checkclass(self, "tcp{client}")
	return N.send(h, checkstring(data, 2), optnumber(i, 3, 1), optnumber(j, 4, -1))
end

function tcp.receive(self, pattern, prefix)
	local h = checkclass(self, "tcp{client}")
	prefix = optstring(prefix, 3, "")
	local count = type(pattern) == "number" and pattern or (type(pattern) == "string" and tonumber(pattern))
	if count then
		return N.receive(h, "n", prefix, count)
	end
	pattern = optstring(pattern, 2, "*l")
	local kind = sub(pattern, 1, 2)
	if kind == "*l" then
		return N.receive(h, "l", prefix, 0)
	elseif kind == "*a" then
		return N.receive(h, "a", prefix, 0)
	end
	argerror(2, "invalid receive pattern")
end

local shutdownModes = { receive = true, send = true, both = true }
function tcp.shutdown(self, how)
	local h = checkclass(self, "tcp{client}")
	how = optstring(how, 2, "both")
	if not shutdownModes[how] then
		argerror(2, format("invalid option '%s'", how))
	end
	return N.shutdown(h, how)
end

function tcp.settimeout(self, value, mode)
	local h = checkclass(self, "tcp{any}")
	value = optnumber(value, 2, -1)
	mode = optstring(mode, 3, "b")
	local m = sub(mode, 1, 1)
	if m ~= "b" and m ~= "r" and m ~= "t" then
		argerror(3, "invalid timeout mode")
	end
	return N.settimeout(h, value, m)
end

function tcp.setstats(self, received, sent, age)
	local h = checkclass(self, "tcp{client}")
	return N.setstats(h, optnumber(received, 2, nil), optnumber(sent, 3, nil), optnumber(age, 4, nil))
end

function tcp.setfd(self, fd)
	checkclass(self, "tcp{any}")
	checknumber(fd, 2)
end

-- Methods that only check the object's class and hand its handle to the native of the same name.
for name, class in pairs({
	close = "tcp{any}", getpeername = "tcp{client}", getsockname = "tcp{any}", getstats = "tcp{client}",
	dirty = "tcp{any}", getfd = "tcp{any}",
}) do
	local native = N[name]
	tcp[name] = function(self)
		return native(checkclass(self, class))
	end
end

local booleanOptions = { keepalive = true, reuseaddr = true, ["tcp-nodelay"] = true }
function tcp.setoption(self, name, value)
	local h = checkclass(self, "tcp{any}")
	name = checkstring(name, 2)
	if name == "linger" then
		if type(value) ~= "table" then
			typeerror(3, "table", value)
		end
		if type(value.on) ~= "boolean" then
			argerror(3, "boolean 'on' field expected")
		end
		if type(value.timeout) ~= "number" then
			argerror(3, "number 'timeout' field expected")
		end
		return N.setoption(h, name, value.on, value.timeout)
	elseif booleanOptions[name] then
		if type(value) ~= "boolean" then
			typeerror(3, "boolean", value)
		end
		return N.setoption(h, name, value, 0)
	end
	argerror(2, format("unsupported option `%.35s'", name))
end

local function tostringObject(self)
	local h = handleOf[self]
	return N.class(h) .. ": " .. format("0x%08x", 0x08000000 + h * 0x40)
end

for name, f in pairs(tcp) do
	if name ~= "setpeername" and name ~= "setsockname" then
		methodNames[f] = name
	end
end

for _, class in ipairs({ "tcp{master}", "tcp{client}", "tcp{server}" }) do
	local index = { class = class }
	for name, f in pairs(tcp) do
		index[name] = f
	end
	metatables[class] = { __index = index, __gc = N.gcclose, __tostring = tostringObject }
end

local socket = { _VERSION = "LuaSocket 2.0.2", BLOCKSIZE = 2048, dns = {} }

function socket.tcp()
	return wrap(N.tcp())
end

function socket.udp()
	return nil, "udp is not emulated by BarHarness"
end

-- socket.select collects array entries until the first nil, skips closed and foreign objects,
-- and answers tables keyed both by position and by socket.
local objectOfHandle = setmetatable({}, { __mode = "v" })
local function collect(t, narg)
	local handles = {}
	if t == nil then
		return handles
	end
	if type(t) ~= "table" then
		typeerror(narg, "table", t, 1)
	end
	local i = 1
	while t[i] ~= nil do
		local h = handleOf[t[i]]
		if h then
			handles[#handles + 1] = h
			objectOfHandle[h] = t[i]
		end
		i = i + 1
	end
	return handles
end

local function byPositionAndSocket(handles)
	local t = {}
	for i, h in ipairs(handles) do
		local object = objectOfHandle[h]
		t[i] = object
		t[object] = i
	end
	return t
end

function socket.select(recvt, sendt, timeout)
	local rh, sh = collect(recvt, 1), collect(sendt, 2)
	timeout = optnumber(timeout, 3, -1)
	local readable, writable = N.select(rh, sh, timeout)
	local rt, wt = byPositionAndSocket(readable), byPositionAndSocket(writable)
	if #readable == 0 and #writable == 0 then
		return rt, wt, "timeout"
	end
	return rt, wt
end

function socket.gettime()
	return N.gettime()
end

function socket.sleep(seconds)
	N.sleep(checknumber(seconds, 1))
end

local function resolved(name, address)
	return { name = name, alias = {}, ip = { address } }
end

-- A failed lookup answers nil and the message N.toip gave in place of the name.
function socket.dns.toip(host)
	local address, name = N.toip(checkstring(host, 1))
	return address, address and resolved(name, address) or name
end

function socket.dns.tohostname(address)
	local ip, name = N.toip(checkstring(address, 1))
	return ip and name, ip and resolved(name, ip) or name
end

function socket.dns.gethostname()
	return N.gethostname()
end

-- socket.lua helpers (2.0.2): note that socket.connect connects with the default, blocking timeout.
function socket.connect(address, port, laddress, lport)
	local sock, err = socket.tcp()
	if not sock then
		return nil, err
	end
	if laddress then
		local res, berr = sock:bind(laddress, lport, -1)
		if not res then
			return nil, berr
		end
	end
	local res, cerr = sock:connect(address, port)
	if not res then
		return nil, cerr
	end
	return sock
end

function socket.bind(host, port, backlog)
	local sock, err = socket.tcp()
	if not sock then
		return nil, err
	end
	sock:setoption("reuseaddr", true)
	local res, berr = sock:bind(host, port)
	if not res then
		return nil, berr
	end
	res, berr = sock:listen(backlog)
	if not res then
		return nil, berr
	end
	return sock
end

function socket.newtry(finalizer)
	return function(...)
		if not (...) then
			if finalizer then
				pcall(finalizer)
			end
			error((select(2, ...)), 0)
		end
		return ...
	end
end

socket.try = socket.newtry()

function socket.protect(f)
	return function(...)
		local results = { n = 0 }
		local function pack(ok, ...)
			results.n = select("#", ...)
			results.ok = ok
			for i = 1, results.n do
				results[i] = (select(i, ...))
			end
		end
		pack(pcall(f, ...))
		if not results.ok then
			return nil, results[1]
		end
		return (table.unpack or unpack)(results, 1, results.n)
	end
end

function socket.skip(d, ...)
	return select(d + 1, ...)
end

function socket.choose(table)
	return function(name, opt1, opt2)
		if type(name) ~= "string" then
			name, opt1, opt2 = "default", name, opt1
		end
		local f = table[name or "nil"]
		if not f then
			error("unknown key (" .. tostring(name) .. ")", 3)
		end
		return f(opt1, opt2)
	end
end

H.System.socket = socket
