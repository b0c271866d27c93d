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
}
