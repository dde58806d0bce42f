-- Shared by every way a socket probe runs (real lua5.1 + LuaSocket, the harness's real backend,
-- its simulated backend): turns return values into one transcript line, so all three runs print
-- with the very same code. Volatile values (addresses, ports, byte counts the kernel decides) are
-- normalised by the probes with probe.between / probe.same.
local format, tostring, type, select = string.format, tostring, type, select

local function show(v)
	local t = type(v)
	if t == "string" then
		if #v > 120 then
			return format("<string #%d>", #v)
		end
		return format("%q", v)
	elseif t == "number" then
		if v == math.floor(v) then
			return format("%d", v)
		end
		return "<float>"
	elseif t == "userdata" then
		return (tostring(v):gsub("0x%x+", "0x?"))
	elseif t == "table" then
		return "<table>"
	end
	return tostring(v)
end

return function(label, ...)
	local n = select("#", ...)
	local parts = {}
	for i = 1, n do
		parts[i] = show((select(i, ...)))
	end
	return format("%s -> %d: %s", label, n, table.concat(parts, ", "))
end
