-- Helpers every probe may use (loaded after the driver has defined probe.emit/wait/peer).
function probe.between(value, low, high)
	if type(value) == "number" and value >= low and value <= high then
		return "<in range>"
	end
	return value
end

function probe.same(value, expected)
	if value == expected then
		return "<as expected>"
	end
	return value
end

function probe.kind(value)
	return type(value)
end

-- A non-blocking client connected to a fresh listening peer that has not accepted yet. The second
-- connect call's results are emitted under `label` when one is given.
function probe.connect_to_peer(label)
	local port = tonumber(probe.peer("listen"))
	local c = socket.tcp()
	c:settimeout(0)
	c:connect("127.0.0.1", port)
	probe.wait(50)
	if label then
		probe.emit(label, c:connect("127.0.0.1", port))
	else
		c:connect("127.0.0.1", port)
	end
	return c
end
