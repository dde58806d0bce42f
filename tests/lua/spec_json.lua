-- JSON primitives: valid JSON for hostile input, identical numbers on Lua 5.1 and 5.4.
local T = require("testlib")
local json = T.module("json")
local dkjson = T.json()
local okCj, cjson = pcall(require, "cjson")

local function decodes(s, what)
	T.truthy(dkjson, "dkjson is installed (apt-get install -y lua-dkjson)")
	local v, _, err = dkjson.decode(s)
	if err then T.fail((what or s) .. " is not valid JSON: " .. tostring(err)) end
	if okCj then
		local ok, cv = pcall(cjson.decode, s)
		if not ok then T.fail((what or s) .. " rejected by cjson: " .. tostring(cv)) end
	end
	return v
end

T.test("hostile strings are escaped and round-trip", function()
	local cases = {
		'plain', 'quote " inside', 'back\\slash', "new\nline", "tab\tcr\r", "\0nul", "\1\2\31\127",
		"</script>", "\226\128\168 line sep", "emoji \240\159\152\128", "", string.rep("x", 5000),
	}
	for _, s in ipairs(cases) do
		local enc = json.string(s)
		T.eq(decodes(enc, ("%q"):format(s)), s, "round trip")
		T.nomatch(enc, "[%z\1-\31]", "raw control characters in output")
	end
end)

T.test("invalid UTF-8 is replaced by U+FFFD and the result is valid", function()
	local cases = {
		["\255"] = "\239\191\189", ["a\192\175b"] = "a\239\191\189\239\191\189b",
		["\237\160\128"] = "\239\191\189\239\191\189\239\191\189", -- surrogate
		["\244\144\128\128"] = "\239\191\189\239\191\189\239\191\189\239\191\189", -- > U+10FFFF
		["ok\195"] = "ok\239\191\189", -- truncated
		["\195\169t\195\169"] = "\195\169t\195\169", -- valid stays
	}
	for input, expected in pairs(cases) do
		T.eq(json.sanitizeUtf8(input), expected, ("%q"):format(input))
		T.eq(decodes(json.string(input)), expected)
	end
end)

T.test("non-strings become strings, nil becomes null, %q is never used", function()
	T.eq(json.string(nil), "null")
	T.eq(json.string(true), '"true"')
	T.nomatch(json.string("a\nb"), "\\\n", "Lua %q style escaped newline")
end)

T.test("NaN and infinities become null; integers print without a fraction", function()
	T.eq(json.number(0 / 0), "null")
	T.eq(json.number(math.huge), "null")
	T.eq(json.number(-math.huge), "null")
	T.eq(json.int(0 / 0), "null")
	T.eq(json.fixed(math.huge, "%.1f"), "null")
	T.eq(json.number(3), "3")
	T.eq(json.number(-3), "-3")
	T.eq(json.number(0.1), "0.1")
	T.eq(json.int(2.5), "3")
	T.eq(json.int(-2.5), "-2")
	T.eq(json.number("7"), "null")
end)

T.test("huge numbers stay valid JSON", function()
	for _, v in ipairs({ 1e300, -1e300, 2 ^ 31, 2 ^ 53, -2 ^ 40, 1e-300, 3.4028235e38 }) do
		decodes(json.number(v), "number " .. tostring(v))
		decodes(json.int(v), "int " .. tostring(v))
		decodes(json.fixed(v, "%.1f"), "fixed " .. tostring(v))
	end
	T.eq(json.int(2 ^ 31), "2147483648")
end)

T.test("generic encoder: sorted keys, arrays, nesting, cycles and odd keys are safe", function()
	local t = { b = 1, a = { 1, 2, 3 }, c = { x = "y" }, [5] = "five", flag = false }
	t.self = t
	local s = json.encode(t)
	local v = decodes(s)
	T.eq(v.a[3], 3)
	T.eq(v.c.x, "y")
	T.eq(v["5"], "five")
	T.eq(v.self, nil, "cycle encoded as null")
	T.truthy(s:find('"a":') < s:find('"b":'), "keys sorted")
	T.eq(json.encode({}), "[]")
	T.eq(json.encode(function() end), "null")
end)

-- The same numbers through lua5.4: output must be byte-identical.
local NUMBER_SCRIPT = [[
local json = dofile(%q)
local P = dofile(%q)(json)
local vals = {
	0, -0, 1, -1, 3.0, 2.5, -2.5, 1234.56, 1e300, -1e300, 2^31, 2^31 - 1, 0.1, 1/3, 1e-7, 16777215, 0/0, math.huge,
}
local out = {}
for _, v in ipairs(vals) do
	out[#out + 1] = json.number(v) .. "|" .. json.int(v) .. "|" .. json.fixed(v, "%%.1f") .. "|" .. json.fixed(v, "%%.3f")
end
local u = { prefix = P.unitPrefix(12, 3, 1), x = 1234.5, y = -0.4, z = 99.49, hp = 333.5, mhp = 1000, bp = 0.4567,
	vx = 1.234, vy = 0, vz = -2.5, heading = 16384.4 }
for d = 1, 3 do out[#out + 1] = P.encodeUnit(u, d) end
u.x = 0/0
for d = 1, 3 do out[#out + 1] = P.encodeUnit(u, d) end
out[#out + 1] = P.encodeGame(901, 1, 1, false)
out[#out + 1] = P.header(16777215, 2, "queue_full")
io.write(table.concat(out, "\n"))
]]

T.test("number formatting is identical under lua5.1 and lua5.4", function()
	local script = string.format(NUMBER_SCRIPT, T.root .. "widget/livedata/json.lua",
		T.root .. "widget/livedata/protocol.lua")
	local path = os.tmpname()
	local f = assert(io.open(path, "w"))
	f:write(script)
	f:close()
	local function run(lua)
		local p = io.popen(lua .. ' "' .. path .. '" 2>&1')
		local out = p:read("*a")
		p:close()
		return out
	end
	local out51 = run("lua5.1")
	local out54 = run("lua5.4")
	os.remove(path)
	T.truthy(#out51 > 100, "lua5.1 produced output: " .. out51:sub(1, 200))
	T.truthy(#out54 > 100, "lua5.4 is installed and produced output (apt-get install -y lua5.4): " .. out54:sub(1, 200))
	T.eq(out54, out51, "5.4 output equals 5.1 output")
	for line in out51:gmatch("[^\n]+") do
		if line:sub(1, 1) == "{" and line:sub(-1) == "}" then decodes(line) end
	end
end)
