-- Tiny test widget: keeps sending a large message to a peer that stops reading, resuming at
-- lastIndex + 1 as LuaSocket's docs ask, and prints what send returned.
function widget:GetInfo()
	return { name = "stop read probe", layer = 0, enabled = true }
end

local client
local payload = string.rep("x", 300000)
local nextIndex = 1
local connected = false

function widget:Initialize()
	client = socket.tcp()
	client:settimeout(0)
	print("connect", client:connect("127.0.0.1", 8765))
end

function widget:GameFrame(n)
	if not connected then
		local ok, err = client:connect("127.0.0.1", 8765)
		connected = ok == 1 or err == "already connected"
		return
	end
	if nextIndex > #payload then
		return
	end
	local last, err, partial = client:send(payload, nextIndex)
	if last then
		print("sent all", last)
		nextIndex = last + 1
	else
		print("send", tostring(last), err, partial, #payload)
		nextIndex = partial + 1
	end
end
