-- The retained-object census: what each widget keeps alive, grouped by the root that holds it: a field
-- of the widget table (`widgetName.field`), an upvalue of one of its functions (`name (upvalue of
-- file:line callIn)`), a WG entry the widgets added (`WG.key`); small namespace tables are split into
-- their fields (`tracker.units (upvalue of ...)`). Each object is
-- counted once, under the first root (in path order) that reaches it. Engine-owned values (everything
-- directly under System, UnitDefs entries and the like) and the handler's own tables are not counted.
-- Sizes are estimates from Lua's object layouts on 64-bit builds, without capacity slack: a lower bound.
-- Runs once per Lua state with the harness's internal table as `...`.
local H = ...
local System = H.System
local type, pairs, next, tostring, getmetatable = type, pairs, next, tostring, getmetatable
local getupvalue, getinfo = debug.getupvalue, debug.getinfo
local sort, concat = table.sort, table.concat
local huge = math.huge

-- The types the census follows and counts: collectable objects (numbers, booleans and nil are held inline).
local REFERENCE = { table = true, ["function"] = true, string = true, userdata = true }

-- Object layouts (bytes), per VM: table header, array slot, hash node, string header, closure header,
-- upvalue slot and object, userdata header.
local lua51 = H.lua51
local SIZE = {
	table = lua51 and 64 or 56,
	slot = 16,
	node = lua51 and 40 or 32,
	string = 25,
	closure = lua51 and 40 or 32,
	upvalue = lua51 and 48 or 48,
	userdata = 40,
}

-- Values the census never walks into: the engine's tables (System and one level below it, so UnitDefs
-- entries are the engine's, not the widget's) and the handler's tables.
local function stopSet()
	local stop = {}
	for _, v in pairs(System) do
		if type(v) == "table" then
			stop[v] = true
			for _, w in pairs(v) do
				if type(w) == "table" or type(w) == "function" then
					stop[w] = true
				end
			end
		elseif type(v) == "function" then
			stop[v] = true
		end
	end
	stop[System] = true
	stop[H] = true
	stop[H.WG] = true
	for _, w in pairs(H.widgets) do
		stop[w] = true -- a widget table is split into its fields, each its own root
	end
	return stop
end

-- A small table of named fields (a module, a state record, a WG API) is a namespace: each field becomes
-- its own root, two levels down, so the census says `WG.api.tracker` rather than `WG.api`. A table with
-- many entries, or keys that are not names, is data and stays one root.
local NAMESPACE_MAX_FIELDS, NAMESPACE_DEPTH = 48, 2
local namespaces = {}

local function isNamespace(t)
	local fields = 0
	for k in next, t do
		fields = fields + 1
		if type(k) ~= "string" or fields > NAMESPACE_MAX_FIELDS then
			return false
		end
	end
	return fields > 0
end

local function addRoot(paths, values, path, value, depth, suffix)
	local t = type(value)
	if t == "table" and (depth or 0) < NAMESPACE_DEPTH and not namespaces[value] and isNamespace(value) then
		namespaces[value] = true
		for k, v in next, value do
			addRoot(paths, values, path .. "." .. k, v, (depth or 0) + 1, suffix)
		end
	elseif REFERENCE[t] then
		local full = suffix and (path .. suffix) or path
		paths[#paths + 1] = full
		values[full] = value
	end
end

-- The handler's own functions (widget.include, the widgetHandler proxy...) hold the handler's state.
local function isHarnessCode(info)
	return info.what ~= "Lua" or info.source:sub(1, 12) == "=(barharness"
end

local function addUpvalues(paths, values, f, owner)
	local info = getinfo(f, "S")
	if isHarnessCode(info) then
		return
	end
	local chunk = info.source:gsub("^[@=]", "")
	local where = " (upvalue of " .. chunk .. ":" .. info.linedefined .. " " .. owner .. ")"
	for i = 1, huge do
		local name, value = getupvalue(f, i)
		if name == nil then
			return
		end
		if name ~= "_ENV" then
			addRoot(paths, values, name, value, 0, where)
		end
	end
end

local function roots()
	namespaces = {}
	local paths, values = {}, {}
	local builtinWG = H.barWG or {}
	for name, widget in pairs(H.widgets) do
		for k, v in pairs(widget) do
			if type(v) == "function" then
				addUpvalues(paths, values, v, tostring(k))
			elseif k ~= "WG" and k ~= "widget" and k ~= "widgetHandler" and k ~= "whInfo" then
				addRoot(paths, values, name .. "." .. tostring(k), v)
			end
		end
	end
	for k, v in pairs(H.WG) do
		if builtinWG[k] == nil then
			addRoot(paths, values, "WG." .. tostring(k), v)
		end
	end
	sort(paths)
	return paths, values
end

-- Walks one root iteratively (no recursion limit), adding what it reaches that no earlier root did.
local function walk(value, seen, stop)
	local bytes, objects, pending, n = 0, 0, { value }, 1
	while n > 0 do
		local v = pending[n]
		pending[n] = nil
		n = n - 1
		if not seen[v] and not stop[v] then
			seen[v] = true
			objects = objects + 1
			local t = type(v)
			if t == "string" then
				bytes = bytes + SIZE.string + #v
			elseif t == "table" then
				local entries, array = 0, #v
				for k, x in next, v do
					entries = entries + 1
					if REFERENCE[type(k)] then
						n = n + 1
						pending[n] = k
					end
					if REFERENCE[type(x)] then
						n = n + 1
						pending[n] = x
					end
				end
				bytes = bytes + SIZE.table + array * SIZE.slot + (entries - array) * SIZE.node
				local mt = getmetatable(v)
				if type(mt) == "table" then
					n = n + 1
					pending[n] = mt
				end
			elseif t == "function" then
				bytes = bytes + SIZE.closure
				if not isHarnessCode(getinfo(v, "S")) then
					for i = 1, huge do
						local name, x = getupvalue(v, i)
						if name == nil then
							break
						end
						bytes = bytes + SIZE.upvalue
						if name ~= "_ENV" and REFERENCE[type(x)] then
							n = n + 1
							pending[n] = x
						end
					end
				end
			elseif t == "userdata" then
				bytes = bytes + SIZE.userdata
			end
		end
	end
	return bytes, objects
end

local function describe(value)
	local t = type(value)
	if t == "table" then
		local entries = 0
		for _ in next, value do
			entries = entries + 1
		end
		return "table (" .. entries .. " entries)"
	elseif t == "string" then
		return "string (" .. #value .. " bytes)"
	end
	return t
end

-- Returns an array of { path, bytes, objects, description }, in path order.
function H.retainedCensus()
	local paths, values = roots()
	local seen, stop = {}, stopSet()
	for t in next, namespaces do
		stop[t] = true -- split into its fields above; walking into it again would count them twice
	end
	local result = {}
	for i = 1, #paths do
		local path = paths[i]
		local value = values[path]
		local bytes, objects = walk(value, seen, stop)
		if objects > 0 then
			result[#result + 1] = { path, bytes, objects, describe(value) }
		end
	end
	return result
end

-- A one-line form for tests and the CLI: "path\tbytes\tobjects\tdescription" per root.
function H.retainedCensusText()
	local lines = {}
	local census = H.retainedCensus()
	for i = 1, #census do
		local c = census[i]
		lines[i] = c[1] .. "\t" .. c[2] .. "\t" .. c[3] .. "\t" .. c[4]
	end
	return concat(lines, "\n")
end
