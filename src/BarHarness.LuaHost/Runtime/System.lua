-- The System table: what every widget environment falls back to (__index), as in BAR's widget handler.
-- LuaUI opens base, io, os, math, table, string, debug (no package library, so no require) and removes
-- io.popen, os.exit, os.execute, os.tmpname, os.getenv. Engine rooms add Spring, Game, gl, socket...
local H = ...
local System = {}

io.popen, os.exit, os.execute, os.tmpname, os.getenv = nil, nil, nil, nil, nil
if not H.printPatched then
	print = function(...)
		local parts = {}
		for i = 1, select("#", ...) do
			parts[i] = tostring((select(i, ...)))
		end
		H.print(table.concat(parts, "\t"))
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
H.System = System
