namespace BarHarness.TestServer;

/// <summary>A file the user named that cannot be read or written: an input error at that file, not a crash.</summary>
internal static class UserFile
{
    public static T Access<T>(string path, int line, string doing, string? expected, Func<T> access)
    {
        try
        {
            return access();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HarnessInputException(
                new SourceLocation(path, line), $"cannot {doing}: {ex.Message}", expected, ex);
        }
    }
}
