-- UI panel: a box with the player's unit count; hover shows a tooltip, a click toggles detail.
function widget:GetInfo()
	return { name = "Corpus Unit Counter", desc = "unit count panel", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 1, enabled = true }
end

local vsx, vsy = Spring.GetViewGeometry()
local x1, y1, x2, y2
local detail = false
local font

local function layout()
	x1, y1 = math.floor(vsx * 0.02), math.floor(vsy * 0.5)
	x2, y2 = x1 + 200, y1 + 60
end

function widget:Initialize()
	layout()
	font = gl.LoadFont("fonts/FreeSansBold.otf", 16, 4, 2)
end

function widget:ViewResize(newX, newY)
	vsx, vsy = newX, newY
	layout()
end

function widget:IsAbove(x, y)
	return x >= x1 and x <= x2 and y >= y1 and y <= y2
end

function widget:GetTooltip(x, y)
	return "Units of your team"
end

function widget:MousePress(x, y, button)
	if widget:IsAbove(x, y) and button == 1 then
		return true
	end
	return false
end

function widget:MouseRelease(x, y, button)
	detail = not detail
	return true
end

function widget:DrawScreen()
	local n = Spring.GetTeamUnitCount and Spring.GetTeamUnitCount(Spring.GetMyTeamID())
		or #Spring.GetTeamUnits(Spring.GetMyTeamID())
	gl.Color(0, 0, 0, 0.6)
	gl.Rect(x1, y1, x2, y2)
	font:Begin()
	font:Print((detail and "units: " or "") .. n, x1 + 10, y1 + 20, 16, "o")
	font:End()
end
