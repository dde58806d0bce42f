-- Tiny test widget: a connected client whose peer resets; prints what receive and send say.
function widget:GetInfo()
	return { name = "reset probe", layer = 0, enabled = true }
end

local client
local connected = false

function widget:Initialize()
	client = socket.tcp()
	client:settimeout(0)
	client:connect("127.0.0.1", 8765)
end

function widget:GameFrame(n)
	if not connected then
		connected = client:connect("127.0.0.1", 8765) == 1
		return
	end
	local line, err, partial = client:receive("*l")
	print("receive", tostring(line), tostring(err), tostring(partial))
	local last, serr = client:send("ping\n")
	print("send", tostring(last), tostring(serr))
end
