-- The connection module against the real LuaSocket (Debian's lua-socket) on loopback:
-- checks our reading of the non-blocking return conventions outside any fake.
local T = require("testlib")
local json = T.module("json")
local P = T.module("protocol")(json)
local Q = T.module("send_queue")
local B = T.module("backoff")
local C = T.module("connection")
local okSocket, socket = pcall(require, "socket")

local function newConn(port, queue)
	local conn = C.new({
		socket = socket, queue = queue, protocol = P,
		backoff = B.new({ random = function() return 0 end }),
	})
	conn:configure("127.0.0.1", port, "newline", 5, 30)
	return conn
end

local function freePort()
	local s = assert(socket.bind("127.0.0.1", 0))
	local _, port = s:getsockname()
	s:close()
	return tonumber(port)
end

T.test("real LuaSocket: connect, send 200 messages through a tiny reader, stream intact", function()
	T.truthy(okSocket, "lua-socket is installed (apt-get install -y lua-socket)")
	local server = assert(socket.bind("127.0.0.1", 0))
	server:settimeout(0)
	local _, port = server:getsockname()
	local queue = Q.new(1000, 1e7)
	local conn = newConn(tonumber(port), queue)
	local now = 0
	conn:connect(now)
	local peer
	for _ = 1, 2000 do
		now = now + 0.01
		conn:update(now)
		peer = peer or server:accept()
		if conn.state == "CONNECTED" and peer then break end
		socket.select(nil, nil, 0.001) -- the test may wait; the widget never does
	end
	T.eq(conn.state, "CONNECTED")
	T.truthy(peer, "server accepted")
	peer:settimeout(0)
	local bodies = {}
	for i = 1, 200 do
		bodies[i] = P.bodyStart(i == 1 and "snapshot" or "status", i) .. ',"pad":"' ..
			string.rep("p", (i * 997) % 20000) .. '"}\n'
		T.truthy(queue:push(bodies[i], i == 1 and "snapshot" or "status"))
	end
	local received = {}
	for _ = 1, 20000 do
		now = now + 0.01
		conn:update(now, 65536)
		local data, err, partial = peer:receive(7000) -- read slower than the widget writes
		received[#received + 1] = data or partial
		if not conn:busy() and not data and (partial == nil or partial == "") then break end
	end
	local all = table.concat(received)
	local pos = 1
	for i = 1, 200 do
		local msg, nextPos = P.unframe(all, pos, "newline")
		T.eq(msg, P.header(i - 1, 0) .. bodies[i]:sub(1, -2), "message " .. i)
		pos = nextPos or pos
	end
	T.eq(conn.stats.bytesSent, #all)
	peer:close()
	-- the widget notices the close (reading or writing) and goes to RECONNECTING
	for _ = 1, 200 do
		now = now + 0.01
		queue:push(P.bodyStart("status", 1) .. "}\n", "status")
		conn:update(now)
		if conn.state ~= "CONNECTED" then break end
		socket.select(nil, nil, 0.001)
	end
	T.eq(conn.state, "RECONNECTING")
	conn:disconnect()
	server:close()
end)

T.test("real LuaSocket: a closed port is refused without blocking and retried with backoff", function()
	T.truthy(okSocket, "lua-socket is installed (apt-get install -y lua-socket)")
	local conn = newConn(freePort(), Q.new(10, 1e6))
	local now = 0
	conn:connect(now)
	for _ = 1, 500 do
		now = now + 0.001
		conn:update(now)
		if conn.state == "RECONNECTING" then break end
		socket.select(nil, nil, 0.001)
	end
	T.eq(conn.state, "RECONNECTING")
	T.match(conn.lastError, "refused")
	T.near(conn:retryIn(now), 1, 1e-6, "first backoff delay")
	conn:disconnect()
end)
