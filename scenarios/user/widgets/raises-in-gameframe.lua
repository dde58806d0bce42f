-- A deliberately broken user widget for scenarios/user/broken-widget.yaml: it indexes a nil
-- value in GameFrame after five seconds, so BAR's widget handler removes it.
function widget:GetInfo()
	return { name = "Broken example", desc = "Raises an error in GameFrame (harness scenario fixture)",
		author = "BarHarness", date = "2026", license = "GPL-2.0-or-later", layer = 0, enabled = true }
end

local settings

function widget:Initialize()
	settings = { interval = 30 }
end

function widget:GameFrame(n)
	if n > 150 then
		settings = nil
	end
	if n % settings.interval == 0 then
		Spring.Echo("tick", n)
	end
end
