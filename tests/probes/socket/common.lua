-- Helpers every probe may use (loaded after the driver has defined probe.emit/wait/peer).
function probe.between(value, low, high)
	if type(value) == "number" and value >= low and value <= high then
		return "<in range>"
	end
	return value
end

function probe.same(value, expected)
	if value == expected then
		return "<as expected>"
	end
	return value
end

function probe.kind(value)
	return type(value)
end
