-- tests/lua/testlib.lua: a minimal test library (no external framework).
-- Specs call T.test(name, fn) and the assertions below; failures carry the spec's file:line.

local T = { tests = {}, currentFile = "?" }

function T.test(name, fn)
	T.tests[#T.tests + 1] = { file = T.currentFile, name = name, fn = fn }
end

local function fail(msg, level)
	error(msg, (level or 2) + 1)
end
T.fail = function(msg) fail(msg, 2) end

local function show(v)
	if type(v) == "string" then
		return string.format("%q", v)
	end
	return tostring(v)
end

function T.eq(actual, expected, what)
	if actual ~= expected then
		fail((what and (what .. ": ") or "") .. "expected " .. show(expected) .. ", got " .. show(actual), 2)
	end
end

function T.ne(actual, unexpected, what)
	if actual == unexpected then
		fail((what and (what .. ": ") or "") .. "did not expect " .. show(unexpected), 2)
	end
end

function T.truthy(v, what)
	if not v then
		fail((what or "expected a true value") .. ", got " .. show(v), 2)
	end
end

function T.falsy(v, what)
	if v then
		fail((what or "expected a false value") .. ", got " .. show(v), 2)
	end
end

function T.near(actual, expected, tolerance, what)
	if type(actual) ~= "number" or math.abs(actual - expected) > tolerance then
		fail((what and (what .. ": ") or "") .. "expected " .. show(expected) .. " +/- " .. tolerance ..
			", got " .. show(actual), 2)
	end
end

function T.match(s, pattern, what)
	if type(s) ~= "string" or not s:find(pattern) then
		fail((what and (what .. ": ") or "") .. show(s) .. " does not match " .. show(pattern), 2)
	end
end

function T.nomatch(s, pattern, what)
	if type(s) == "string" and s:find(pattern) then
		fail((what and (what .. ": ") or "") .. show(s) .. " unexpectedly matches " .. show(pattern), 2)
	end
end

function T.raises(fn, what)
	local ok = pcall(fn)
	if ok then
		fail((what or "expected an error") .. ", but the call succeeded", 2)
	end
end

--- Loads a widget module the way the tests share them with BAR.
function T.module(name)
	return dofile(T.root .. "widget/livedata/" .. name .. ".lua")
end

function T.json()
	local ok, dk = pcall(require, "dkjson")
	if ok then return dk end
	return nil
end

return T
