-- tests/lua/fake_socket.lua: an in-memory stand-in for LuaSocket 2.0.2 as Recoil embeds it,
-- with the return conventions of recoil-facts.md. One FakeNet = one server endpoint.
--
--   local net = FakeNet.new(); local socket = net.lib
--   net.listening = false          -- connection refused
--   net.connectPolls = 2           -- selects before a pending connect completes
--   net.window = 100               -- bytes the "kernel" accepts before sends time out
--   net:read()                     -- server reads everything received so far
--   net:closePeer() / net:push(s)  -- server closes / sends bytes to the client

local FakeNet = {}
FakeNet.__index = FakeNet

function FakeNet.new()
	local net = setmetatable({}, FakeNet)
	net.listening = true
	net.deny = false
	net.connectPolls = 1
	net.neverCompletes = false
	net.window = math.huge     -- free space in the send buffer
	net.received = {}          -- server side: byte chunks, and CONNECT markers for new connections
	net.connections = 0
	net.blockingCalls = 0
	net.connectCalls = 0
	net.sockets = {}
	net.toClient = ""
	net.peerClosed = false
	net.lib = net:makeLib()
	return net
end

function FakeNet:makeLib()
	local net = self
	local lib = {}
	function lib.tcp()
		local s = net:newSocket()
		net.sockets[#net.sockets + 1] = s
		return s
	end
	function lib.select(r, w, timeout)
		if timeout ~= 0 then net.blockingCalls = net.blockingCalls + 1 end
		local readable, writable = {}, {}
		for _, s in ipairs(w or {}) do
			if s.state == "pending" then
				s.polls = s.polls + 1
				if not net.neverCompletes and s.polls >= net.connectPolls then
					s.state = net.listening and "ready" or "refused"
				end
			end
			if s.state == "ready" or s.state == "refused" or s.state == "connected" then
				writable[#writable + 1] = s
				writable[s] = true
			end
		end
		return readable, writable
	end
	function lib.sleep() net.blockingCalls = net.blockingCalls + 1 end
	function lib.gettime() return os.time() end
	return lib
end

local Sock = {}
Sock.__index = Sock

function FakeNet:newSocket()
	return setmetatable({ net = self, state = "new", polls = 0, timeout = nil }, Sock)
end

function Sock:settimeout(t)
	self.timeout = t
	return 1
end

local function blocking(self)
	if self.timeout ~= 0 then
		self.net.blockingCalls = self.net.blockingCalls + 1
	end
end

function Sock:connect(host, port)
	blocking(self)
	local net = self.net
	net.connectCalls = net.connectCalls + 1
	net.lastHost, net.lastPort = host, port
	if net.deny then
		return nil, "connect denied"
	end
	if self.state == "new" then
		self.state = "pending"
		return nil, "timeout"
	elseif self.state == "pending" then
		return nil, "Operation already in progress"
	elseif self.state == "ready" then
		self.state = "connected"
		net.connections = net.connections + 1
		net.received[#net.received + 1] = FakeNet.CONNECT
		net.peerClosed = false
		net.toClient = ""
		return 1
	elseif self.state == "connected" then
		return nil, "already connected"
	elseif self.state == "refused" then
		self.state = "new"
		return nil, "connection refused"
	end
	return nil, "closed"
end

function Sock:send(data, i, j)
	blocking(self)
	i = i or 1
	j = j or #data
	if self.state ~= "connected" then
		if self.state == "closed" then return nil, "closed", i - 1 end
		return nil, "timeout", 0
	end
	local net = self.net
	if net.peerClosed then
		return nil, "closed", i - 1
	end
	local want = j - i + 1
	local n = want
	if n > net.window then n = net.window end
	if n > 0 then
		net.received[#net.received + 1] = data:sub(i, i + n - 1)
		net.window = net.window - n
	end
	net.sendCalls = (net.sendCalls or 0) + 1
	if n < want then
		return nil, "timeout", i + n - 1
	end
	return j
end

function Sock:receive(pattern)
	blocking(self)
	local net = self.net
	if self.state ~= "connected" then return nil, "closed", "" end
	local n = tonumber(pattern) or #net.toClient
	if #net.toClient >= n and n > 0 then
		local d = net.toClient:sub(1, n)
		net.toClient = net.toClient:sub(n + 1)
		return d
	end
	local partial = net.toClient
	net.toClient = ""
	if net.peerClosed then
		return nil, "closed", partial
	end
	return nil, "timeout", partial
end

function Sock:close()
	self.state = "closed"
	return 1
end

function Sock:setoption() return 1 end

FakeNet.CONNECT = {}

--- Bytes received since the last read, as a list of strings with FakeNet.CONNECT markers
--- where a new connection began.
function FakeNet:readItems()
	local items = self.received
	self.received = {}
	return items
end

--- Bytes received since the last read, joined (markers skipped).
function FakeNet:read()
	local parts = {}
	for _, item in ipairs(self:readItems()) do
		if type(item) == "string" then parts[#parts + 1] = item end
	end
	return table.concat(parts)
end

function FakeNet:closePeer()
	self.peerClosed = true
end

function FakeNet:push(bytes)
	self.toClient = self.toClient .. bytes
end

return FakeNet
