-- Send queue: bounds, overflow strategies, drop accounting, forced snapshots.
local T = require("testlib")
local Q = T.module("send_queue")

local function kinds(q)
	local out = {}
	for i = 1, q.n do out[i] = q.kind[i] end
	return table.concat(out, ",")
end

-- A queue of `capacity` messages (1000 bytes) overflowing by `strategy`, holding the given {body, kind} messages.
local function queueHolding(capacity, strategy, ...)
	local q = Q.new(capacity, 1000, strategy)
	for _, m in ipairs({ ... }) do q:push(m[1], m[2]) end
	return q
end

T.test("pop returns messages in order and tracks bytes", function()
	local q = Q.new(10, 1000)
	q:push("aaa", "hello")
	q:push("bb", "snapshot")
	T.eq(q:count(), 2); T.eq(q:byteCount(), 5)
	local body, kind = q:pop()
	T.eq(body, "aaa"); T.eq(kind, "hello")
	T.eq(q:byteCount(), 2)
	q:pop()
	T.eq(q:pop(), nil)
end)

T.test("drop-oldest drops the oldest non-hello message and counts it", function()
	local q = queueHolding(3, "drop-oldest", { "h", "hello" }, { "s", "snapshot" }, { "d1", "delta" })
	T.truthy(q:push("st", "status"))
	T.eq(kinds(q), "hello,status", "snapshot dropped, delta behind it purged")
	T.eq(q.droppedByKind.snapshot, 1)
	T.eq(q.droppedByKind.delta, 1)
	T.eq(q.droppedByStrategy["drop-oldest"], 1)
	T.eq(q.droppedByStrategy.purge, 1)
	T.truthy(q.needSnapshot, "next unit message must be a snapshot")
	T.eq(q:undeclared(), 2)
	local _, kind1, dropped1 = q:pop()
	T.eq(kind1, "hello"); T.eq(dropped1, 0, "hello came before the gap")
	local _, kind2, dropped2, reason = q:pop()
	T.eq(kind2, "status"); T.eq(dropped2, 2, "declared right after the gap"); T.eq(reason, "queue_full")
	T.eq(q:undeclared(), 0)
end)

T.test("a drop in the middle is declared by the message after it, not by older ones", function()
	local q = queueHolding(3, "priority", { "s", "snapshot" }, { "st", "status" }, { "hb", "heartbeat" })
	T.truthy(q:push("st2", "status"), "heartbeat dropped")
	local _, _, d1 = q:pop()
	local _, _, d2 = q:pop()
	local _, k3, d3 = q:pop()
	T.eq(d1, 0); T.eq(d2, 0)
	T.eq(k3, "status"); T.eq(d3, 1)
end)

T.test("a refused new message is declared by the next message pushed", function()
	local q = Q.new(1, 1000, "drop-new")
	q:push("s", "snapshot")
	T.falsy(q:push("st", "status"))
	q:pop()
	q:push("st2", "status")
	local _, _, dropped = q:pop()
	T.eq(dropped, 1)
end)

T.test("a delta is refused while a snapshot is owed; a snapshot clears the debt", function()
	local q = Q.new(2, 1000)
	q:push("d1", "delta"); q:push("d2", "delta"); q:push("d3", "delta")
	T.truthy(q.needSnapshot)
	T.falsy(q:push("d4", "delta"), "delta refused")
	T.truthy(q:push("s", "snapshot"))
	T.falsy(q.needSnapshot)
	T.truthy(q:push("d5", "delta"))
end)

T.test("drop-new refuses the new message and keeps the queue", function()
	local q = queueHolding(2, "drop-new", { "s", "snapshot" }, { "d1", "delta" })
	T.falsy(q:push("d2", "delta"))
	T.eq(kinds(q), "snapshot,delta")
	T.eq(q.droppedByStrategy["drop-new"], 1)
	T.truthy(q.needSnapshot)
	T.truthy(q:push("h", "hello"), "hello is never refused")
end)

T.test("priority drops the lowest priority first and the new one if it ranks lowest", function()
	local q = queueHolding(3, "priority", { "s", "snapshot" }, { "st", "status" }, { "d", "delta" })
	T.truthy(q:push("st2", "status"))
	T.eq(kinds(q), "snapshot,status,status", "delta went first")
	T.falsy(q:push("hb", "heartbeat"), "heartbeat ranks below everything queued")
	T.truthy(q:push("s2", "snapshot"))
	T.eq(kinds(q), "status,status,snapshot", "oldest snapshot dropped for the newer one")
	T.eq(q.droppedByStrategy.priority, 3)
end)

T.test("byte bound is enforced, but one oversized message fits an empty queue", function()
	local q = Q.new(100, 10)
	T.truthy(q:push(string.rep("x", 8), "snapshot"))
	T.truthy(q:push(string.rep("y", 8), "snapshot"))
	T.eq(q:count(), 1, "first dropped for bytes")
	T.truthy(q:byteCount() <= 10)
	local big = Q.new(100, 10)
	T.truthy(big:push(string.rep("z", 50), "snapshot"), "oversized into empty queue")
end)

T.test("clear counts every queued message and demands a snapshot", function()
	local q = Q.new(10, 1000)
	q:push("a", "delta"); q:push("b", "status")
	q:clear("disconnect")
	T.eq(q:count(), 0); T.eq(q:byteCount(), 0)
	T.eq(q.droppedByStrategy.clear, 2)
	T.truthy(q.needSnapshot)
	q:push("h", "hello")
	local _, _, n, reason = q:pop()
	T.eq(n, 2); T.eq(reason, "disconnect")
end)

T.test("counts stay consistent under a long random workload", function()
	math.randomseed(7)
	local kindsList = { "delta", "delta", "delta", "snapshot", "status", "heartbeat" }
	for _, strategy in ipairs({ "drop-oldest", "drop-new", "priority" }) do
		local q = Q.new(20, 400, strategy)
		local pushed, popped, declared = 0, 0, 0
		for _ = 1, 5000 do
			if math.random() < 0.6 then
				local kind = kindsList[math.random(#kindsList)]
				q:push(string.rep("x", math.random(1, 60)), kind)
				pushed = pushed + 1
			else
				local body, _, dropped = q:pop()
				if body then
					popped = popped + 1
					declared = declared + dropped
				end
			end
			T.truthy(q:count() <= 20, "message bound")
			T.truthy(q:byteCount() <= 400 or q:count() == 1, "byte bound")
		end
		local bytes = 0
		for i = 1, q.n do bytes = bytes + #q.body[i] end
		T.eq(q:byteCount(), bytes, strategy .. " byte accounting")
		T.eq(pushed, popped + q:count() + q.droppedTotal, strategy .. ": pushed = popped + queued + dropped")
		T.eq(declared + q:undeclared(), q.droppedTotal, strategy .. ": every drop declared exactly once")
	end
end)

T.test("messages queued longer than the window are dropped, declared and force a snapshot", function()
	local q = Q.new(10, 10000)
	q:push("h", "hello", 10); q:push("d1", "delta", 10); q:push("d2", "delta", 50); q:push("d3", "delta", 120)
	T.eq(q:expire(100), 1, "the oldest delta, built before frame 100")
	T.eq(kinds(q), "hello", "the deltas behind it are purged: a snapshot must come first")
	T.eq(q.droppedByStrategy.expired, 1)
	T.eq(q.droppedByStrategy.purge, 2)
	T.truthy(q.needSnapshot)
	q:pop()
	T.truthy(not q:push("d4", "delta", 130), "a delta cannot follow the drop")
	T.truthy(q:push("s", "snapshot", 130))
	local _, kind, dropped, reason = q:pop()
	T.eq(kind, "snapshot"); T.eq(dropped, 4); T.eq(reason, "queue_full")
end)
