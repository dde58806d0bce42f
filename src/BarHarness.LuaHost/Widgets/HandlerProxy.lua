-- The widgetHandler table a widget sees (BAR's handler proxy): actions, globals, call-in lists, mouse
-- and text ownership, known widgets; anything else it asks for is reported as unsupported. Runs once per
-- handler with the harness's internal table as `...`; returns function(widget) -> that widget's proxy.
local H = ...
local System = H.System
local event = H.event
local shared = H.handlerShared
local widgets, actions, focus, WG = shared.widgets, shared.actions, shared.focus, shared.WG
local nameOf, updateCallIn, removeCallIn = shared.nameOf, shared.updateCallIn, shared.removeCallIn
local removeWidget = shared.removeWidget
local type, tostring, setmetatable = type, tostring, setmetatable

return function(widget)
	local proxy = {}
	function proxy:RemoveWidget(w)
		removeWidget(w or widget, "RemoveWidget")
	end
	function proxy:AddAction(cmd, func, data, types)
		-- BAR's action handler stores whatever func it is given (a nil from a misspelt name loads fine
		-- and fails only when the action runs); only the command name must be a string.
		if type(cmd) ~= "string" then
			error("AddAction: bad argument #1 (string expected)", 2)
		end
		actions[cmd] = { func = func, data = data, types = types, widget = widget }
		return true
	end
	function proxy:RemoveAction(cmd, types)
		local a = actions[cmd]
		if a and a.widget == widget then
			actions[cmd] = nil
			return true
		end
		return false
	end
	function proxy:RegisterGlobal(name, value)
		if type(name) ~= "string" or System[name] ~= nil then
			return false
		end
		System[name] = value
		return true
	end
	function proxy:DeregisterGlobal(name)
		System[name] = nil
		return true
	end
	function proxy:SetGlobal(name, value)
		System[name] = value
		return true
	end
	function proxy:UpdateCallIn(name)
		if not updateCallIn(widget, name) then
			System.Spring.Echo("UpdateWidgetCallIn: bad name: " .. tostring(name))
		end
	end
	function proxy:RemoveCallIn(name)
		if not removeCallIn(widget, name) then
			System.Spring.Echo("RemoveWidgetCallIn: bad name: " .. tostring(name))
		end
	end
	function proxy:RaiseWidget() end
	function proxy:LowerWidget() end
	function proxy:IsWidgetKnown(name)
		return widgets[name] ~= nil
	end
	function proxy:GetWidget(name)
		return widgets[name]
	end
	function proxy:FindWidget(name)
		return widgets[name]
	end
	function proxy:GetViewSizes()
		return focus.viewSizeX, focus.viewSizeY
	end
	function proxy:GetHourTimer()
		return focus.hourTimer
	end
	function proxy:GetCommands()
		return {}
	end
	function proxy:IsMouseOwner()
		return focus.mouseOwner == widget
	end
	function proxy:DisownMouse()
		if focus.mouseOwner == widget then
			focus.mouseOwner = nil
		end
	end
	function proxy:OwnText()
		if focus.textOwner then
			return false
		end
		focus.textOwner = widget
		return true
	end
	function proxy:DisownText()
		if focus.textOwner == widget then
			focus.textOwner = nil
			return true
		end
		return false
	end
	proxy.WG = WG
	proxy.widgets = order
	proxy.knownWidgets = setmetatable({}, {
		__index = function(_, name)
			local w = widgets[name]
			return w and { active = true, name = name, desc = w.whInfo.desc, author = w.whInfo.author } or nil
		end,
	})
	return setmetatable(proxy, {
		__index = function(_, key)
			event("unsupported", nameOf(widget), "widgetHandler." .. tostring(key), nil)
			return nil
		end,
	})
end
