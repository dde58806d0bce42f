using System.Globalization;

namespace BarHarness.Engine.SpringApi;

/// <summary>Formats a number as Lua 5.1's tostring does ("%.14g": 3 not 3.0, 1e+20, nan, inf).</summary>
public static class Lua51Number
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return double.IsNegative(value) ? "-nan" : "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        var s = value.ToString("G14", CultureInfo.InvariantCulture);
        var e = s.IndexOf('E');
        if (e < 0)
        {
            return s;
        }

        // .NET writes E+20 / E-05; C's %g writes e+20 / e-05 (at least two exponent digits).
        var mantissa = s[..e];
        var sign = s[e + 1];
        var digits = s[(e + 2)..].TrimStart('0');
        return mantissa + "e" + sign + digits.PadLeft(2, '0');
    }
}
