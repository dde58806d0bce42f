-- UI panel: metal and energy bars that follow the window size.
function widget:GetInfo()
	return { name = "Corpus Resource Bars", desc = "metal and energy", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 2, enabled = true }
end

local spGetTeamResources = Spring.GetTeamResources
local myTeam = Spring.GetMyTeamID()
local vsx, vsy = Spring.GetViewGeometry()
local metal, energy = 0, 0

function widget:ViewResize(x, y)
	vsx, vsy = x, y
end

function widget:GameFrame(n)
	if n % 15 == 0 then
		local m, ms = spGetTeamResources(myTeam, "metal")
		local e, es = spGetTeamResources(myTeam, "energy")
		metal = ms and ms > 0 and m / ms or 0
		energy = es and es > 0 and e / es or 0
	end
end

function widget:DrawScreen()
	local w = vsx * 0.2
	gl.Color(0.7, 0.7, 0.8, 1)
	gl.Rect(vsx * 0.4, vsy - 20, vsx * 0.4 + w * metal, vsy - 10)
	gl.Color(1, 1, 0, 1)
	gl.Rect(vsx * 0.65, vsy - 20, vsx * 0.65 + w * energy, vsy - 10)
end
