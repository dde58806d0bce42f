-- livedata/indicator.lua: the small square near the top right corner, coloured by connection
-- state, with the queue depth and messages per second next to it. Its text is rebuilt at most
-- twice a second (and at once on a state change), never in the draw call.
--
-- Usage: local indicator = Indicator.new(gl, Spring.GetViewGeometry)
--        indicator.stateChanged(state); indicator.update(clock, state, queue, msgsPerSecond)
--        indicator.resize(vsx, vsy); indicator.draw()

local I = {}

local STATE_COLORS = {
	DISCONNECTED = { 0.6, 0.6, 0.6, 0.9 },
	CONNECTING = { 1.0, 0.85, 0.2, 0.9 },
	CONNECTED = { 0.2, 0.9, 0.3, 0.9 },
	RECONNECTING = { 1.0, 0.55, 0.1, 0.9 },
	FAILED = { 0.95, 0.2, 0.2, 0.9 },
}

local REFRESH_SECONDS = 0.5

-- "\255\255\255\255": the font's inline colour code for white (saves a gl.Color call a frame)
local TEXT_FORMAT = "\255\255\255\255LiveData %s  q%d  %.0f msg/s"

function I.new(gl, getViewGeometry)
	local glColor = gl and gl.Color
	local glRect = gl and gl.Rect
	local glText = gl and gl.Text
	local sformat = string.format

	local text = ""
	local color = { 0.5, 0.5, 0.5, 0.9 }
	local lastRefresh = -1
	local viewX, viewY = nil, nil   -- screen size, from ViewResize (or asked once)

	local self = {}

	function self.stateChanged(state)
		color = STATE_COLORS[state] or color
		lastRefresh = -1
	end

	function self.update(clock, state, queue, msgsPerSecond)
		if lastRefresh < 0 or clock - lastRefresh >= REFRESH_SECONDS then
			lastRefresh = clock
			color = STATE_COLORS[state] or color
			text = sformat(TEXT_FORMAT, state, queue:count(), msgsPerSecond)
		end
	end

	function self.resize(vsx, vsy)
		viewX, viewY = vsx, vsy
	end

	function self.draw()
		if not glRect then
			return
		end
		local vsx, vsy = viewX, viewY
		if vsx == nil and getViewGeometry then
			vsx, vsy = getViewGeometry()
			viewX, viewY = vsx, vsy
		end
		if type(vsx) ~= "number" or type(vsy) ~= "number" then
			return
		end
		local x, y = vsx - 250, vsy - 40
		local c = color
		glColor(c[1], c[2], c[3], c[4])
		glRect(x, y, x + 10, y + 10)
		if glText then
			glText(text, x + 16, y, 11, "o") -- white by its colour code
		end
		glColor(1, 1, 1, 1)
	end

	return self
end

return I
