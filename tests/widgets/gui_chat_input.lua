-- UI: a text box that owns the keyboard after Enter and collects typed text until Enter again.
function widget:GetInfo()
	return { name = "Corpus Chat Input", desc = "typed text box", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local typing = false
local text = ""

function widget:KeyPress(key, mods, isRepeat)
	if key == 13 then
		if typing then
			widgetHandler:DisownText()
			Spring.Echo("typed: " .. text)
			text = ""
			typing = false
		else
			typing = widgetHandler:OwnText()
		end
		return true
	end
	return typing
end

function widget:TextInput(utf8char)
	text = text .. utf8char
	return true
end
