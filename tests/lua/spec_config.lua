-- Settings: defaults, validation, host sanity, migration.
local T = require("testlib")
local C = T.module("config")

T.test("missing data gives the defaults without warnings", function()
	local cfg, warnings = C.validate(nil)
	T.eq(#warnings, 0)
	T.eq(cfg.host, "127.0.0.1"); T.eq(cfg.port, 8765); T.eq(cfg.rate, 30)
	T.eq(cfg.detail, "standard"); T.eq(cfg.framing, "newline"); T.eq(cfg.budgetMs, 2)
	T.eq(cfg.overflow, "drop-oldest"); T.eq(cfg.backoffMinSeconds, 1); T.eq(cfg.backoffMaxSeconds, 30)
end)

T.test("wrong types fall back to defaults with a warning each", function()
	local cfg, warnings = C.validate({ configVersion = 1, port = "abc", detail = 5, autoConnect = "maybe", rate = {} })
	T.eq(cfg.port, 8765); T.eq(cfg.detail, "standard"); T.eq(cfg.autoConnect, true); T.eq(cfg.rate, 30)
	T.eq(#warnings, 4)
end)

T.test("out-of-range numbers are clamped, fractions rounded, NaN refused", function()
	local cfg, warnings = C.validate({
		configVersion = 1, port = 70000, rate = 0, budgetMs = 0 / 0, queueMaxMessages = 100.6,
	})
	T.eq(cfg.port, 65535); T.eq(cfg.rate, 1); T.eq(cfg.budgetMs, 2); T.eq(cfg.queueMaxMessages, 101)
	T.eq(#warnings, 4)
end)

T.test("choices are case-insensitive; numbers from strings are accepted", function()
	local cfg, warnings = C.validate({ configVersion = 1, detail = "Comprehensive", framing = "LENGTH", port = "9000" })
	T.eq(cfg.detail, "comprehensive"); T.eq(cfg.framing, "length"); T.eq(cfg.port, 9000)
	T.eq(#warnings, 0)
end)

T.test("host must be an IPv4 literal or localhost (DNS would block the game)", function()
	T.eq(C.checkHost("127.0.0.1"), "127.0.0.1")
	T.eq(C.checkHost(" 10.0.0.5 "), "10.0.0.5")
	T.eq(C.checkHost("localhost"), "127.0.0.1")
	T.eq(C.checkHost("192.168.001.010"), "192.168.1.10")
	local badHosts = {
		"example.com", "256.1.1.1", "1.2.3", "1.2.3.4.5", "", "0.0.0.0", "127.0.0.1:80", "1.2.3.4x", "1.2.3.-4", 42,
	}
	for _, bad in ipairs(badHosts) do
		T.eq(C.checkHost(bad), nil, "rejects " .. tostring(bad))
	end
	local cfg, warnings = C.validate({ configVersion = 1, host = "evil.example" })
	T.eq(cfg.host, "127.0.0.1"); T.eq(#warnings, 1)
end)

T.test("unknown keys are dropped with a warning", function()
	local cfg, warnings = C.validate({ configVersion = 1, colour = "red" })
	T.eq(cfg.colour, nil); T.eq(#warnings, 1)
end)

T.test("version 0 data is migrated: old key names renamed, interval converted to rate", function()
	local cfg, warnings = C.validate({ serverHost = "10.1.2.3", serverPort = 9999, updateInterval = 3 })
	T.eq(cfg.host, "10.1.2.3"); T.eq(cfg.port, 9999); T.eq(cfg.rate, 10)
	T.eq(#warnings, 0)
	local _, from = C.migrate({ serverHost = "1.1.1.1" })
	T.eq(from, 0)
end)

T.test("data from a newer version keeps what this version understands", function()
	local cfg, warnings = C.validate({ configVersion = 99, port = 1234, futureThing = true })
	T.eq(cfg.port, 1234)
	T.truthy(#warnings >= 2, "newer-version and unknown-key warnings")
end)

T.test("non-table data is replaced by defaults with a warning", function()
	local cfg, warnings = C.validate("garbage")
	T.eq(cfg.port, 8765); T.eq(#warnings, 1)
end)

T.test("serialise stamps the version and round-trips through validate", function()
	local cfg = C.validate({ configVersion = 1, port = 1111, detail = "minimal" })
	local stored = C.serialise(cfg)
	T.eq(stored.configVersion, C.VERSION)
	local again, warnings = C.validate(stored)
	T.eq(#warnings, 0); T.eq(again.port, 1111); T.eq(again.detail, "minimal")
end)

T.test("backoff bounds stay ordered", function()
	local cfg, warnings = C.validate({ configVersion = 1, backoffMinSeconds = 20, backoffMaxSeconds = 5 })
	T.eq(cfg.backoffMaxSeconds, 20); T.eq(#warnings, 1)
end)
