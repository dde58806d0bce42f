-- Runs one socket probe under real lua5.1 with Debian's LuaSocket. The peer is the test's own
-- loopback server: "@peer <command>" lines go to it on stdout, its one-line answer comes on stdin.
-- Usage: lua5.1 driver51.lua <probe dir> <probe file>
local dir, file = arg[1], arg[2]
socket = require("socket")
local line = dofile(dir .. "/transcript.lua")

probe = {}
function probe.emit(label, ...)
	io.write("T ", line(label, ...), "\n")
	io.flush()
end
function probe.wait(ms)
	socket.sleep(ms / 1000)
end
function probe.peer(command)
	io.write("@peer ", command, "\n")
	io.flush()
	return io.read("*l")
end
dofile(dir .. "/common.lua")
dofile(dir .. "/" .. file)
io.write("END\n")
