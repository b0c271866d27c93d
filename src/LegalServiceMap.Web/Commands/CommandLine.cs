using LegalServiceMap.Web.Features.Staff.Accounts;
using System.Diagnostics;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Spatial;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Commands;

/// <summary>
/// Maintenance commands, run instead of the web server:
/// <code>
/// dotnet run --project src/LegalServiceMap.Web -- import-osm FILE.osm|FILE.osm.pbf [--clip BOUNDARY.geojson] [--clip-gcj02]
/// dotnet run --project src/LegalServiceMap.Web -- import-boundaries FILE.geojson --kind district|street [--name-property NAME] [--gcj02]
/// dotnet run --project src/LegalServiceMap.Web -- geocode-quality LABELLED.csv
/// dotnet run --project src/LegalServiceMap.Web -- backup [--to DIRECTORY]
/// dotnet run --project src/LegalServiceMap.Web -- restore FILE --yes
/// </code>
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import-osm" or "import-boundaries" or "geocode-quality" or "create-admin" or "create-editor" or "backup" or "restore" or "help";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            return args[0] switch
            {
                "import-osm" => await ImportOsmAsync(app, args),
                "import-boundaries" => await ImportBoundariesAsync(app, args),
                "geocode-quality" => GeocodeQualityReport(app, args),
                "create-admin" => await CreateAccountAsync(app, args, StaffRoles.Admin),
                "create-editor" => await CreateAccountAsync(app, args, StaffRoles.Editor),
                "backup" or "restore" when Data.DatabaseSetup.ProviderOf(app.Configuration) == Data.DatabaseProvider.Postgres => PostgresBackupHelp(),
                "backup" => await BackupAsync(app, args),
                "restore" => await RestoreAsync(app, args),
                _ => Usage(),
            };
        }
        catch (Exception ex) when (ex is IOException or FormatException or System.Xml.XmlException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              import-osm FILE.osm|FILE.osm.pbf [--clip BOUNDARY.geojson] [--clip-gcj02]
              import-boundaries FILE.geojson --kind district|street [--name-property NAME] [--gcj02]
              geocode-quality LABELLED.csv     (query,lat,lng[,form]; prints match rate and median / p90 error)
              create-admin --email EMAIL       (password from LSM_STAFF_PASSWORD, or asked for; at least 12 characters)
              create-editor --email EMAIL
              backup [--to DIRECTORY]          (an online, consistent copy while the app runs; default: backups/ beside the database)
              restore FILE --yes               (replaces the database with a backup; stop every app instance first)
            """);
        return 2;
    }

    private static async Task<int> BackupAsync(WebApplication app, string[] args)
    {
        var directory = Option(args, "--to") is { } to ? Path.GetFullPath(to) : DefaultBackupDirectory(app);
        var path = await app.Services.GetRequiredService<DatabaseBackup>().BackupAsync(directory);
        await app.Services.GetRequiredService<Features.Staff.Audit.SecurityEvents>().RecordAsync(Features.Staff.Audit.SecurityEventKind.DatabaseBackedUp, null, null,
            Path.GetFileName(path));
        Console.WriteLine(path);
        return 0;
    }

    private static async Task<int> RestoreAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal)) return Usage();
        if (!args.Contains("--yes"))
        {
            Console.Error.WriteLine("restore replaces every station, submission and account with the backup's; stop every app instance, then run it again with --yes");
            return 2;
        }
        var result = await app.Services.GetRequiredService<DatabaseBackup>().RestoreAsync(Path.GetFullPath(args[1]));
        if (result.Problem is { } problem)
        {
            Console.Error.WriteLine($"error: {args[1]}: {problem}; nothing was changed");
            return 1;
        }
        await app.Services.GetRequiredService<Features.Staff.Audit.SecurityEvents>().RecordAsync(Features.Staff.Audit.SecurityEventKind.DatabaseRestored, null, null,
            Path.GetFileName(args[1]));
        Console.WriteLine($"restored: {result.Stations} stations, {result.Submissions} submissions");
        return 0;
    }

    /// <summary>On PostgreSQL the server's own tools back up and restore (README, "Operations").</summary>
    private static int PostgresBackupHelp()
    {
        Console.Error.WriteLine("On PostgreSQL, back up with the server's tools: pg_dump --format=custom --file=FILE DBNAME; restore into an empty database with pg_restore --dbname=DBNAME FILE (see README, \"Operations\").");
        return 2;
    }

    /// <summary>backups/ beside the SQLite file.</summary>
    private static string DefaultBackupDirectory(WebApplication app)
    {
        using var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "backups");
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>`dotnet run --project` starts in the project folder: a relative path that is not found there is tried from the repository root.</summary>
    private static string Resolve(WebApplication app, string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return path;
        var fromRoot = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, "..", "..", path));
        return File.Exists(fromRoot) ? fromRoot : path;
    }

    private static async Task<int> ImportOsmAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--")) return Usage();
        var file = Resolve(app, args[1]);
        NetTopologySuite.Geometries.Geometry? clip = null;
        if (Option(args, "--clip") is { } clipFile)
        {
            await using var clipStream = File.OpenRead(Resolve(app, clipFile));
            var system = args.Contains("--clip-gcj02") ? CoordinateSystem.Gcj02 : CoordinateSystem.Wgs84;
            var areas = GeoJson.ReadAreas(clipStream, "name", system);
            clip = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(areas.Select(a => a.Geometry).ToList());
        }
        var watch = Stopwatch.StartNew();
        var progress = new Progress<OsmImportProgress>(p =>
            Console.WriteLine($"  {watch.Elapsed.TotalSeconds,6:0.0} s  nodes {p.Nodes:N0}  ways {p.Ways:N0}  walkable {p.WalkableWays:N0}  edges {p.Edges:N0}"));
        Console.WriteLine($"Importing {file} ...");
        OsmImport import;
        await using (var stream = File.OpenRead(file))
        {
            import = OsmImporter.ImportAll(stream, OsmImporter.FormatOf(file), clip, progress);
        }
        var network = import.Network;
        if (network.EdgeCount == 0)
        {
            Console.Error.WriteLine("error: no walkable ways found (wrong file, or the clip polygon does not overlap it); nothing saved");
            return 1;
        }
        var summary = await app.Services.GetRequiredService<SpatialStore>().SaveNetworkAsync(network, import.Roads, Path.GetFileName(file));
        Console.WriteLine($"Saved walking network: {summary.Nodes:N0} nodes, {summary.Edges:N0} edges, {summary.LengthMetres / 1000:N1} km, " +
                          $"largest connected part {network.ComponentSize[0]:N0} nodes; for the geocoder {import.Roads.Roads.Count:N0} named roads " +
                          $"and {import.Roads.Addresses.Count:N0} address points; in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static async Task<int> CreateAccountAsync(WebApplication app, string[] args, string role)
    {
        if (Option(args, "--email") is not { Length: > 3 } email || !email.Contains('@')) return Usage();
        var password = Environment.GetEnvironmentVariable("LSM_STAFF_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            if (Console.IsInputRedirected)
            {
                password = Console.ReadLine();
            }
            else
            {
                Console.Write("Password (at least 12 characters): ");
                password = ReadHidden();
            }
        }
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("error: no password given");
            return 1;
        }
        var (ok, message) = await StaffAuthentication.CreateAccountAsync(app.Services, email, password, role);
        (ok ? Console.Out : Console.Error).WriteLine(ok ? message : "error: " + message);
        return ok ? 0 : 1;
    }

    private static string ReadHidden()
    {
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace && text.Length > 0) text.Length--;
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }

    private static int GeocodeQualityReport(WebApplication app, string[] args)
    {
        if (args.Length < 2) return Usage();
        using var reader = File.OpenText(Resolve(app, args[1]));
        var set = Core.Geocoding.GeocodeQuality.ReadCsv(reader);
        var report = Core.Geocoding.GeocodeQuality.Evaluate(app.Services.GetRequiredService<SpatialState>().Current.Geocoder, set);
        Console.WriteLine(report);
        foreach (var form in set.Select(s => s.Form).Distinct())
        {
            Console.WriteLine($"  {form}: {Core.Geocoding.GeocodeQuality.Evaluate(app.Services.GetRequiredService<SpatialState>().Current.Geocoder, set.Where(s => s.Form == form).ToList())}");
        }
        foreach (var (q, best, error) in report.Details.Where(d => d.ErrorMetres is null or > Core.Geocoding.GeocodeQuality.MatchRadiusMetres))
        {
            Console.WriteLine($"  miss: {q.Query} -> {best?.Label ?? "nothing"} ({error:0} m)");
        }
        return 0;
    }

    private static async Task<int> ImportBoundariesAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--")) return Usage();
        var kind = Option(args, "--kind");
        if (kind is not (StoredBoundary.District or StoredBoundary.Street)) return Usage();
        var system = args.Contains("--gcj02") ? CoordinateSystem.Gcj02 : CoordinateSystem.Wgs84;
        await using var stream = File.OpenRead(Resolve(app, args[1]));
        var areas = GeoJson.ReadAreas(stream, Option(args, "--name-property") ?? "name", system);
        var count = await app.Services.GetRequiredService<SpatialStore>().ImportBoundariesAsync(areas, kind);
        var named = areas.Select(a => SpatialStore.Official(a, kind)).Select(o => o.Code is null ? $"{o.Area.Name} (not an official {kind}: kept by its name)" : $"{o.Area.Name} {o.Code}");
        Console.WriteLine($"Imported {count} {kind} boundar{(count == 1 ? "y" : "ies")}: {string.Join(", ", named)}");
        return 0;
    }
}
