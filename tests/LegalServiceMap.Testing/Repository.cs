namespace LegalServiceMap.Testing;

public static class Repository
{
    /// <summary>The folder holding LegalServiceMap.sln, found upwards from the running test assembly.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "LegalServiceMap.sln"))) return dir.FullName;
            throw new InvalidOperationException("LegalServiceMap.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The shared reference data beside the repository (../shared/data).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>
    /// Whether ../shared/data is there. Absent outside CI, a test that needs it may skip; in CI its absence is a failure.
    /// </summary>
    public static bool SharedDataPresent()
    {
        if (Directory.Exists(SharedData)) return true;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Shared reference data not found at {SharedData}; CI must provide it.");
        return false;
    }
}
