using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Features.Staff.Audit;
using LegalServiceMap.Web.Features.Stations;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Spatial;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LegalServiceMap.Web.Tests.Infrastructure;

/// <summary>
/// A private database for one test, migrated and seeded from the shipped data/stations.json: an SQLite file (the
/// default) or a new database on the tests' PostgreSQL + PostGIS server. Its services are the app's own, registered by
/// the app's <see cref="ApplicationSetup.AddApplication"/> on this database's configuration; its spatial snapshot is
/// loaded as the app loads it at start.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lsm-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public TestDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = provider == DatabaseProvider.Postgres ? PostgresServer.Instance.CreateDatabase() : $"Data Source={Path.Combine(_directory, "test.db")}";
        Configuration = Settings(new Dictionary<string, string?>
        {
            [DatabaseSetup.ProviderKey] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Stations"] = ConnectionString,
        }.Concat(settings ?? new Dictionary<string, string?>()));
        Environment = new TestEnvironment(_directory);
        _services = AppServices(Configuration, Environment).BuildServiceProvider();
        using (var db = Factory.CreateDbContext())
        {
            db.Database.Migrate();
            Service<StationSeeder>().ApplyAsync(db).GetAwaiter().GetResult();
            StationSearchIndex.RebuildAsync(db).GetAwaiter().GetResult();
        }
        Store.LoadAllAsync().GetAwaiter().GetResult();
    }

    public string ConnectionString { get; }
    public IConfiguration Configuration { get; }
    public IHostEnvironment Environment { get; }

    /// <summary>One of the app's services on this database.</summary>
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public IDbContextFactory<AppDbContext> Factory => Service<IDbContextFactory<AppDbContext>>();
    public StationQueries Queries => Service<StationQueries>();
    public SpatialState State => Service<SpatialState>();
    public SpatialStore Store => Service<SpatialStore>();
    public AppMetrics Metrics => Service<AppMetrics>();
    public SecurityEvents Security => Service<SecurityEvents>();

    /// <summary>
    /// The app's registrations on this database, for a component test's container: the same <c>AddApplication</c> and
    /// this database's loaded snapshot (so the component sees what the database holds without loading it again).
    /// </summary>
    public void AddTo(IServiceCollection services)
    {
        AddAppServices(services, Configuration, Environment);
        services.AddSingleton(State);
    }

    /// <summary>A seeder for other seed or register files than the shipped ones, built as the app builds it.</summary>
    public static StationSeeder Seeder(string? file = null, string? divisions = null)
    {
        var configuration = Settings(new Dictionary<string, string?>
        {
            ["Seed:StationsFile"] = file ?? "data/stations.json",
            ["Seed:DivisionsFile"] = divisions ?? "data/generated/divisions.json",
        });
        return AppServices(configuration, new TestEnvironment(Path.GetTempPath())).BuildServiceProvider().GetRequiredService<StationSeeder>();
    }

    /// <summary>Another instance of the app's services on an existing database (as a restarted app would have them), nothing loaded yet.</summary>
    public static ServiceProvider AppOn(string connectionString) =>
        AppServices(Settings([new("ConnectionStrings:Stations", connectionString)]), new TestEnvironment(Path.GetTempPath())).BuildServiceProvider();

    /// <summary>The app's services as the app registers them, for a test that builds its own container.</summary>
    public static IServiceCollection AppServices(IConfiguration configuration, IHostEnvironment environment) =>
        AddAppServices(new ServiceCollection(), configuration, environment);

    private static IServiceCollection AddAppServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(configuration);
        services.AddSingleton(environment);
        if (environment is Microsoft.AspNetCore.Hosting.IWebHostEnvironment web) services.AddSingleton(web);
        services.AddLogging();
        services.AddApplication(configuration, environment);
        return services;
    }

    /// <summary>A configuration: no tiles, no background sync or purge (tests run them where they are the subject).</summary>
    private static IConfiguration Settings(IEnumerable<KeyValuePair<string, string?>> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Map:TileUrl"] = "",
            [DataSync.SecondsKey] = "0",
            ["Retention:Enabled"] = "false",
        }.Concat(values).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value)).Build();

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private sealed class TestEnvironment(string contentRoot) : Microsoft.AspNetCore.Hosting.IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = contentRoot;
        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "LegalServiceMap.Web";
        public string ContentRootPath { get; set; } = contentRoot;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
