-- tests/lua/stream_oracle.lua: checks a captured widget stream against SCHEMA.md.
-- Feed it FakeNet:readItems() output; it decodes frames with dkjson and records every
-- violation (invalid JSON, framing, fields, sequence gaps without a declared drop,
-- missing hello/snapshot after connect, delta inconsistent with the receiver's picture,
-- privacy via an optional isAllowed(unitID, frame, window) callback: may the unit be named in a
-- message of `frame` whose values were read within `window` frames before it, SCHEMA §7.1).

local O = {}
O.__index = O

local TYPES = { hello = true, snapshot = true, delta = true, heartbeat = true, status = true }

function O.new(json, framing, isAllowed)
	local o = setmetatable({}, O)
	o.json = json
	o.framing = framing or "newline"
	o.isAllowed = isAllowed
	o.errors = {}
	o.messages = {}
	o.counts = {}
	o.pending = ""
	o.connection = 0
	o.units = {}
	return o
end

function O:err(msg)
	self.errors[#self.errors + 1] = string.format("conn %d msg %d: %s", self.connection, #self.messages, msg)
end

local function isInt(v)
	return type(v) == "number" and v == math.floor(v)
end

function O:newConnection()
	if #self.pending > 0 then
		self.cutBytes = (self.cutBytes or 0) + #self.pending -- message cut by the disconnect
	end
	self.pending = ""
	self.connection = self.connection + 1
	self.expect = "hello"
	self.needSnapshot = true
	self.units = {}
end

function O:checkUnitObject(u, frame, where, window)
	if type(u) ~= "table" or not isInt(u.id) then
		self:err(where .. ": unit without integer id")
		return false
	end
	if self.isAllowed and not self.isAllowed(u.id, frame, window or 0) then
		self:err(where .. ": unit " .. u.id .. " must not be visible at frame " .. tostring(frame))
	end
	return true
end

function O:message(m, raw)
	self.messages[#self.messages + 1] = m
	self.last = m
	if m.schema_version ~= 1 then self:err("schema_version " .. tostring(m.schema_version)) end
	if not TYPES[m.type] then self:err("unknown type " .. tostring(m.type)) end
	self.counts[m.type or "?"] = (self.counts[m.type or "?"] or 0) + 1
	if not isInt(m.seq) or m.seq < 0 or m.seq >= 16777216 then self:err("bad seq " .. tostring(m.seq)) end
	if not isInt(m.frame) then self:err("bad frame " .. tostring(m.frame)) end
	if m.dropped ~= nil and (not isInt(m.dropped) or m.dropped < 1 or type(m.drop_reason) ~= "string") then
		self:err("bad dropped declaration")
	end
	local declared = (m.dropped or 0) > 0
	if self.lastSeq and isInt(m.seq) then
		local expected = (self.lastSeq + 1) % 16777216
		if m.seq ~= expected and not declared and self.expect ~= "hello" then
			self:err(string.format("seq gap %d -> %d without a declared drop", self.lastSeq, m.seq))
		end
	end
	self.lastSeq = m.seq
	if declared then
		self.needSnapshot = true
		self.declaredDrops = (self.declaredDrops or 0) + m.dropped
	end
	if self.expect == "hello" then
		if m.type ~= "hello" then self:err("first message on a connection is " .. tostring(m.type)) end
		self.expect = nil
		if type(m.unit_defs) ~= "table" or type(m.map) ~= "table" or type(m.widget_version) ~= "string" then
			self:err("hello without unit_defs/map/widget_version")
		end
		return
	end
	if m.type == "hello" then self:err("second hello on one connection") end
	if m.type == "snapshot" then
		self.needSnapshot = false
		self.units = {}
		if type(m.units) ~= "table" or type(m.teams) ~= "table" or type(m.players) ~= "table" then
			self:err("snapshot without units/teams/players")
			return
		end
		for _, u in ipairs(m.units) do
			if self:checkUnitObject(u, m.frame, "snapshot", m.sample_window) then
				if self.units[u.id] then self:err("snapshot lists unit " .. u.id .. " twice") end
				self.units[u.id] = u
			end
		end
	elseif m.type == "delta" then
		if self.needSnapshot then
			self:err("delta where a snapshot was required")
		end
		for _, key in ipairs({ "created", "updated", "destroyed", "left_los", "teams" }) do
			if type(m[key]) ~= "table" then self:err("delta without " .. key) return end
		end
		for _, id in ipairs(m.destroyed) do
			if not self.units[id] then self:err("destroyed unknown unit " .. tostring(id)) end
			self.units[id] = nil
		end
		for _, id in ipairs(m.left_los) do
			if not self.units[id] then self:err("left_los unknown unit " .. tostring(id)) end
			self.units[id] = nil
		end
		for _, u in ipairs(m.created) do
			if self:checkUnitObject(u, m.frame, "created", m.sample_window) then
				if self.units[u.id] then self:err("created known unit " .. u.id) end
				self.units[u.id] = u
			end
		end
		for _, u in ipairs(m.updated) do
			if self:checkUnitObject(u, m.frame, "updated", m.sample_window) then
				if not self.units[u.id] then self:err("updated unknown unit " .. u.id) end
				self.units[u.id] = u
			end
		end
	end
end

function O:feedBytes(data)
	self.pending = self.pending .. data
	local pos = 1
	while true do
		local body
		if self.framing == "length" then
			if #self.pending - pos + 1 < 4 then break end
			local b1, b2, b3, b4 = self.pending:byte(pos, pos + 3)
			local n = ((b1 * 256 + b2) * 256 + b3) * 256 + b4
			if #self.pending - pos + 1 < 4 + n then break end
			body = self.pending:sub(pos + 4, pos + 3 + n)
			pos = pos + 4 + n
		else
			local nl = self.pending:find("\n", pos, true)
			if not nl then break end
			body = self.pending:sub(pos, nl - 1)
			pos = nl + 1
		end
		local m, _, e = self.json.decode(body)
		if type(m) ~= "table" then
			self:err("invalid JSON: " .. tostring(e) .. " in " .. body:sub(1, 120))
		else
			self:message(m, body)
		end
	end
	self.pending = self.pending:sub(pos)
end

--- items: FakeNet:readItems() output; connectMarker: FakeNet.CONNECT.
function O:feed(items, connectMarker)
	for _, item in ipairs(items) do
		if item == connectMarker then
			self:newConnection()
		else
			self:feedBytes(item)
		end
	end
end

return O
