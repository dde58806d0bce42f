-- livedata/connection.lua: non-blocking TCP client with a state machine, written against
-- LuaSocket 2.0.2 as Recoil embeds it (the global `socket`, passed in).
--
-- States: DISCONNECTED (idle, by user choice), CONNECTING (a connect is pending),
-- CONNECTED, RECONNECTING (waiting out a backoff delay), FAILED (circuit breaker open, or
-- the engine denied the address; waits for the cooldown or the user).
--
-- Nothing here ever blocks: settimeout(0) before connect, select with timeout 0, no sleep.
-- Time comes from the owner (`now`, seconds on a clock that also runs while the game is
-- paused).

local C = {}
C.__index = C

C.DISCONNECTED = "DISCONNECTED"
C.CONNECTING = "CONNECTING"
C.CONNECTED = "CONNECTED"
C.RECONNECTING = "RECONNECTING"
C.FAILED = "FAILED"

local RECV_CHUNK = 4096

--- opts: socket (LuaSocket table), backoff (Backoff instance), queue (SendQueue),
--- protocol, onState(old, new, reason), onConnected(), log(level, msg).
function C.new(opts)
	local c = setmetatable({}, C)
	c.socketLib = opts.socket
	c.backoff = opts.backoff
	c.queue = opts.queue
	c.protocol = opts.protocol
	c.onState = opts.onState or function() end
	c.onConnected = opts.onConnected or function() end
	c.state = C.DISCONNECTED
	c.host, c.port = "127.0.0.1", 8765
	c.connectTimeout = 5
	c.stallTimeout = 30
	c.framing = "newline"
	c.sock = nil
	c.nextAttemptAt = 0
	c.attemptStartedAt = 0
	c.lastProgressAt = 0
	c.lastError = nil
	c.seq = -1 -- the first message carries seq 0
	-- the message on the wire: the string being sent, the one after it, next byte
	c.wire, c.wireNext, c.wirePos = nil, nil, 1
	-- statistics
	c.stats = {
		connects = 0, failures = 0, disconnects = 0, messagesSent = 0, bytesSent = 0,
		bytesDiscarded = 0, partialSends = 0, cutMessages = 0, lastSeq = nil,
	}
	return c
end

function C:configure(host, port, framing, connectTimeout, stallTimeout)
	self.host = host or self.host
	self.port = port or self.port
	self.framing = framing or self.framing
	self.connectTimeout = connectTimeout or self.connectTimeout
	self.stallTimeout = stallTimeout or self.stallTimeout
end

local function setState(self, new, reason)
	local old = self.state
	if old ~= new then
		self.state = new
		self.onState(old, new, reason)
	end
end

local function closeSocket(self)
	local sock = self.sock
	self.sock = nil
	if sock then
		pcall(sock.close, sock)
	end
end

-- Forget the message on the wire; if part of it went out, it is lost with the connection.
-- Queued messages are dropped too: a new connection starts with hello and snapshot.
local function abandonWire(self, reason)
	if self.wire then
		self.stats.cutMessages = self.stats.cutMessages + 1
		self.queue:addDropped(1, reason)
	end
	self.wire, self.wireNext, self.wirePos = nil, nil, 1
	self.queue:clear(reason)
end

local function scheduleRetry(self, now, reason)
	self.stats.failures = self.stats.failures + 1
	local delay, open = self.backoff:failure()
	self.nextAttemptAt = now + delay
	self.retryDelay = delay
	self.lastError = reason
	if open then
		setState(self, C.FAILED, reason)
	else
		setState(self, C.RECONNECTING, reason)
	end
end

local function connected(self, now)
	self.backoff:success()
	self.stats.connects = self.stats.connects + 1
	self.lastProgressAt = now
	self.lastError = nil
	if self.sock.setoption then
		pcall(self.sock.setoption, self.sock, "tcp-nodelay", true)
	end
	setState(self, C.CONNECTED, "connected")
	self.onConnected()
end

-- Starts one attempt. LuaSocket 2.0.2: the first non-blocking connect answers
-- nil, "timeout" (pending); 1 means connected at once.
local function startAttempt(self, now)
	closeSocket(self)
	local lib = self.socketLib
	if type(lib) ~= "table" or type(lib.tcp) ~= "function" then
		self.lastError = "LuaSocket is not available"
		setState(self, C.FAILED, self.lastError)
		self.nextAttemptAt = math.huge
		return
	end
	local ok, sock, err = pcall(lib.tcp)
	if not ok or not sock then
		scheduleRetry(self, now, "socket.tcp failed: " .. tostring(ok and err or sock))
		return
	end
	self.sock = sock
	sock:settimeout(0)
	self.attemptStartedAt = now
	local res, cerr = sock:connect(self.host, self.port)
	if res == 1 or cerr == "already connected" then
		connected(self, now)
	elseif cerr == "timeout" or cerr == "Operation already in progress" then
		setState(self, C.CONNECTING, "connecting")
	elseif cerr == "connect denied" then
		closeSocket(self)
		self.lastError = "connect denied by the engine (TCPAllowConnect does not allow " ..
			tostring(self.host) .. ":" .. tostring(self.port) .. ")"
		self.nextAttemptAt = math.huge
		setState(self, C.FAILED, self.lastError)
	else
		closeSocket(self)
		scheduleRetry(self, now, tostring(cerr))
	end
end

--- User-requested connect: resets backoff and breaker and tries now.
function C:connect(now)
	self.backoff:reset()
	abandonWire(self, "reconnect")
	startAttempt(self, now)
end

--- User-requested disconnect (also used at shutdown).
function C:disconnect(reason)
	abandonWire(self, "disconnect")
	closeSocket(self)
	self.stats.disconnects = self.stats.disconnects + 1
	setState(self, C.DISCONNECTED, reason or "disconnected")
end

function C:isConnected()
	return self.state == C.CONNECTED
end

local function lost(self, now, reason)
	abandonWire(self, "disconnect")
	closeSocket(self)
	self.stats.disconnects = self.stats.disconnects + 1
	scheduleRetry(self, now, reason)
end

local function checkPendingConnect(self, now)
	local sock = self.sock
	local lib = self.socketLib
	local writable = false
	if lib.select then
		local ok, _, w = pcall(lib.select, nil, { sock }, 0)
		writable = ok and type(w) == "table" and (w[sock] ~= nil or w[1] ~= nil)
	end
	if writable then
		-- Writable means the attempt finished; a second connect tells how.
		local res, err = sock:connect(self.host, self.port)
		if res == 1 or err == "already connected" then
			connected(self, now)
			return
		elseif err ~= "Operation already in progress" and err ~= "timeout" then
			closeSocket(self)
			scheduleRetry(self, now, tostring(err))
			return
		end
	end
	if now - self.attemptStartedAt >= self.connectTimeout then
		closeSocket(self)
		scheduleRetry(self, now, "connect timed out")
	end
end

-- Reads and discards whatever the server sent, at most `budget` bytes.
local function drain(self, now, budget)
	local sock = self.sock
	local read = 0
	while read < budget do
		local data, err, partial = sock:receive(RECV_CHUNK)
		local got = data or partial
		local size = type(got) == "string" and #got or 0
		read = read + size
		if err == "closed" then
			self.stats.bytesDiscarded = self.stats.bytesDiscarded + read
			lost(self, now, "server closed the connection")
			return false
		end
		if not data or size == 0 then
			break -- "timeout": nothing more buffered
		end
	end
	self.stats.bytesDiscarded = self.stats.bytesDiscarded + read
	return true
end

-- A message goes out as its small head (framing prefix + header) and its body. Small
-- messages are joined into one string (one send); large ones are sent as two strings so
-- the body is never copied again (the copy would double the garbage per message).
local JOIN_BELOW = 4096

local function startMessage(self, body, dropped, reason)
	local protocol = self.protocol
	self.seq = protocol.nextSeq(self.seq)
	local head = protocol.head(protocol.header(self.seq, dropped, reason), body, self.framing)
	if #body < JOIN_BELOW then
		self.wire, self.wireNext = head .. body, nil
	else
		self.wire, self.wireNext = head, body
	end
	self.wirePos = 1
end

-- Sends from the queue, at most `budget` bytes; resumes partial sends at the next byte.
local function flush(self, now, budget)
	local queue = self.queue
	local sock = self.sock
	local stats = self.stats
	if not self.wire and queue:count() == 0 then
		self.lastProgressAt = now -- idle is not a stall
		return true
	end
	while budget > 0 do
		if not self.wire then
			local body, _, dropped, reason = queue:pop()
			if not body then
				return true
			end
			startMessage(self, body, dropped, reason)
		end
		local wire = self.wire
		local len = #wire
		local last = self.wirePos + budget - 1
		if last > len then last = len end
		local sent, err, partialLast = sock:send(wire, self.wirePos, last)
		local reached = sent or partialLast
		local progressed = false
		if type(reached) == "number" and reached >= self.wirePos then
			local n = reached - self.wirePos + 1
			stats.bytesSent = stats.bytesSent + n
			budget = budget - n
			self.wirePos = reached + 1
			self.lastProgressAt = now
			progressed = true
		end
		if self.wirePos > len then
			if self.wireNext then
				self.wire, self.wireNext, self.wirePos = self.wireNext, nil, 1
			else
				stats.messagesSent = stats.messagesSent + 1
				stats.lastSeq = self.seq
				self.wire, self.wirePos = nil, 1
			end
		elseif not sent then
			if err == "timeout" then
				stats.partialSends = stats.partialSends + 1
				return true -- socket buffer full: try again next frame
			end
			lost(self, now, "send failed: " .. tostring(err))
			return false
		elseif not progressed then
			return true -- a success that moved nothing: never spin, try next frame
		end
	end
	return true
end

--- Drives the state machine; call every frame (also while paused).
function C:update(now, sendBudget, receiveBudget)
	local state = self.state
	if state == C.RECONNECTING or state == C.FAILED then
		if now >= self.nextAttemptAt then
			startAttempt(self, now)
		end
		return
	end
	if state == C.CONNECTING then
		checkPendingConnect(self, now)
		return
	end
	if state ~= C.CONNECTED then
		return
	end
	if not drain(self, now, receiveBudget or 16384) then
		return
	end
	if not flush(self, now, sendBudget or 262144) then
		return
	end
	if (self.wire or self.queue:count() > 0) and now - self.lastProgressAt >= self.stallTimeout then
		lost(self, now, "no bytes accepted for " .. tostring(self.stallTimeout) .. " s (server not reading)")
	end
end

--- Seconds until the next automatic attempt (RECONNECTING/FAILED), else nil.
function C:retryIn(now)
	if self.state == C.RECONNECTING or self.state == C.FAILED then
		if self.nextAttemptAt == math.huge then return nil end
		local d = self.nextAttemptAt - now
		return d > 0 and d or 0
	end
	return nil
end

--- True if a message is on the wire or queued.
function C:busy()
	return self.wire ~= nil or self.queue:count() > 0
end

return C
