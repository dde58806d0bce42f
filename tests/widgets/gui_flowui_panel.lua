-- UI panel in BAR's current style: FlowUI elements, a font from WG.fonts, SI-formatted numbers, I18N labels.
function widget:GetInfo()
	return { name = "Corpus FlowUI Panel", desc = "metal income panel", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 3, enabled = true }
end

local vsx, vsy = Spring.GetViewGeometry()
local font, income = nil, 0
local area = { 0, 0, 0, 0 }

local function layout()
	area = { math.floor(vsx * 0.7), math.floor(vsy * 0.9), math.floor(vsx * 0.85), math.floor(vsy * 0.95) }
end

function widget:Initialize()
	font = WG.fonts.getFont(nil, 1.2, 0.2, 1.5)
	layout()
end

function widget:ViewResize(x, y)
	vsx, vsy = x, y
	layout()
end

function widget:GameFrame(n)
	local _, _, _, metalIncome = Spring.GetTeamResources(Spring.GetMyTeamID(), "metal")
	income = metalIncome or 0
end

function widget:DrawScreen()
	WG.FlowUI.Draw.Element(area[1], area[2], area[3], area[4], 1, 1, 1, 1)
	font:Begin()
	font:Print(Spring.I18N("ui.topbar.metal") .. " " .. string.formatSI(income), area[1] + 8, area[2] + 8, 14, "o")
	font:End()
	if math.isInRect(0, 0, area[1], area[2], area[3], area[4]) then
		Spring.Echo("never: the origin is outside the panel")
	end
end
