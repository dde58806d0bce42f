-- The System table: what every widget environment falls back to (__index), as in BAR's widget handler.
-- LuaUI opens base, io, os, math, table, string, debug (no package library, so no require) and removes
-- io.popen, os.exit, os.execute, os.tmpname, os.getenv. Engine rooms add Spring, Game, gl, socket...
local H = ...
local System = {}

io.popen, os.exit, os.execute, os.tmpname, os.getenv = nil, nil, nil, nil, nil
if not H.printPatched then
	local select, tostring, concat, write = select, tostring, table.concat, H.print
	print = function(...)
		local parts = {}
		for i = 1, select("#", ...) do
			parts[i] = tostring((select(i, ...)))
		end
		write(concat(parts, "\t"))
	end
end

local names = {
	"assert", "collectgarbage", "error", "gcinfo", "getfenv", "getmetatable", "ipairs", "load", "loadstring",
	"next", "pairs", "pcall", "print", "rawequal", "rawget", "rawset", "select", "setfenv", "setmetatable",
	"tonumber", "tostring", "type", "unpack", "xpcall", "_VERSION",
	"coroutine", "debug", "io", "math", "os", "string", "table",
}
for _, name in ipairs(names) do
	System[name] = _G[name]
end
System._G = System

-- LuaUI's real globals hold what the engine registers (Spring, Game, gl, socket, UnitDefs ...), and
-- System is built from them, so `getfenv(0)` and `_G` in LuaUI code find them: every new top-level
-- entry of System lands in the thread's globals too.
local G, rawset = _G, rawset
setmetatable(System, {
	__newindex = function(t, k, v)
		rawset(t, k, v)
		rawset(G, k, v)
	end,
})
H.System = System
