-- Connection state machine over the fake LuaSocket 2.0.2.
local T = require("testlib")
local json = T.module("json")
local P = T.module("protocol")(json)
local Q = T.module("send_queue")
local B = T.module("backoff")
local C = T.module("connection")
local FakeNet = require("fake_socket")

-- Bodies are queued with their framing tail, as the widget queues them.
local currentFraming = "newline"
local function push(queue, body, kind)
	return queue:push(body .. P.TAIL[currentFraming], kind)
end

local function setup(opts)
	opts = opts or {}
	currentFraming = opts.framing or "newline"
	local net = FakeNet.new()
	local queue = Q.new(100, 1e6)
	local states = {}
	local connectedCount = 0
	local conn = C.new({
		socket = net.lib, queue = queue, protocol = P,
		backoff = B.new({ random = function() return 0 end, threshold = opts.threshold or 5, cooldown = 60 }),
		onState = function(old, new, reason) states[#states + 1] = new end,
		onConnected = function() connectedCount = connectedCount + 1 end,
	})
	conn:configure("127.0.0.1", 8765, opts.framing or "newline", 5, 30)
	return conn, net, queue, states, function() return connectedCount end
end

-- The connection is still `state` at `stillAt`, and at `at` it has given up (RECONNECTING) with an error
-- matching `errorPattern`.
local function givesUpAt(conn, stillAt, state, at, errorPattern)
	conn:update(stillAt)
	T.eq(conn.state, state)
	conn:update(at)
	T.eq(conn.state, "RECONNECTING")
	T.match(conn.lastError, errorPattern)
end

T.test("connect is non-blocking: pending, completed when writable", function()
	local conn, net, _, states, connected = setup()
	net.connectPolls = 3
	conn:connect(0)
	T.eq(conn.state, "CONNECTING")
	conn:update(0.1); conn:update(0.2)
	T.eq(conn.state, "CONNECTING")
	conn:update(0.3)
	T.eq(conn.state, "CONNECTED")
	T.eq(connected(), 1)
	T.eq(net.blockingCalls, 0)
	T.eq(net.sockets[1].timeout, 0, "settimeout(0) before connect")
	T.eq(table.concat(states, ","), "CONNECTING,CONNECTED")
end)

T.test("refused connects back off 1, 2, 4 s and reconnect when the server returns", function()
	local conn, net = setup()
	net.listening = false
	conn:connect(0)
	conn:update(0)
	T.eq(conn.state, "RECONNECTING")
	T.eq(conn:retryIn(0), 1)
	conn:update(0.5)
	T.eq(#net.sockets, 1, "no attempt before the delay")
	conn:update(1.0); conn:update(1.0)
	T.eq(conn.state, "RECONNECTING")
	T.eq(conn:retryIn(1.0), 2)
	net.listening = true
	conn:update(3.0); conn:update(3.0)
	T.eq(conn.state, "CONNECTED")
	T.eq(conn.backoff.failures, 0, "reset on success")
end)

T.test("a connect that never completes times out", function()
	local conn, net = setup()
	net.neverCompletes = true
	conn:connect(0)
	givesUpAt(conn, 4.9, "CONNECTING", 5.0, "timed out")
end)

T.test("the circuit breaker opens after N failures; manual connect resets it", function()
	local conn, net, _, states = setup({ threshold = 3 })
	net.listening = false
	conn:connect(0)
	local now = 0
	for _ = 1, 50 do
		now = now + 0.5
		conn:update(now)
		if conn.state == "FAILED" then break end
	end
	T.eq(conn.state, "FAILED")
	T.eq(conn.backoff.failures, 3)
	T.near(conn:retryIn(now), 60, 0.01, "cooldown")
	net.listening = true
	conn:connect(now)
	conn:update(now)
	T.eq(conn.state, "CONNECTED")
end)

T.test("connect denied by the engine fails without retrying and says why", function()
	local conn, net = setup()
	net.deny = true
	conn:connect(0)
	T.eq(conn.state, "FAILED")
	T.match(conn.lastError, "TCPAllowConnect")
	T.eq(conn:retryIn(0), nil)
	conn:update(1e6)
	T.eq(#net.sockets, 1, "no automatic retry")
end)

T.test("partial sends resume at lastIndex + 1 and the stream is intact", function()
	local conn, net, queue = setup()
	conn:connect(0); conn:update(0)
	local bodies = {}
	for i = 1, 20 do
		bodies[i] = P.bodyStart("delta", i) .. ',"pad":"' .. string.rep("x", i * 7) .. '"}'
		push(queue, bodies[i], "status")
	end
	local stream = {}
	for step = 1, 400 do
		net.window = 13 -- a slow reader
		conn:update(step)
		stream[#stream + 1] = net:read()
		if not conn:busy() then break end
	end
	local all = table.concat(stream)
	local pos, n = 1, 0
	while true do
		local msg, nextPos = P.unframe(all, pos, "newline")
		if not msg then break end
		n = n + 1
		T.eq(msg, P.header(n - 1, 0) .. bodies[n], "message " .. n)
		pos = nextPos
	end
	T.eq(n, 20)
	T.truthy(conn.stats.partialSends > 0)
	T.eq(conn.stats.bytesSent, #all)
end)

T.test("peer close while sending: reconnect, the cut message and queue are declared dropped", function()
	local conn, net, queue = setup()
	conn:connect(0); conn:update(0)
	push(queue, string.rep("a", 100), "status")
	push(queue, "b", "status")
	net.window = 50
	conn:update(1)
	net:closePeer()
	conn:update(2)
	T.eq(conn.state, "RECONNECTING")
	T.eq(queue:undeclared(), 2, "cut message + queued message")
	T.eq(queue.tailReason, "disconnect")
end)

T.test("seq continues across reconnects and the first message declares the loss", function()
	local conn, net, queue = setup()
	conn:connect(0); conn:update(0)
	push(queue, P.bodyStart("heartbeat", 1) .. "}", "heartbeat")
	conn:update(0.1)
	push(queue, P.bodyStart("delta", 2) .. "}", "status")
	net.window = 0
	conn:update(0.2)
	net:closePeer()
	conn:update(0.3)
	net.window = math.huge
	conn:update(2); conn:update(2)
	T.eq(conn.state, "CONNECTED")
	push(queue, P.bodyStart("hello", 3) .. "}", "hello")
	conn:update(2.1)
	local lines = {}
	for line in net:read():gmatch("[^\n]+") do lines[#lines + 1] = line end
	local last = require("dkjson").decode(lines[#lines])
	T.eq(last.type, "hello")
	T.eq(last.seq, 2)
	T.eq(last.dropped, 1)
end)

T.test("server data is drained within the per-call budget and a closed peer is noticed", function()
	local conn, net = setup()
	conn:connect(0); conn:update(0)
	net:push(string.rep("z", 100000))
	conn:update(1, 262144, 16384)
	T.eq(#net.toClient, 100000 - 16384)
	T.eq(conn.stats.bytesDiscarded, 16384)
	net:closePeer()
	for i = 2, 7 do conn:update(i * 0.1, 262144, 16384) end
	T.eq(conn.state, "RECONNECTING")
	T.eq(conn.stats.disconnects, 1)
	T.match(conn.lastError, "closed")
end)

T.test("a server that stops reading is abandoned after the stall timeout", function()
	local conn, net, queue = setup()
	conn:connect(0); conn:update(0)
	net.window = 0
	push(queue, "x", "status")
	conn:update(1)
	givesUpAt(conn, 20, "CONNECTED", 31, "not reading")
end)

T.test("length framing on the wire", function()
	local conn, net, queue = setup({ framing = "length" })
	conn:connect(0); conn:update(0)
	push(queue, P.bodyStart("heartbeat", 1) .. "}", "heartbeat")
	conn:update(1)
	local data = net:read()
	local msg = P.unframe(data, 1, "length")
	T.eq(msg, P.header(0, 0) .. P.bodyStart("heartbeat", 1) .. "}")
end)

T.test("disconnect closes the socket and stays idle", function()
	local conn, net = setup()
	conn:connect(0); conn:update(0)
	conn:disconnect("requested")
	T.eq(conn.state, "DISCONNECTED")
	T.eq(net.sockets[1].state, "closed")
	conn:update(100)
	T.eq(#net.sockets, 1)
end)

T.test("large messages go out as head and body, resuming across the boundary", function()
	for _, framing in ipairs({ "newline", "length" }) do
		local conn, net, queue = setup({ framing = framing })
		conn:connect(0); conn:update(0)
		local bodies = {}
		for i = 1, 6 do
			bodies[i] = P.bodyStart("snapshot", i) .. ',"pad":"' .. string.rep(string.char(96 + i), 4000 + i * 777) .. '"}'
			push(queue, bodies[i], "snapshot")
		end
		local stream = {}
		for step = 1, 1000 do
			net.window = 29 + (step % 7) * 100 -- uneven slices hit the head/body boundary
			conn:update(step * 0.01)
			stream[#stream + 1] = net:read()
			if not conn:busy() then break end
		end
		local all = table.concat(stream)
		local pos = 1
		for n = 1, 6 do
			local msg, nextPos = P.unframe(all, pos, framing)
			T.eq(msg, P.header(n - 1, 0) .. bodies[n], framing .. " message " .. n)
			pos = nextPos or pos
		end
		T.eq(pos, #all + 1, framing .. ": nothing extra on the wire")
		T.eq(conn.stats.messagesSent, 6)
	end
end)

T.test("a socket that reports success without progress cannot make the widget spin", function()
	local conn, net, queue = setup()
	conn:connect(0); conn:update(0)
	local sock = net.sockets[1]
	sock.send = function(_, _, i) return i - 1 end -- "sent up to i-1": nothing
	sock.receive = function() return "" end          -- data, but empty
	push(queue, "x", "status")
	conn:update(1)
	T.eq(conn.state, "CONNECTED")
	T.eq(conn.stats.bytesSent, 0)
end)
