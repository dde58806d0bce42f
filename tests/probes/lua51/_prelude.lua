-- Shared by every probe (prepended by the differential test, under lua5.1 and the harness alike).
-- probe(label, f) prints "label = v1, v2, ..." with every returned value (strings quoted, tables
-- and functions by type only, since addresses differ), or "label ! message" when f raises;
-- the chunk name is cut from messages, the line number kept.
local function render(n, t)
	local parts = {}
	for i = 1, n do
		local v = t[i]
		local ty = type(v)
		if ty == "string" then
			parts[i] = "'" .. v .. "'"
		elseif ty == "table" or ty == "function" or ty == "userdata" or ty == "thread" then
			parts[i] = ty
		else
			parts[i] = tostring(v)
		end
	end
	return table.concat(parts, ", ")
end

local function pack(...)
	return select("#", ...), { ... }
end

function pack2(...)
	return select("#", ...), { ... }
end

-- f runs inside a Lua wrapper (not as pcall's direct argument): a harness native that raises from a
-- tail call would otherwise escape the pcall (see DIFFERENCES.md, "harness bugs").
function probe(label, f)
	local n, r = pack(pcall(function() return pack2(f()) end))
	if r[1] then n, r = r[2] + 1, r[3]; table.insert(r, 1, true) end
	if r[1] then
		local values = {}
		for i = 2, n do values[i - 1] = r[i] end
		print(label .. " = " .. render(n - 1, values))
	else
		local message = tostring(r[2])
		message = string.gsub(message, "^[^:]*:(%d+): ", "line %1: ")
		print(label .. " ! " .. message)
	end
end
