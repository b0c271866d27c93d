using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Stations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Benchmarks;

/// <summary>Committing a 10,000-row CSV import (dry-run checks, one transaction, audit, search index) into a fresh SQLite database. Target: &lt; 10 s.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private byte[] _csv = [];
    private string _directory = "";
    private StationTransferService _service = default!;

    private sealed class Factory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(10_000);
        var rows = Enumerable.Range(0, 10_000).Select(i => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["id"] = $"bulk-{i:00000}", ["type"] = StationTypes.All[i % StationTypes.All.Count].ToSlug(),
            ["name_zh"] = $"测试站点{i}", ["name_en"] = $"Test station {i}", ["address_zh"] = $"静安区测试路{i}号",
            ["street"] = StreetTown.All[i % 14].Slug, ["phone"] = $"021-6{i:0000000}", ["hours"] = "mon-fri 09:00-11:30 13:00-17:00",
            ["latitude"] = (31.22 + random.NextDouble() * 0.09).ToString("0.000000"), ["longitude"] = (121.43 + random.NextDouble() * 0.04).ToString("0.000000"),
            ["location_tier"] = "approximate", ["services_zh"] = "法律咨询\n人民调解",
        }).ToList();
        using var stream = new MemoryStream();
        StationTransferService.WriteCsv(stream, rows);
        _csv = stream.ToArray();
    }

    [IterationSetup]
    public void NewDatabase()
    {
        _directory = Path.Combine(Path.GetTempPath(), "lsm-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, "bench.db")}").Options;
        var factory = new Factory(options);
        using (var db = factory.CreateDbContext())
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
        var state = new SpatialState(Options.Create(new LegalServiceMap.Core.Spatial.Isochrones.IsochroneOptions()),
            new Gazetteer(Options.Create(new LegalServiceMap.Web.Setup.MapOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<Gazetteer>.Instance));
        var queries = new StationQueries(factory, state);
        var metrics = new LegalServiceMap.Web.Setup.AppMetrics(new NoMeters());
        var security = new LegalServiceMap.Web.Features.Audit.SecurityEvents(factory, metrics, TimeProvider.System,
            Options.Create(new LegalServiceMap.Web.Features.Audit.AuditOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<LegalServiceMap.Web.Features.Audit.SecurityEvents>.Instance);
        _service = new StationTransferService(factory, queries, new BoundaryService(factory, state), TimeProvider.System, security);
    }

    /// <summary>Checking the same file without saving (what staff wait for before they confirm), with progress reported.</summary>
    [Benchmark]
    public int Check10000RowsCsv()
    {
        var reports = 0;
        var report = _service.ImportAsync(new MemoryStream(_csv), "bulk.csv", commit: false, "benchmark", default, new Counter(() => reports++)).GetAwaiter().GetResult();
        if (report.CanCommit is false || reports < 10_000 / StationTransferService.ProgressStep) throw new InvalidOperationException("not checked with progress");
        return report.Rows.Count;
    }

    private sealed class Counter(Action report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report();
    }

    /// <summary>Committing it, saved in chunks of <see cref="StationTransferService.ProgressStep"/> rows inside one transaction, with progress reported.</summary>
    [Benchmark]
    public int Import10000RowsCsv()
    {
        var report = _service.ImportAsync(new MemoryStream(_csv), "bulk.csv", commit: true, "benchmark", default, new Counter(() => { })).GetAwaiter().GetResult();
        if (!report.Committed) throw new InvalidOperationException(report.FileError ?? "not committed");
        return report.Rows.Count;
    }

    [IterationCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, true); } catch (IOException) { }
    }

    private sealed class NoMeters : System.Diagnostics.Metrics.IMeterFactory
    {
        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options) => new(options);
        public void Dispose() { }
    }
}
