-- SCHEMA.md's example stream must be valid and pass the same oracle as real streams, and
-- must match what the widget actually sends field for field.
local T = require("testlib")
local Oracle = require("stream_oracle")
local E = require("fake_engine")
local FakeNet = require("fake_socket")
local dkjson = T.json()

local function exampleLines()
	local f = assert(io.open(T.root .. "widget/SCHEMA.md"))
	local doc = f:read("*a")
	f:close()
	local section = doc:match("## 9%. Example stream.-```\n(.-)```")
	assert(section, "SCHEMA.md has no example stream in section 9")
	local lines = {}
	for line in section:gmatch("[^\n]+") do lines[#lines + 1] = line end
	return lines
end

local function keySet(t, prefix, out)
	out = out or {}
	for k, v in pairs(t) do
		if type(k) == "string" then
			out[prefix .. k] = true
			if type(v) == "table" and k ~= "unit_defs" and k ~= "units" and k ~= "created" and k ~= "updated"
				and k ~= "players" and k ~= "teams" then
				keySet(v, prefix .. k .. ".", out)
			end
		end
	end
	return out
end

T.test("the documented example stream is valid and passes the stream oracle", function()
	local lines = exampleLines()
	T.truthy(#lines >= 5, "example has several messages")
	local oracle = Oracle.new(dkjson, "newline")
	oracle:newConnection()
	oracle:feedBytes(table.concat(lines, "\n") .. "\n")
	T.eq(#oracle.errors, 0, oracle.errors[1])
	T.eq(#oracle.messages, #lines)
end)

T.test("the documented messages carry exactly the keys the widget sends", function()
	local documented = {}
	for _, line in ipairs(exampleLines()) do
		local m = dkjson.decode(line)
		documented[m.type] = keySet(m, "")
	end
	local w = E.newWorld({})
	w.staticResources = true -- otherwise team deltas never leave room for a heartbeat
	E.addUnit(w, 0, 1, 10, 10)
	local net = FakeNet.new()
	local h = E.loadWidget(w, net.lib, T.root)
	E.call(h, "SetConfigData", { statusSeconds = 3 })
	E.call(h, "Initialize")
	E.run(w, h, 3)
	w.units[w.ids[1]].x = 500
	E.run(w, h, 150)
	local seen = {}
	for line in net:read():gmatch("[^\n]+") do
		local m = dkjson.decode(line)
		if not seen[m.type] then seen[m.type] = keySet(m, "") end
	end
	for _, kind in ipairs({ "hello", "snapshot", "delta", "heartbeat", "status" }) do
		T.truthy(seen[kind], "widget sent a " .. kind)
		T.truthy(documented[kind], "SCHEMA.md shows a " .. kind)
		for key in pairs(seen[kind]) do
			T.truthy(documented[kind][key], kind .. "." .. key .. " is sent but not shown in SCHEMA.md's example")
		end
		for key in pairs(documented[kind]) do
			if key ~= "dropped" and key ~= "drop_reason" and key ~= "players" and key ~= "game"
				and not key:find("^game%.") then
				T.truthy(seen[kind][key], kind .. "." .. key .. " is documented but not sent")
			end
		end
	end
end)
