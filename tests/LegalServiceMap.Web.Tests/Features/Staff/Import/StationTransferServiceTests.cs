using LegalServiceMap.Web.Features.Staff.Stations;
using LegalServiceMap.Web.Features.Staff.Import;
using System.Text;
using System.Text.Json;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Tests.Features.Staff.Import;

/// <summary>Run on each engine: <see cref="StationTransferServiceTestsOnSqlite"/> and <see cref="StationTransferServiceTestsOnPostgres"/>.</summary>
public abstract class StationTransferServiceTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestDatabase _db = new(provider);

    static StationTransferServiceTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private StationTransferService Service => new(_db.Factory, _db.Store, _db.State, new FixedClock(BunitSetup.TuesdayMorning), _db.Security);

    private async Task<byte[]> ExportAsync(TransferFormat format)
    {
        using var stream = new MemoryStream();
        await Service.ExportAsync(stream, format);
        return stream.ToArray();
    }

    private async Task<string> CsvAsync() => StationTransferService.Decode(await ExportAsync(TransferFormat.Csv));

    private async Task<ImportReport> ImportAsync(byte[] bytes, string name, bool commit) =>
        await Service.ImportAsync(new MemoryStream(bytes), name, commit, "importer@example.org");

    private async Task<string> Snapshot()
    {
        await using var db = _db.Factory.CreateDbContext();
        var stations = await db.Stations.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        return string.Join("\n", stations.Select(s => string.Join("|", StationTable.ToRow(s).Values)));
    }

    /// <summary>Records every report, in order (no threads, no sleeps).</summary>
    private sealed class Recorder(Action<ImportProgress>? then = null) : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];
        public void Report(ImportProgress value)
        {
            Reports.Add(value);
            then?.Invoke(value);
        }
    }

    private static byte[] NewStationsCsv(int count) => Encoding.UTF8.GetBytes("id,type,name_zh,name_en\r\n" +
        string.Concat(Enumerable.Range(0, count).Select(i => $"bulk-{i},law-firm,律所{i},Law firm {i}\r\n")));

    [Fact]
    public async Task Import_ReportsRowsDoneOfTheTotal_WhileCheckingSavingAndIndexing()
    {
        var recorder = new Recorder();
        var report = await Service.ImportAsync(new MemoryStream(NewStationsCsv(600)), "bulk.csv", commit: true, "importer@example.org", default, recorder);
        Assert.True(report.Committed);
        var checking = recorder.Reports.Where(r => r.Phase == ImportPhase.Checking).ToList();
        Assert.Equal([0, 250, 500, 600], checking.Select(r => r.Done));
        Assert.All(checking, r => Assert.Equal(600, r.Total));
        var saving = recorder.Reports.Where(r => r.Phase == ImportPhase.Saving).Select(r => r.Done).ToList();
        Assert.Equal([0, 250, 500, 600], saving);
        Assert.Equal(ImportPhase.Indexing, recorder.Reports[^1].Phase);
        Assert.Equal(recorder.Reports.OrderBy(r => r.Phase).ThenBy(r => r.Done), recorder.Reports); // it only moves forward
    }

    [Fact]
    public async Task Import_CancelledWhileSaving_SavesNothing()
    {
        var before = await Snapshot();
        using var cancel = new CancellationTokenSource();
        var recorder = new Recorder(p => { if (p is { Phase: ImportPhase.Saving, Done: 250 }) cancel.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Service.ImportAsync(new MemoryStream(NewStationsCsv(600)), "bulk.csv", commit: true, "importer@example.org", cancel.Token, recorder));
        Assert.Equal(before, await Snapshot()); // all or nothing: the first 250 rows written in the transaction are gone too
        await using var db = _db.Factory.CreateDbContext();
        Assert.False(await db.StationChanges.AnyAsync());
    }

    [Fact]
    public async Task ExportThenImport_Csv_ChangesNothing()
    {
        var report = await ImportAsync(await ExportAsync(TransferFormat.Csv), "stations.csv", commit: false);
        Assert.Null(report.FileError);
        Assert.Equal(_db.Queries.Catalog.All.Count, report.Count(ImportRowStatus.Unchanged));
        Assert.True(report.CanCommit);
    }

    [Fact]
    public async Task ExportThenImport_XlsxAndGeoJson_ChangeNothing()
    {
        foreach (var (format, name) in new[] { (TransferFormat.Xlsx, "s.xlsx"), (TransferFormat.GeoJson, "s.geojson") })
        {
            var report = await ImportAsync(await ExportAsync(format), name, commit: false);
            Assert.Null(report.FileError);
            Assert.True(report.Count(ImportRowStatus.Unchanged) == report.Rows.Count,
                name + ": " + string.Join("; ", report.Rows.Where(r => r.Status != ImportRowStatus.Unchanged).Select(r => $"{r.Id} {string.Join(",", r.ChangedFields)} {string.Join(",", r.Problems.Select(p => p.Key))}")));
        }
    }

    [Fact]
    public async Task GbkCsvFromExcel_WithAChangedPhone_IsReadAndCommittedWithAudit()
    {
        var csv = (await CsvAsync()).Replace("judicial-office-linfenlu,310106021,,judicial-office,临汾路街道司法所,", "judicial-office-linfenlu,310106021,,judicial-office,临汾路街道司法所（新）,");
        var gbk = Encoding.GetEncoding(936).GetBytes(csv);

        var dry = await ImportAsync(gbk, "stations.csv", commit: false);
        var changed = Assert.Single(dry.Rows, r => r.Status == ImportRowStatus.Changed);
        Assert.Equal("judicial-office-linfenlu", changed.Id);
        Assert.Equal(["name_zh"], changed.ChangedFields);
        Assert.Equal("临汾路街道司法所", _db.Queries.Find("judicial-office-linfenlu")!.NameZh); // a dry run saves nothing

        var done = await ImportAsync(gbk, "stations.csv", commit: true);
        Assert.True(done.Committed);
        Assert.Equal("临汾路街道司法所（新）", _db.Queries.Find("judicial-office-linfenlu")!.NameZh);
        await using var db = _db.Factory.CreateDbContext();
        var audit = await db.StationChanges.SingleAsync();
        Assert.Equal(("import", "nameZh", "importer@example.org"), (audit.Action, audit.Field, audit.User));
    }

    [Fact]
    public async Task RowsWithFormulasOrBadValues_AreReported_AndCommitSavesNothing()
    {
        var before = await Snapshot();
        var csv = await CsvAsync();
        var lines = csv.Split("\r\n").ToList();
        lines[1] = lines[1].Replace(lines[1].Split(',')[4], "=HYPERLINK(\"http://x\")"); // name_zh, after id, street_code, division_code, type
        var cells = lines[2].Split(',', 5);
        lines[2] = $"{cells[0]},{cells[1]},{cells[2]},spaceport,{cells[4]}";
        lines.Insert(3, lines[4]); // a duplicate id
        var report = await ImportAsync(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), "bad.csv", commit: true);

        Assert.False(report.Committed);
        Assert.False(report.CanCommit);
        var invalid = report.Rows.Where(r => r.Status == ImportRowStatus.Invalid).SelectMany(r => r.Problems.Select(p => p.Key)).ToList();
        Assert.Contains("Import_Formula", invalid);
        Assert.Contains("Import_BadType", invalid);
        Assert.Contains("Import_Duplicate", invalid);
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task CoordinatesOutsideTheDistrict_AreReported()
    {
        const string csv = "id,type,name_zh,name_en,street,latitude,longitude\r\nnew-one,notary,新公证处,New Notary,beizhan,39.9,116.4\r\n";
        var report = await ImportAsync(Encoding.UTF8.GetBytes(csv), "new.csv", commit: false);
        Assert.Equal("Import_OutsideDistrict", Assert.Single(report.Rows).Problems.Single().Key);
    }

    [Fact]
    public async Task NewStation_FromGeoJson_IsAdded()
    {
        const string geojson = """
            { "type": "FeatureCollection", "features": [ { "type": "Feature", "geometry": { "type": "Point", "coordinates": [121.4677, 31.2481] },
              "properties": { "id": "new-workstation", "type": "service-centre", "name_zh": "新工作站", "name_en": "New Workstation", "street": "北站街道", "location_tier": "surveyed" } } ] }
            """;
        var report = await ImportAsync(Encoding.UTF8.GetBytes(geojson), "new.geojson", commit: true);
        Assert.True(report.Committed);
        var s = _db.Queries.Find("new-workstation")!;
        Assert.Equal(("beizhan", LocationTier.Surveyed), (s.Street, s.LocationTier));
    }

    [Theory]
    [InlineData("garbage.csv", "not,a,station,file\r\n1,2,3,4\r\n", "Import_Unreadable")]
    [InlineData("stations.pdf", "%PDF-1.4", "Import_FileType")]
    [InlineData("broken.xlsx", "PK this is not a zip", "Import_Unreadable")]
    [InlineData("broken.geojson", "{ not json", "Import_Unreadable")]
    [InlineData("empty.csv", "id,type,name_zh,name_en\r\n", "Import_Empty")]
    public async Task MalformedFiles_AreRejectedWithAReason_AndNothingChanges(string name, string content, string error)
    {
        var before = await Snapshot();
        var report = await ImportAsync(Encoding.UTF8.GetBytes(content), name, commit: true);
        Assert.Equal(error, report.FileError);
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task TenMegabytesOfGarbage_IsRejectedWithoutCrashing()
    {
        var garbage = new byte[10 * 1024 * 1024 + 1];
        new Random(1).NextBytes(garbage);
        var report = await ImportAsync(garbage, "huge.csv", commit: true);
        Assert.Equal("Import_FileTooLarge", report.FileError);
        var almost = garbage[..(10 * 1024 * 1024)];
        Assert.Equal("Import_Unreadable", (await ImportAsync(almost, "noise.csv", commit: true)).FileError);
    }

    [Fact]
    public async Task Export_EscapesCellsThatSpreadsheetsWouldRunAsFormulas()
    {
        var loaded = (await new StationEditService(_db.Factory, _db.Store, TimeProvider.System, _db.Security).LoadAsync("notary-jingan"))!;
        var form = loaded.Copy();
        form["noteEn"] = "=HYPERLINK(\"http://evil\",\"click\")";
        await new StationEditService(_db.Factory, _db.Store, TimeProvider.System, _db.Security).SaveAsync(form, loaded, "editor");
        var csv = await CsvAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        // And our own export reads back unchanged (the apostrophe is ours).
        var report = await ImportAsync(Encoding.UTF8.GetBytes(csv), "again.csv", commit: false);
        Assert.Equal(report.Rows.Count, report.Count(ImportRowStatus.Unchanged));
    }

    public void Dispose() => _db.Dispose();
}

public sealed class StationTransferServiceTestsOnSqlite() : StationTransferServiceTests(DatabaseProvider.Sqlite);
public sealed class StationTransferServiceTestsOnPostgres() : StationTransferServiceTests(DatabaseProvider.Postgres);
