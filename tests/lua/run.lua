-- tests/lua/run.lua: runs every tests/lua/spec_*.lua under the current Lua (lua5.1).
-- Usage (from anywhere): lua5.1 tests/lua/run.lua [name-filter]
-- Prints each failure with file:line and ends with "N passed, N failed"; exits 1 on failure.

local script = arg and arg[0] or "tests/lua/run.lua"
local here = script:match("^(.*[/\\])") or "./"
local root = here .. "../../"
package.path = here .. "?.lua;" .. package.path

local T = require("testlib")
T.root = root
T.here = here

local filter = arg and arg[1]

local function listSpecs()
	local files = {}
	local p = io.popen('ls "' .. here .. '"')
	if p then
		for line in p:lines() do
			if line:match("^spec_.*%.lua$") then
				files[#files + 1] = line
			end
		end
		p:close()
	end
	table.sort(files)
	return files
end

local specs = listSpecs()
if #specs == 0 then
	print("no spec files found in " .. here)
	print("0 passed, 1 failed")
	os.exit(1)
end

local loadFailures = {}
for _, file in ipairs(specs) do
	T.currentFile = file
	local ok, err = pcall(dofile, here .. file)
	if not ok then
		loadFailures[#loadFailures + 1] = file .. ": failed to load: " .. tostring(err)
	end
end

local passed, failed = 0, 0
for _, f in ipairs(loadFailures) do
	print("FAIL " .. f)
	failed = failed + 1
end

for _, t in ipairs(T.tests) do
	if not filter or (t.file .. " " .. t.name):find(filter, 1, true) then
		local ok, err = xpcall(t.fn, function(e)
			if type(e) ~= "string" then e = tostring(e) end
			return e .. "\n" .. debug.traceback("", 2)
		end)
		if ok then
			passed = passed + 1
		else
			failed = failed + 1
			local msg = tostring(err)
			local first = msg:match("^[^\n]*")
			print(string.format("FAIL %s: %s\n    %s", t.file, t.name, first))
			if os.getenv("LIVEDATA_TRACE") then print(msg) end
		end
	end
end

print(string.format("%d passed, %d failed", passed, failed))
os.exit(failed == 0 and 0 or 1)
