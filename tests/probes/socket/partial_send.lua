-- A peer that stops reading: send returns nil, "timeout", lastIndex once the buffers are full;
-- resuming at lastIndex+1 moves on only after the peer reads again.
local P = probe
local c = P.connect_to_peer("connect")
P.emit("peer accept", P.peer("accept"))
local big = string.rep("0123456789", 800000) -- 8 MB: more than any buffer here
local a, err, last = c:send(big)
P.emit("send big", a, err, P.between(last, 1, #big - 1))
local a2, err2, last2 = c:send(big, last + 1)
P.emit("resend while stalled", a2, err2, P.between(last2, last, #big - 1))
P.emit("peer drains", P.peer("drain") ~= "0")
P.wait(50)
local a3, err3, last3 = c:send(big, last + 1)
P.emit("resend after drain", a3, err3, P.between(last3, last + 1, #big))
P.emit("send empty range", c:send("abc", 3, 2))
P.emit("send negative indexes", c:send("", -2, -1))
