-- Selection: keeps a per-type count of the selection and shows it.
function widget:GetInfo()
	return { name = "Corpus Selection Summary", desc = "what is selected", author = "corpus",
		date = "2026", license = "GPL-2.0", layer = 0, enabled = true }
end

local summary = ""
local changes = 0

function widget:SelectionChanged(selectedUnits, subselection)
	changes = changes + 1
	assert(type(selectedUnits) == "table" and type(subselection) == "boolean")
	local counts, n = Spring.GetSelectedUnitsCounts()
	local parts = {}
	for unitDefID, c in pairs(counts) do
		parts[#parts + 1] = UnitDefs[unitDefID].name .. " x" .. c
	end
	table.sort(parts)
	summary = table.concat(parts, ", ")
	assert(n == #parts)
end

function widget:CommandsChanged()
	local sorted = Spring.GetSelectedUnitsSorted()
	assert(type(sorted) == "table")
end

function widget:DrawScreen()
	if summary ~= "" then
		gl.Text(summary, 10, 10, 12)
	end
end
