-- Engine glue in Lua: UnitDefs proxies, VFS.Include, the font object of gl.LoadFont, a few trivial
-- Spring functions, and the "not implemented" reporter. Runs once per VM with the harness's internal
-- table as `...`; widgets only see what lands in H.System.
local H = ...
local System = H.System
local Spring, VFS, gl = System.Spring, System.VFS, System.gl
local setmetatable, rawget, next, error, tostring, load, type = setmetatable, rawget, next, error, tostring, load, type
local getfenv = getfenv

-- UnitDefs[id] / UnitDefNames[name], FeatureDefs / FeatureDefNames: read-only proxies as in Recoil;
-- iterate a def with ud:pairs() (pairs(ud) sees an empty table, as on 5.1 where proxies have no __pairs).
local function readOnlyDefs(raws, tableName)
	local byId, byName = {}, {}
	for _, raw in ipairs(raws) do
		local id = raw.id
		local function defPairs() return next, raw, nil end
		local proxy = setmetatable({}, {
			__index = function(_, key)
				if key == "pairs" then return defPairs end
				return raw[key]
			end,
			__newindex = function(_, key)
				error("Attempt to write " .. tableName .. "[" .. id .. "]." .. tostring(key), 2)
			end,
		})
		byId[id] = proxy
		byName[raw.name] = proxy
	end
	return byId, byName
end
System.UnitDefs, System.UnitDefNames = readOnlyDefs(H.engineUnitDefs, "UnitDefs")
System.WeaponDefs, System.WeaponDefNames = System.WeaponDefs or {}, System.WeaponDefNames or {}
System.FeatureDefs, System.FeatureDefNames = readOnlyDefs(H.engineFeatureDefs or {}, "FeatureDefs")
H.engineFeatureDefs = nil
H.engineUnitDefs = nil

-- VFS.Include(file, [env]): runs a file from the VFS in env (default: the caller's environment).
local loadFile = VFS.LoadFile
function VFS.Include(path, env)
	local text = loadFile(path)
	if text == nil then
		error("VFS.Include: Couldn't open " .. tostring(path), 2)
	end
	if env == nil then
		env = getfenv and getfenv(2) or System
	end
	local chunk, err = load(text, "@" .. tostring(path), "t", env)
	if not chunk then
		error(err, 2)
	end
	return chunk()
end

-- gl.LoadFont returns a font object whose methods are counting stubs too.
local fontMethods = {}
for key, fn in pairs(H) do
	local method = type(key) == "string" and key:match("^engineFont_(.+)$")
	if method then
		fontMethods[method] = fn
	end
end
local fontMeta = { __index = fontMethods }
local loadFontStub = gl.LoadFont
gl.LoadFont = function(file, size, outlineWidth, outlineWeight)
	loadFontStub(file, size, outlineWidth, outlineWeight)
	return setmetatable({ size = size or 14, height = 1, lineheight = 1.25, descender = -0.25,
		outlinewidth = outlineWidth or 0, outlineweight = outlineWeight or 0,
		family = tostring(file), style = "Regular" }, fontMeta)
end

-- gl.CreateList(func, ...) runs func(...) at once, as Recoil does while it records the list, so the
-- function's cost and errors are the widget's. An error is logged and gives list 0, as in Recoil.
local createListStub = gl.CreateList
if createListStub then
	local pcall, echo = pcall, Spring.Echo
	gl.CreateList = function(fn, ...)
		if type(fn) ~= "function" then
			error("Incorrect arguments to gl.CreateList(func [, arg1, arg2, etc ...])", 2)
		end
		local ok, err = pcall(fn, ...)
		if not ok then
			echo("gl.CreateList: error(2) = " .. tostring(err))
			return 0
		end
		return createListStub(fn, ...)
	end
end

-- Small reads that have one fixed answer in a synthetic game.
function Spring.GetModOptions() return {} end
function Spring.GetMapOptions() return {} end
function Spring.GetGameRulesParam() return nil end
function Spring.GetTeamRulesParam() return nil end
function Spring.GetUnitRulesParam() return nil end
function Spring.GetPlayerRulesParam() return nil end
function Spring.IsCheatingEnabled() return false end
function Spring.GetFPS() return 60 end

-- Engine functions Recoil has but BarHarness does not: report them by name when called.
local missing, recordMissing = H.engineMissing, H.engineRecordMissing
local function reporter(tableName, tbl)
	setmetatable(tbl, {
		__index = function(_, key)
			local qualified = tableName .. "." .. tostring(key)
			local source = missing[qualified]
			if source == nil then
				return nil
			end
			return function()
				recordMissing(qualified)
				error(qualified .. " is not implemented by BarHarness (engine function from " .. source .. ")", 2)
			end
		end,
	})
end
reporter("Spring", Spring)
reporter("VFS", VFS)
System.Script = System.Script or {}
reporter("Script", System.Script)
H.engineMissing = nil
