-- livedata/commands.lua and livedata/indicator.lua on their own, over stand-in parts.
local T = require("testlib")
local Commands = T.module("commands")
local Indicator = T.module("indicator")

local function fakeQueue(n)
	return { n = n, count = function(self) return self.n end, byteCount = function() return 0 end }
end

local function commandRig()
	local said, applied = {}, {}
	local shared = { cfg = { host = "127.0.0.1", port = 8765, rate = 30 }, clock = 0, msgsPerSecond = 0 }
	local commands = Commands.new({
		shared = shared,
		say = function(text) said[#said + 1] = text end,
		setConfig = function(changes)
			applied[#applied + 1] = changes
			if changes.rate == "99" then return false, { "rate must be 1-30" } end
			for k, v in pairs(changes) do shared.cfg[k] = tonumber(v) or v end
			return true, {}
		end,
		connect = function() applied[#applied + 1] = "connect" end,
		disconnect = function() applied[#applied + 1] = "disconnect" end,
		exporter = {},
		conn = {}, tracker = {}, queue = fakeQueue(0), budget = {},
	})
	return commands, said, applied, shared
end

T.test("a setting typed without a value prints its usage and the current value", function()
	local commands, said, applied = commandRig()
	T.eq(commands.onCommand("livedata", "rate", { "rate" }), true, "the command is always handled")
	T.eq(#applied, 0, "nothing changed")
	T.eq(said[1], "usage: /livedata rate <value>  (current: 30)")
end)

T.test("a setting is passed on as typed, and its new value or the warnings are printed", function()
	local commands, said, applied = commandRig()
	commands.onCommand("livedata", "RATE 10", { "RATE", "10" })
	T.eq(applied[1].rate, "10", "case-insensitive subcommand, the value as typed")
	T.eq(said[1], "rate = 10")
	commands.onCommand("livedata", "rate 99", { "rate", "99" })
	T.eq(said[2], "rate must be 1-30")
	T.eq(#said, 2, "a refused value is not echoed as set")
end)

T.test("the words are split from the line when the engine passes none", function()
	local commands, said, applied = commandRig()
	commands.onCommand("livedata", "  port   9000 ")
	T.eq(applied[1].port, "9000")
	T.eq(said[1], "port = 9000")
	commands.onCommand("livedata", "connect")
	T.eq(applied[2], "connect")
	T.eq(said[2], "connecting to 127.0.0.1:9000")
end)

T.test("an unknown subcommand points to help; help lists every subcommand", function()
	local commands, said = commandRig()
	commands.onCommand("livedata", "bogus", { "bogus" })
	T.eq(said[1], "unknown subcommand 'bogus'; /livedata help")
	commands.onCommand("livedata", "help", { "help" })
	local listed = {}
	for i = 2, #said do listed[#listed + 1] = said[i]:match("^/livedata (%a+)") end
	T.eq(table.concat(listed, " "), "status connect disconnect host port rate detail framing stats help")
end)

local function fakeGl()
	local calls = { Color = 0, Rect = 0, texts = {} }
	return calls, {
		Color = function() calls.Color = calls.Color + 1 end,
		Rect = function(x, y) calls.Rect = calls.Rect + 1; calls.x, calls.y = x, y end,
		Text = function(text) calls.texts[#calls.texts + 1] = text end,
	}
end

T.test("the indicator text is rebuilt at most twice a second, and at once on a state change", function()
	local calls, gl = fakeGl()
	local indicator = Indicator.new(gl, function() return 1000, 800 end)
	local queue = fakeQueue(1)
	indicator.update(0, "CONNECTED", queue, 5)
	queue.n = 2
	indicator.update(0.2, "CONNECTED", queue, 5)
	indicator.draw()
	T.match(calls.texts[1], "q1  5 msg/s$", "within half a second the old text stays")
	indicator.update(0.5, "CONNECTED", queue, 5)
	indicator.draw()
	T.match(calls.texts[2], "q2")
	indicator.stateChanged("FAILED")
	indicator.update(0.6, "FAILED", queue, 0)
	indicator.draw()
	T.match(calls.texts[3], "LiveData FAILED  q2  0 msg/s$")
end)

T.test("the indicator asks the view size once, then follows ViewResize", function()
	local calls, gl = fakeGl()
	local asked = 0
	local indicator = Indicator.new(gl, function() asked = asked + 1; return 1000, 800 end)
	indicator.draw()
	indicator.draw()
	T.eq(asked, 1)
	T.eq(calls.x, 750, "250 px from the right edge")
	indicator.resize(1920, 1080)
	indicator.draw()
	T.eq(asked, 1)
	T.eq(calls.x, 1670)
	T.eq(calls.y, 1040)
end)

T.test("without gl the indicator draws nothing and does not fail", function()
	local asked = 0
	local indicator = Indicator.new(nil, function() asked = asked + 1; return 1000, 800 end)
	indicator.update(0, "CONNECTED", fakeQueue(0), 0)
	indicator.draw()
	T.eq(asked, 0)
end)
