-- The call-ins BAR's handler (luaui/barwidgets.lua) does not simply hand down its list: the mouse goes
-- to the widget that took the press, keys and text to the text owner first, a tooltip to the first widget
-- the mouse is above, a selection change first as SelectionChanged, UnitCreated-like call-ins after their
-- Meta call-in. Runs once per handler with the harness's internal table as `...`; returns `special`,
-- call-in name -> function(...) returning the number of widgets called and the handler's answer.
local H = ...
local System = H.System
local shared = H.handlerShared
local deliver, dispatch, lists, focus, WG = shared.deliver, shared.dispatch, shared.lists, shared.focus, shared.WG
local metaBefore = shared.metaBefore
local rawget, type, pairs, ipairs, pcall = rawget, type, pairs, ipairs, pcall

local special = {}

function special.MousePress(x, y, button)
	if focus.mouseOwner then
		local f = rawget(focus.mouseOwner, "MousePress")
		if f then
			deliver(focus.mouseOwner, f, "MousePress", x, y, button)
		end
		return 1, focus.mouseOwner ~= nil
	end
	local list = lists.MousePress
	for i = 1, #list do
		local widget = list[i]
		local f = widget and rawget(widget, "MousePress")
		if f then
			local ok, taken = deliver(widget, f, "MousePress", x, y, button)
			if ok and taken then
				focus.mouseOwner = widget
				return i, true
			end
		end
	end
	return #list, false
end

function special.MouseMove(x, y, dx, dy, button)
	local owner = focus.mouseOwner
	local f = owner and rawget(owner, "MouseMove")
	if f then
		local _, r = deliver(owner, f, "MouseMove", x, y, dx, dy, button)
		return 1, r
	end
	return 0
end

function special.MouseRelease(x, y, button)
	local owner = focus.mouseOwner
	local state = System.Spring and System.Spring.GetMouseState
	local lmb, mmb, rmb
	if state then
		local _
		_, _, lmb, mmb, rmb = state()
	end
	if not (lmb or mmb or rmb) then
		focus.mouseOwner = nil
	end
	local f = owner and rawget(owner, "MouseRelease")
	if f then
		local _, r = deliver(owner, f, "MouseRelease", x, y, button)
		return 1, r
	end
	return 0, false
end

local function textOwnerTakes(name, ...)
	local owner = focus.textOwner
	if not owner then
		return false
	end
	local f = rawget(owner, name)
	if not f then
		return name ~= "TextInput"
	end
	local _, r = deliver(owner, f, name, ...)
	return name == "TextInput" or r
end

-- Keys and text go to the widget that owns text input first, then down the list as usual.
for _, name in ipairs({ "KeyPress", "KeyRelease", "TextInput" }) do
	special[name] = function(...)
		if textOwnerTakes(name, ...) then
			return 1, true
		end
		return dispatch(name, ...)
	end
end

function special.GetTooltip(x, y)
	local n = 0
	local list = lists.GetTooltip
	for i = 1, #list do
		local widget = list[i]
		local above, tip = widget and rawget(widget, "IsAbove"), widget and rawget(widget, "GetTooltip")
		if above and tip then
			n = n + 1
			local ok, isAbove = deliver(widget, above, "IsAbove", x, y)
			if ok and isAbove then
				local okTip, text = deliver(widget, tip, "GetTooltip", x, y)
				if okTip and type(text) == "string" and #text > 0 then
					return n, text
				end
			end
		end
	end
	return n, ""
end

function special.ViewResize(vsx, vsy)
	focus.viewSizeX, focus.viewSizeY = vsx, vsy
	local flow = WG.FlowUI
	if type(flow) == "table" and type(flow.Callin) == "table" and type(flow.Callin.ViewResize1) == "function" then
		pcall(flow.Callin.ViewResize1, vsx, vsy)
	end
	return dispatch("ViewResize", vsx, vsy)
end

function special.Update(dt)
	focus.hourTimer = (focus.hourTimer + (dt or 0)) % 3600
	return dispatch("Update", dt)
end

-- CommandsChanged comes from the engine when the selection (or the commands it offers) changed; BAR's
-- handler first compares the selection with the last one it saw and fires SelectionChanged(units,
-- subselection); a widget answering with a unit array reselects, and CommandsChanged is skipped.
local lastSelection = {}
function special.CommandsChanged()
	local get = System.Spring and System.Spring.GetSelectedUnits
	local now = get and get() or {}
	local changed = #now ~= #lastSelection
	if not changed then
		for i = 1, #now do
			if now[i] ~= lastSelection[i] then
				changed = true
				break
			end
		end
	end
	if changed then
		local subselection = #now <= #lastSelection
		if subselection then
			local before = {}
			for i = 1, #lastSelection do
				before[lastSelection[i]] = true
			end
			for i = 1, #now do
				if not before[now[i]] then
					subselection = false
					break
				end
			end
		end
		local n, reselected = dispatch("SelectionChanged", now, subselection)
		if reselected then
			return n
		end
	end
	lastSelection = now
	return dispatch("CommandsChanged")
end

for unitCallIn, meta in pairs(metaBefore) do
	special[unitCallIn] = function(unitID, unitDefID, unitTeam, ...)
		dispatch(meta, unitID, unitDefID, unitTeam)
		return dispatch(unitCallIn, unitID, unitDefID, unitTeam, ...)
	end
end

return special
