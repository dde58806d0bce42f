-- The instruction hook: counts instructions (the harness's deterministic cost), runs the watchdog and
-- raises errors armed by natives. Natives cannot raise Lua errors themselves (a longjmp through .NET
-- frames deadlocks the GC), so they arm a one-instruction hook that raises in the caller instead.
local H = ...
local sethook, error = debug.sethook, error
local tick, interval = H.tick, H.interval

local hook
hook = function()
	local stop, everyInstruction = tick()
	if stop then
		if everyInstruction then
			-- The watchdog keeps raising at every widget instruction until the call-in ends, so a pcall
			-- inside an endless loop cannot swallow it. (The memory cap raises at every tick instead.)
			sethook(hook, "", 1)
		end
		error(stop, 0)
	end
end

H.hook = hook
local rawtraceback = debug.traceback

-- Message handler for protected calls: a traceback, with an armed native error shown as BAR shows a
-- raising C function ("[C]: in function 'GetUnitPosition'" above the caller's line).
function H.traceback(message)
	local tb = rawtraceback(message, 2)
	local armed = H.armed
	if armed then
		H.armed = nil
		tb = tb:gsub("\n\t%[C%]: in function 'error'\n\t%(barharness hooks%):%d+: in [^\n]*\n\t%[C%]: in [^\n]*", function()
			return "\n\t[C]: in function '" .. armed.name .. "'"
		end, 1)
	end
	return tb
end

function H.resethook()
	sethook(hook, "", interval)
end

-- A native's error is raised from a return hook when the native itself returns: its frame is still
-- on the Lua stack (so a pcall around it, or around the Lua function that tail-called it, catches
-- the error), yet no .NET frame is on the C stack any more. The hook skips the returns of sethook
-- and of this function, which come first.
local getinfo = debug.getinfo
function H.arm(message, line, name)
	H.armed = { line = line, name = name }
	local arm = H.arm
	sethook(function()
		local info = getinfo(2, "f")
		local returning = info and info.func
		if returning == sethook or returning == arm then
			return
		end
		sethook(hook, "", interval)
		error(message, 0)
	end, "r")
end

sethook(hook, "", interval)

-- Hooks are per coroutine: give every new coroutine the same hook so its work is counted and watched.
-- coroutine.wrap stays the C function (its errors carry the caller's position, as in 5.1): the
-- coroutine sets its own hook when it first runs.
local create, wrap, type = coroutine.create, coroutine.wrap, type

coroutine.create = function(f)
	local co = create(f)
	sethook(co, hook, "", interval)
	return co
end

coroutine.wrap = function(f)
	if type(f) ~= "function" then
		return wrap(f)
	end
	return wrap(function(...)
		sethook(hook, "", interval)
		return f(...)
	end)
end
