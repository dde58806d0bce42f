-- UI: dims the screen while the game is paused.
function widget:GetInfo()
	return { name = "Corpus Pause Screen", desc = "pause overlay", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 5, enabled = true }
end

local paused = false
local fade = 0

function widget:GamePaused(playerID, isPaused)
	paused = isPaused
end

function widget:Update(dt)
	fade = paused and math.min(1, fade + dt * 2) or math.max(0, fade - dt * 2)
end

function widget:DrawScreen()
	if fade > 0 then
		local vsx, vsy = Spring.GetViewGeometry()
		gl.Color(0, 0, 0, fade * 0.4)
		gl.Rect(0, 0, vsx, vsy)
	end
end
