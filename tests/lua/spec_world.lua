-- livedata/world.lua on its own: engine reads against the fake engine, a stand-in governor.
local T = require("testlib")
local E = require("fake_engine")
local json = T.module("json")
local protocol = T.module("protocol")(json)
local Tracker = T.module("unit_tracker")(protocol, T.module("unit_changes"))
local World = T.module("world")

-- A governor that records what the world tells it (the real one is tested in spec_budget_and_log).
local function recordingBudget()
	return {
		observed = {},
		intervalMultiplier = function() return 1 end,
		observeSampling = function(self, visited, spentMs)
			self.observed[#self.observed + 1] = { visited = visited, spent = spentMs }
		end,
	}
end

local function setup(units, opts)
	local w = E.newWorld(opts)
	for i = 1, units do E.addUnit(w, i % 2, 1, i * 10, i * 5) end
	local spring = E.makeSpring(w)
	local world = World.new({
		spring = spring, protocol = protocol, json = json,
		timerNow = function() return w.timerMs end,
		msSince = function(t0) return w.timerMs - t0 end,
	})
	local budget = recordingBudget()
	local tracker = world.startTracker(Tracker, budget)
	world.refreshView()
	world.rescanUnits(0)
	return w, world, tracker, budget, spring
end

local function never() return nil end

T.test("teams are read at every sample but reported only when their JSON changed", function()
	local w, world = setup(0, { spectator = true, fullView = true })
	w.staticResources = true
	T.eq(world.sampleTeams(), 3, "the first read changes every team")
	T.eq(world.sampleTeams(), 0, "unchanged resources: nothing to report")
	w.staticResources = false
	w.frame = 3 -- the fake's stored metal and energy follow the frame
	T.eq(world.sampleTeams(), 3)
	local buf = {}
	local n = world.appendChangedTeams(buf, 0, 1)
	T.eq(n, 1, "one team: no comma")
	T.match(buf[1], '^{"id":0,"ally_team":0,')
	n = world.appendTeams(buf, 0)
	T.eq(n, 5, "three teams and two commas")
	T.eq(buf[2], ",")
end)

T.test("a unit slice stops at its share of the frame budget", function()
	local w, world, _, budget, spring = setup(300)
	local health = spring.GetUnitHealth
	spring.GetUnitHealth = function(id)
		w.timerMs = w.timerMs + 0.01
		return health(id)
	end
	-- startTracker read the engine functions already: start again over the costly one
	budget = recordingBudget()
	world.startTracker(Tracker, budget)
	world.refreshView()
	world.rescanUnits(0)
	world.sampleUnits(1, { maxUnitAgeFrames = 1, budgetMs = 0.5 }, never)
	local seen = budget.observed[1]
	T.truthy(seen, "the governor heard of the slice")
	T.eq(seen.visited, 64, "the cap (0.275 ms) is checked after each 64-unit chunk")
	T.near(seen.spent, 0.64, 1e-9)
end)

T.test("a snapshot frame reads half the usual slice", function()
	local _, world, _, budget = setup(120)
	world.sampleUnits(1, { maxUnitAgeFrames = 3, budgetMs = 2 }, never)
	world.sampleUnits(2, { maxUnitAgeFrames = 3, budgetMs = 2 }, function() return "interval" end)
	T.eq(budget.observed[1].visited, 40, "120 units within 3 frames")
	T.eq(budget.observed[2].visited, 20)
end)

T.test("the sample window is the frames since the previous full cycle began", function()
	local _, world = setup(30)
	local cfg = { maxUnitAgeFrames = 3, budgetMs = 2 }
	local windows = {}
	for frame = 1, 12 do
		world.sampleUnits(frame, cfg, never)
		windows[frame] = world.sampleWindow()
	end
	-- 10 units a frame: a cycle ends every third frame, so no unit is older than two cycles
	for frame = 7, 12 do
		T.truthy(windows[frame] >= 3 and windows[frame] <= 6, "frame " .. frame .. ": " .. windows[frame])
	end
	local _, noUnits = setup(0)
	noUnits.sampleUnits(1, cfg, never)
	T.eq(noUnits.sampleWindow(), 1, "no units: the bound is one frame")
end)

T.test("the periodic rescan waits 900 frames, avoids snapshot frames and spreads over frames", function()
	local w, world, tracker = setup(600)
	for _ = 1, 600 do E.removeUnit(w, w.ids[1]) end
	for i = 1, 600 do E.addUnit(w, 0, 1, i, i) end -- new ids the tracker never heard of
	world.stepPeriodicRescan(899, -1)
	T.eq(tracker.count(), 600, "not due yet")
	world.stepPeriodicRescan(900, 900)
	T.eq(tracker.count(), 600, "not in a snapshot frame")
	world.stepPeriodicRescan(901, 900)
	T.eq(tracker.count(), 600, "the first frame only takes the engine's list")
	world.stepPeriodicRescan(902, 900)
	T.eq(tracker.count(), 850, "then 250 units a frame")
	for frame = 903, 915 do world.stepPeriodicRescan(frame, 900) end
	T.eq(tracker.count(), 600, "the rescan ends with exactly the units the engine lists")
end)

T.test("the player list is re-read only when marked dirty, and reports changes", function()
	local w, world = setup(0)
	T.truthy(world.playersDirty(), "dirty until first read")
	T.truthy(world.samplePlayers(), "the first read is a change")
	T.falsy(world.playersDirty())
	T.falsy(world.samplePlayers(), "same players")
	w.names[1] = "Renamed"
	world.playerChanged(10)
	T.truthy(world.playersDirty())
	T.truthy(world.samplePlayers())
	T.match(world.playersJson(), '"Renamed"')
end)

T.test("pause and speed changes are reported once; the game JSON is rebuilt only then", function()
	local w, world = setup(0)
	T.truthy(world.sampleGame(1), "first read")
	local first = world.gameJson()
	T.falsy(world.sampleGame(2))
	T.eq(world.gameJson(), first, "quiet: the frame-1 JSON is kept")
	T.falsy(world.sampleGame(3, true))
	T.ne(world.gameJson(), first, "forced: rebuilt for the new frame")
	w.paused = true
	T.truthy(world.sampleGame(4))
	T.truthy(world.isPaused())
end)

T.test("hello describes the local player, the map and every unit definition", function()
	local _, world = setup(0, { myTeam = 1 })
	local savedGame, savedDefs = Game, UnitDefs
	Game = { mapName = "Map", mapSizeX = 100, mapSizeZ = 200, gameName = "G" }
	UnitDefs = { [2] = { name = "b", speed = 0 }, [1] = { name = "a", speed = 10 } }
	local ok, fields = pcall(world.helloFields)
	Game, UnitDefs = savedGame, savedDefs
	T.truthy(ok, tostring(fields))
	T.match(fields, '^,"game_name":"G","local":{"player_id":0,"team_id":1,"ally_team_id":0,')
	T.match(fields, '"map":{"name":"Map","size_x":100,"size_z":200}')
	T.match(fields, '"unit_defs":%[{"id":1,.*},{"id":2,')
end)
