-- livedata/commands.lua: the /livedata console command. Prints state and counters, connects
-- and disconnects, and changes the settings a player changes in game (through the widget's
-- setConfig, so a typed value is validated like a stored one).
--
-- `shared` is the widget's: cfg (settings), clock (seconds), msgsPerSecond.
-- Usage: local commands = Commands.new({ shared = s, say = f, setConfig = g, connect = h,
--        disconnect = i, exporter = x, conn = c, tracker = t, queue = q, budget = b })
--        widgetHandler:AddAction("livedata", commands.onCommand, nil, "t")

local sformat = string.format
local sgmatch = string.gmatch
local slower = string.lower

local C = {}

local HELP = {
	"/livedata status                 connection state, target, queue, rate",
	"/livedata connect                connect now (resets backoff and circuit breaker)",
	"/livedata disconnect             close the connection and stay offline",
	"/livedata host <IPv4>            server address (default 127.0.0.1)",
	"/livedata port <1-65535>         server port (default 8765)",
	"/livedata rate <1-30>            exports per second (default 30)",
	"/livedata detail <minimal|standard|comprehensive>",
	"/livedata framing <newline|length>",
	"/livedata stats                  counters: messages, bytes, drops, timings",
	"/livedata help                   this text",
}

local STATUS_FORMAT = "%s %s:%d%s | detail %s | every %d frame(s) | units %d/%d | queue %d (%d B) | %.1f msg/s"
local SENT_FORMAT = "sent %d msgs / %d B, discarded %d B from server, %d partial sends, %d connects, %d failures"
local DROPPED_FORMAT = "dropped %d: snapshot %d, delta %d, status %d, heartbeat %d " ..
	"(oldest %d, new %d, priority %d, purged %d, disconnect %d)"
local TIMING_FORMAT = "frame %.3f ms avg, %.3f ms max (budget %.2f), level %d, sample window %d frames, " ..
	"%.4f ms/unit"

local SETTABLE = { host = true, port = true, rate = true, detail = true, framing = true }

-- A console command is rare: the components are read from `deps` where they are used.
function C.new(deps)
	local shared = deps.shared
	local say = deps.say

	local function printStatus()
		local cfg = shared.cfg
		local conn, exporter, tracker, queue = deps.conn, deps.exporter, deps.tracker, deps.queue
		local retry = conn:retryIn(shared.clock)
		say(sformat(STATUS_FORMAT,
			conn.state, cfg.host, cfg.port,
			retry and sformat(" (retry in %.1f s)", retry) or "",
			exporter.detailName(), exporter.exportInterval(), tracker.exportedCount(), tracker.count(),
			queue:count(), queue:byteCount(), shared.msgsPerSecond))
		if conn.lastError then
			say("last error: " .. tostring(conn.lastError))
		end
	end

	local function printStats()
		local st = deps.exporter.statusTable()
		say(sformat(SENT_FORMAT,
			st.messages_sent, st.bytes_sent, st.bytes_discarded, st.partial_sends, st.connects, st.failures))
		local k = st.dropped_by_kind
		local by = st.dropped_by_strategy
		say(sformat(DROPPED_FORMAT,
			st.dropped_total, k.snapshot, k.delta, k.status, k.heartbeat,
			by["drop-oldest"], by["drop-new"], by["priority"], by.purge, by.clear))
		say(sformat(TIMING_FORMAT,
			st.frame_ms_avg, st.frame_ms_max, st.budget_ms, st.level, st.sample_window, deps.budget.costPerUnitMs))
	end

	local function setFromCommand(key, value)
		local cfg = shared.cfg
		if value == nil then
			say("usage: /livedata " .. key .. " <value>  (current: " .. tostring(cfg[key]) .. ")")
			return
		end
		local ok, warnings = deps.setConfig({ [key] = value })
		for i = 1, #warnings do say(warnings[i]) end
		if ok then
			say(key .. " = " .. tostring(shared.cfg[key]))
		end
	end

	local function splitWords(line)
		local words = {}
		for w in sgmatch(line or "", "%S+") do
			words[#words + 1] = w
		end
		return words
	end

	local self = {}

	--- The action handler: ("livedata", "rate 10", {"rate", "10"}, ...). Returns true (handled).
	function self.onCommand(_, optLine, optWords)
		local words = type(optWords) == "table" and optWords or splitWords(optLine)
		local sub = words[1] and slower(words[1]) or "status"
		if sub == "status" then
			printStatus()
		elseif sub == "connect" then
			deps.connect()
			say("connecting to " .. shared.cfg.host .. ":" .. shared.cfg.port)
		elseif sub == "disconnect" then
			deps.disconnect()
		elseif SETTABLE[sub] then
			setFromCommand(sub, words[2])
		elseif sub == "stats" then
			printStats()
		elseif sub == "help" then
			for i = 1, #HELP do say(HELP[i]) end
		else
			say("unknown subcommand '" .. tostring(words[1]) .. "'; /livedata help")
		end
		return true
	end

	return self
end

return C
