namespace BarHarness.LuaHost.Tests.Differential;

/// <summary>A known, accepted difference between real Lua 5.1 and the harness on one probe line.</summary>
/// <param name="Kind">FIDELITY (a value differs), HARSHER/KINDER (the harness raises where 5.1 does not, or the
/// reverse), MESSAGE (error wording of the 5.4 VM), LOCATION (the line an error names), BORDER (unspecified # of a
/// table with holes), VM (5.4 grammar).</param>
internal sealed record KnownLua51Difference(string Probe, string Label, string Kind, string Reason);

/// <summary>The allow-list of the 5.4 VM: every entry says why the harness differs (mirrored in
/// tests/probes/lua51/DIFFERENCES.md).</summary>
internal static class KnownLua51Differences
{
    public static readonly IReadOnlyList<KnownLua51Difference> All =
    [
        new("numbers", "3.0 .. ''", "FIDELITY", "`..` on an integral float: the 5.4 VM writes 3.0, 5.1 writes 3 (the "
            + "profile patches tostring/print, not the VM's concat)"),
        new("numbers", "(6/2) .. ''", "FIDELITY",
            "same as `3.0 .. ''`: a division result is a float on 5.4, so `..` prints 3.0"),
        new("numbers", "format %s 3.0", "FIDELITY",
            "string.format('%s', 3.0) uses the VM's number-to-string (3.0), not the profile's %.14g tostring"),
        new("tables", "concat int floats", "FIDELITY",
            "table.concat converts integral floats with the 5.4 VM's rule (1.0,3.0), 5.1 gives 1,3"),
        new("strings", "gsub table", "FIDELITY",
            "a float replacement value from a gsub table is converted by the 5.4 VM (2.0), 5.1 gives 2"),
        new("strings", "rep 2.7", "HARSHER",
            "5.4 raises 'number has no integer representation' for a non-integral count; 5.1 truncates (xx)"),
        new("strings", "sub 2.5", "HARSHER",
            "5.4 raises 'number has no integer representation' for a non-integral index; 5.1 truncates"),
        new("strings", "rep sep", "KINDER",
            "5.4's string.rep takes a separator argument; 5.1 ignores the third argument"),
        new("strings", "find init beyond", "FIDELITY",
            "string.find('abc', '', 10): 5.1 returns 4, 3 (init clamped to #s+1), 5.4 returns nil"),
        new("strings", "%q cr", "FIDELITY", "%q of a carriage return: 5.1 writes \\r, 5.4 writes \\13"),
        new("strings", "%q zero", "FIDELITY", "%q of a NUL byte: 5.1 writes \\000, 5.4 writes \\0"),
        new("strings", "%q tab", "FIDELITY", "%q of a tab: 5.1 keeps it raw, 5.4 writes \\9"),
        new("strings", "%q byte 1", "FIDELITY", "%q of byte 1: 5.1 keeps it raw, 5.4 writes \\1"),
        new("strings", "%q number", "FIDELITY",
            "%q of a float: 5.1 quotes the %.14g text, 5.4 writes a hexadecimal float literal"),
        new("strings", "%q integer float", "FIDELITY", "%q of 3.0: 5.1 gives \"3\", 5.4 a hexadecimal float literal"),
        new("strings", "char 256", "MESSAGE", "error wording: 5.1 'invalid value', 5.4 'value out of range'"),
        new("strings", "gsub bad %", "MESSAGE",
            "error wording: 5.4 adds the capture index ('invalid capture index %2')"),
        new("strings", "format bad option", "MESSAGE", "error wording: 5.1 'invalid option', 5.4 'invalid conversion'"),
        new("strings", "string methods on number", "MESSAGE",
            "5.4 VM error wording: 'attempt to index a number value (upvalue 'n')'"),
        new("tables", "insert at 0", "BORDER", "# of a table with a hole is any border; the profile's insert stores "
            + "t[0] without shifting, 5.1 shifts: both are valid borders but differ"),
        new("tables", "insert 3 args", "LOCATION",
            "the profile's table.insert is Lua code: the error points at its own line, not the caller's"),
        new("tables", "remove empty", "FIDELITY",
            "table.remove on an empty table: 5.1 returns no value, 5.4 returns one nil (select('#') 0 versus 1)"),
        new("tables", "remove #t+1", "FIDELITY", "table.remove(t, #t+1): 5.1 returns no value, 5.4 returns one nil"),
        new("tables", "index nil", "MESSAGE", "5.4 VM error wording: 'attempt to index a nil value (local 't')' "
            + "versus 5.1 'attempt to index local 't' (a nil value)'"),
        new("tables", "# nil", "MESSAGE", "5.4 VM error wording for # on nil"),
        new("environment", "arith on nil", "MESSAGE", "5.4 VM error wording for arithmetic on nil"),
        new("environment", "call nil global", "MESSAGE",
            "5.4 VM error wording: 'global 'x' is not callable' versus 5.1 'attempt to call global 'x''"),
        new("environment", "index nil field", "MESSAGE", "5.4 VM error wording for indexing a nil field"),
        new("environment", "setfenv C function", "KINDER",
            "the profile's setfenv accepts a C function; 5.1 raises 'cannot change environment of given object'"),
        new("environment", "getfenv number too high", "LOCATION",
            "the error is raised one level off (a tail call drops the caller's frame on 5.4), so the line is "
            + "the wrapper's"),
        new("environment", "math.random(0)", "LOCATION",
            "as getfenv: the tail-called native's error names the wrapper's line"),
        new("environment", "arg table", "FIDELITY",
            "5.1 (LUA_COMPAT_VARARG) gives a vararg function a local 'arg' table; the 5.4 VM does not"),
        new("environment", "error non-string", "FIDELITY",
            "error(42) through pcall: 5.1 hands back the string '42', 5.4 the number 42"),
        new("environment", "__len on table", "FIDELITY",
            "5.1 ignores __len on tables (# is the raw length), 5.4 honours it"),
        new("environment", "goto is a name", "VM",
            "'goto' is a reserved word on 5.4: a 5.1 chunk using it as a name fails to load in the harness"),
        new("environment", "integer division token", "KINDER",
            "loadstring accepts 5.4 syntax (//); 5.1 rejects it (widget files are checked by Lua51SyntaxChecker, "
            + "loadstring is not)"),
        new("environment", "bitwise token", "KINDER", "loadstring accepts 5.4 bitwise operators; 5.1 rejects them"),
        new("environment", "module exists", "FIDELITY",
            "5.1's module() is absent from the profile (BAR widgets do not use it)"),
        new("environment", "math.log base", "FIDELITY",
            "5.1's math.log ignores a second argument (ln 8 = 2.079...), 5.4 uses it as the base (3)"),
    ];

    /// <summary>
    /// The differences allowed on the VM of this run: all of the above on the 5.4 VM; none on the
    /// native 5.1 VM, which must match real Lua 5.1 line for line.
    /// </summary>
    public static IReadOnlyList<KnownLua51Difference> ForActiveVm =>
        BarHarness.LuaHost.Interop.LuaApi.IsLua51 ? [] : All;

    public static bool Allows(string probe, string label, string harnessLine) =>
        ForActiveVm.Any(d => d.Probe == probe && d.Label == label);
}
