using LegalServiceMap.Web.Features.Staff.Import;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Benchmarks;

/// <summary>Committing a 10,000-row CSV import (dry-run checks, one transaction, audit, search index) into a fresh SQLite database. Target: &lt; 10 s.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private byte[] _csv = [];
    private string _directory = "";
    private StationTransferService _service = default!;
    private ServiceProvider? _app;

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
        // The app's own services (its AddApplication) on a fresh SQLite file, as the app registers them.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Stations"] = $"Data Source={Path.Combine(_directory, "bench.db")}",
        }).Build();
        _app = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddApplication(configuration, new BenchmarkEnvironment(_directory)).BuildServiceProvider();
        using (var db = _app.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
        _service = _app.CreateScope().ServiceProvider.GetRequiredService<StationTransferService>();
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
        _app?.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, true); } catch (IOException) { }
    }

    private sealed class BenchmarkEnvironment(string contentRoot) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";
        public string ApplicationName { get; set; } = "LegalServiceMap.Web";
        public string ContentRootPath { get; set; } = contentRoot;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
