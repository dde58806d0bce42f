-- Selection: ctrl+digit puts the selection into a control group, a digit selects the group.
function widget:GetInfo()
	return { name = "Corpus Group Keys", desc = "control groups", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

function widget:KeyPress(key, mods, isRepeat)
	local digit = key - 48
	if digit < 0 or digit > 9 then
		return false
	end
	if mods.ctrl then
		for _, unitID in ipairs(Spring.GetSelectedUnits()) do
			Spring.SetUnitGroup(unitID, digit)
		end
	else
		Spring.SelectUnitArray(Spring.GetGroupUnits(digit))
	end
	return true
end
