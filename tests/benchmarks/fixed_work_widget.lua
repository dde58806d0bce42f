-- The same fixed Lua work every game frame (arithmetic and table writes, no allocation after the first
-- frame, no engine call): what the CPU-time budget's steadiness is measured with. Its per-frame CPU
-- time should not depend on what else the machine runs; see README "The CI gate without flakes".
function widget:GetInfo()
	return { name = "Fixed work", desc = "fixed Lua work per frame", layer = 0, enabled = true }
end

local cells = {}
for i = 1, 256 do
	cells[i] = 0
end

function widget:GameFrame(n)
	local s = 0
	for i = 1, 20000 do
		local k = (i % 256) + 1
		s = s + i * 3 - (s % 7)
		cells[k] = s
	end
	cells[1] = n
end
