-- Game flow: a player-only widget that removes itself when its player becomes a spectator.
function widget:GetInfo()
	return { name = "Corpus Player Only", desc = "removed for spectators", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local function checkSpec()
	if Spring.GetSpectatingState() then
		widgetHandler:RemoveWidget()
	end
end

function widget:GameStart()
	checkSpec()
end

function widget:PlayerChanged(playerID)
	if playerID == Spring.GetMyPlayerID() then
		checkSpec()
	end
end
