using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Stations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Tests.Infrastructure;

/// <summary>
/// A private database for one test, migrated and seeded from the shipped data/stations.json: an SQLite file (the
/// default) or a new database on the tests' PostgreSQL + PostGIS server, registered the way the app registers it.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lsm-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public TestDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = provider == DatabaseProvider.Postgres ? PostgresServer.Instance.CreateDatabase() : $"Data Source={Path.Combine(_directory, "test.db")}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSetup.ProviderKey] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Stations"] = ConnectionString,
        }).Build();
        _services = new ServiceCollection().AddAppDatabase(configuration, _directory).BuildServiceProvider();
        Factory = _services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        using var db = Factory.CreateDbContext();
        db.Database.Migrate();
        Seeder().ApplyAsync(db).GetAwaiter().GetResult();
        StationSearchIndex.RebuildAsync(db).GetAwaiter().GetResult();
        State = NewState();
        Queries = new StationQueries(Factory, State);
        Queries.ReloadAsync().GetAwaiter().GetResult();
    }

    public string ConnectionString { get; }
    public IDbContextFactory<AppDbContext> Factory { get; }
    public StationQueries Queries { get; }
    public LegalServiceMap.Web.Spatial.SpatialState State { get; }
    public LegalServiceMap.Web.Setup.AppMetrics Metrics { get; } = new(new TestMeterFactory());
    public LegalServiceMap.Web.Features.Audit.SecurityEvents Security =>
        new(Factory, Metrics, TimeProvider.System, Options.Create(new LegalServiceMap.Web.Features.Audit.AuditOptions()), NullLogger<LegalServiceMap.Web.Features.Audit.SecurityEvents>.Instance);

    /// <summary>An empty spatial snapshot owner with default options.</summary>
    public static LegalServiceMap.Web.Spatial.SpatialState NewState() => new(
        Options.Create(new LegalServiceMap.Core.Spatial.Isochrones.IsochroneOptions()),
        new LegalServiceMap.Web.Spatial.Gazetteer(Options.Create(new LegalServiceMap.Web.Setup.MapOptions()), NullLogger<LegalServiceMap.Web.Spatial.Gazetteer>.Instance));

    public static StationSeeder Seeder(string? file = null, string? divisions = null) =>
        new(Options.Create(new SeedOptions { StationsFile = file ?? "data/stations.json", DivisionsFile = divisions ?? "data/generated/divisions.json" }),
            new LegalServiceMap.Web.Spatial.Gazetteer(Options.Create(new LegalServiceMap.Web.Setup.MapOptions()), NullLogger<LegalServiceMap.Web.Spatial.Gazetteer>.Instance),
            NullLogger<StationSeeder>.Instance);

    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(Factory);
        services.AddSingleton(Queries);
        services.AddSingleton(State);
        services.AddSingleton(Metrics);
        services.AddSingleton(Security);
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Meters for a test: created as asked, not shared with an app's meter factory.</summary>
    public sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options) => new(options);

        public void Dispose() { }
    }
}
