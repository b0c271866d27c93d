namespace LegalServiceMap.Web.Setup;

/// <summary>Reads the reference files shipped beside the binaries in data/ (holidays, landmarks, the culture guide).</summary>
public static class DataFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    /// <summary>
    /// Parses data/<paramref name="name"/>, or returns <paramref name="missing"/> with a warning saying what is lost
    /// when the file is absent. A file that is present but malformed throws: a broken deployment should not start.
    /// </summary>
    public static T Read<T>(string name, Func<Stream, T> parse, T missing, ILogger logger, string whenMissing)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            logger.LogWarning("No {File} at {Path}: {Consequence}", name, path, whenMissing);
            return missing;
        }
        using var stream = File.OpenRead(path);
        return parse(stream);
    }
}
