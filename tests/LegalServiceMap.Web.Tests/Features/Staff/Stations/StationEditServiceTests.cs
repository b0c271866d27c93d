using LegalServiceMap.Web.Features.Staff.Stations;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Tests.Features.Staff.Stations;

/// <summary>Run on each engine: <see cref="StationEditServiceTestsOnSqlite"/> and <see cref="StationEditServiceTestsOnPostgres"/>.</summary>
public abstract class StationEditServiceTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestDatabase _db = new(provider);
    private StationEditService Service => new(_db.Factory, _db.Store, new FixedClock(BunitSetup.TuesdayMorning), _db.Security);

    [Fact]
    public async Task Save_WritesOneAuditRowPerChangedField_AndTheCatalogShowsIt()
    {
        var loaded = (await Service.LoadAsync("notary-zhabei"))!;
        var form = loaded.Copy();
        form["phone"] = "021-12345678";
        form["hours"] = "mon-fri 09:00-11:30 13:00-17:00";
        form["lastVerified"] = Service.TodayInShanghai().ToString("yyyy-MM-dd");

        var result = await Service.SaveAsync(form, loaded, "editor@example.org");

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        Assert.Equal(loaded.Version + 1, result.Version);
        var history = await Service.HistoryAsync("notary-zhabei");
        Assert.Equal(["hours", "lastVerified", "phone"], history.Select(h => h.Field).Order());
        Assert.All(history, h => Assert.Equal("editor@example.org", h.User));
        Assert.Single(history.Select(h => h.ChangeSet).Distinct());
        Assert.Equal("2026-12-01", history.Single(h => h.Field == "lastVerified").NewValue);
        var station = _db.Queries.Find("notary-zhabei")!;
        Assert.Equal("021-12345678", station.Phone);
        Assert.Equal(10, station.Hours.Count);
        Assert.True(station.IsVerified);
        Assert.Null(station.SeedVersion); // a later seed will not overwrite the staff edit
    }

    [Fact]
    public async Task SecondSaveOfTheSameVersion_IsRefusedWithWhatTheOtherPersonChanged()
    {
        var aliceLoaded = (await Service.LoadAsync("judicial-office-beizhan"))!;
        var bobLoaded = (await Service.LoadAsync("judicial-office-beizhan"))!;
        var alice = aliceLoaded.Copy();
        alice["phone"] = "021-11111111";
        var bob = bobLoaded.Copy();
        bob["addressZh"] = "静安区某路1号";

        Assert.Equal(SaveOutcome.Saved, (await Service.SaveAsync(alice, aliceLoaded, "alice")).Outcome);
        var second = await Service.SaveAsync(bob, bobLoaded, "bob");

        Assert.Equal(SaveOutcome.Conflict, second.Outcome);
        var change = Assert.Single(second.Conflicts);
        Assert.Equal(("phone", null, "021-11111111"), (change.Field, change.WhenLoaded, change.Now));
        await using var db = _db.Factory.CreateDbContext();
        var saved = await db.Stations.SingleAsync(s => s.Id == "judicial-office-beizhan");
        Assert.Equal("021-11111111", saved.Phone);
        Assert.Null(saved.AddressZh); // nothing of Bob's was written
        Assert.DoesNotContain(await db.StationChanges.ToListAsync(), c => c.User == "bob");
    }

    [Theory]
    [InlineData("nameZh", "")]
    [InlineData("phone", "call me maybe")]
    [InlineData("hours", "every day, nine to five")]
    [InlineData("latitude", "95")]
    public async Task InvalidInput_IsRefusedAndNothingIsSaved(string field, string value)
    {
        var loaded = (await Service.LoadAsync("notary-jingan"))!;
        var form = loaded.Copy();
        form["noteEn"] = "this would be saved if the form were valid";
        form[field] = value;
        if (field == "latitude") (form["longitude"], form["street"]) = ("121.4", "beizhan");
        var result = await Service.SaveAsync(form, loaded, "editor");
        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey(field));
        await using var db = _db.Factory.CreateDbContext();
        Assert.NotEqual("this would be saved if the form were valid", (await db.Stations.SingleAsync(s => s.Id == "notary-jingan")).NoteEn);
        Assert.Empty(await db.StationChanges.ToListAsync());
    }

    [Fact]
    public async Task Save_UpdatesTheSearchIndex()
    {
        var loaded = (await Service.LoadAsync("notary-jingan"))!;
        var form = loaded.Copy();
        form["addressZh"] = "静安区测试大道1号";
        await Service.SaveAsync(form, loaded, "editor");
        var found = await _db.Queries.ListAsync(new LegalServiceMap.Web.Features.Stations.StationFilter(Query: "测试大道"));
        Assert.Equal("notary-jingan", Assert.Single(found).Id);
    }

    [Fact]
    public async Task NothingChanged_IsReportedAndNotAudited()
    {
        var loaded = (await Service.LoadAsync("notary-jingan"))!;
        Assert.Equal(SaveOutcome.Unchanged, (await Service.SaveAsync(loaded.Copy(), loaded, "editor")).Outcome);
        Assert.Empty(await Service.HistoryAsync("notary-jingan"));
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>Run on each engine: <see cref="StationRestoreTestsOnSqlite"/> and <see cref="StationRestoreTestsOnPostgres"/>.</summary>
public abstract class StationRestoreTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestDatabase _db = new(provider);
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
    private StationEditService Service => new(_db.Factory, _db.Store, _clock, _db.Security);

    private async Task EditAsync(Action<StationForm> change, string user)
    {
        var loaded = (await Service.LoadAsync("notary-zhabei"))!;
        var form = loaded.Copy();
        change(form);
        Assert.Equal(SaveOutcome.Saved, (await Service.SaveAsync(form, loaded, user)).Outcome);
        _clock.Now = _clock.Now.AddMinutes(1); // each edit a minute after the last
    }

    [Fact]
    public async Task Restore_BeforeAChange_UndoesItAndEverythingAfter_AndIsAuditedItself()
    {
        await EditAsync(f => f["phone"] = "021-11111111", "a");
        await EditAsync(f => { f["phone"] = "021-22222222"; f["hours"] = "mon 09:00-12:00"; }, "b");
        await EditAsync(f => f["noteEn"] = "third edit", "c");
        var history = await Service.HistoryAsync("notary-zhabei");
        var second = history.Single(h => h.User == "b" && h.Field == "phone").ChangeSet;

        var result = await Service.RestoreAsync("notary-zhabei", second, "admin");

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var s = _db.Queries.Find("notary-zhabei")!;
        Assert.Equal("021-11111111", s.Phone); // as after the first edit
        Assert.Empty(s.Hours);
        Assert.NotEqual("third edit", s.NoteEn);
        var restore = (await Service.HistoryAsync("notary-zhabei")).Where(h => h.Action == "restore").ToList();
        Assert.Equal(["hours", "noteEn", "phone"], restore.Select(r => r.Field).Order());
        Assert.All(restore, r => Assert.Equal("admin", r.User));
    }

    [Fact]
    public async Task Restore_UnknownChangeSet_IsNotFound() =>
        Assert.Equal(SaveOutcome.NotFound, (await Service.RestoreAsync("notary-zhabei", "nope", "admin")).Outcome);

    public void Dispose() => _db.Dispose();
}

/// <summary>Run on each engine: <see cref="StationClosureTestsOnSqlite"/> and <see cref="StationClosureTestsOnPostgres"/>.</summary>
public abstract class StationClosureTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestDatabase _db = new(provider);
    private StationEditService Service => new(_db.Factory, _db.Store, TimeProvider.System, _db.Security);

    [Fact]
    public async Task ClosedForGood_LeavesTheMapAndNearest_ButItsPageStays()
    {
        var loaded = (await Service.LoadAsync("judicial-office-beizhan"))!;
        var form = loaded.Copy();
        form["status"] = "closed";
        form["closureReasonZh"] = "已合并";
        Assert.Equal(SaveOutcome.Saved, (await Service.SaveAsync(form, loaded, "admin")).Outcome);

        Assert.DoesNotContain(await _db.Queries.ListAsync(new LegalServiceMap.Web.Features.Stations.StationFilter()), s => s.Id == "judicial-office-beizhan");
        Assert.DoesNotContain(_db.Queries.Nearest(new LegalServiceMap.Core.Geo.GeoPoint(31.248121, 121.467748), 3, null), h => h.Station.Id == "judicial-office-beizhan");
        Assert.NotNull(_db.Queries.Find("judicial-office-beizhan"));
        Assert.Contains(await Service.HistoryAsync("judicial-office-beizhan"), h => h.Field == "status" && h.NewValue == "closed");
    }

    [Fact]
    public async Task ClosureDates_InTheWrongOrder_AreRefused()
    {
        var loaded = (await Service.LoadAsync("notary-jingan"))!;
        var form = loaded.Copy();
        form["status"] = "temporarily-closed";
        form["closedFrom"] = "2026-12-10";
        form["closedUntil"] = "2026-12-01";
        var result = await Service.SaveAsync(form, loaded, "editor");
        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal("Edit_ErrorClosureDates", result.Errors["closedUntil"]);
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>Run on each engine: <see cref="StationCreateTestsOnSqlite"/> and <see cref="StationCreateTestsOnPostgres"/>.</summary>
public abstract class StationCreateTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestDatabase _db = new(provider);
    private StationEditService Service => new(_db.Factory, _db.Store, TimeProvider.System, _db.Security);

    [Fact]
    public async Task Create_AddsTheStation_AuditedAsCreate()
    {
        var form = StationForm.New();
        (form.Id, form["type"], form["nameZh"], form["nameEn"]) = ("workstation-test", StationType.ServiceCentre.ToSlug(), "测试工作站", "Test Workstation");
        Assert.Equal(SaveOutcome.Saved, (await Service.CreateAsync(form, "admin")).Outcome);
        Assert.Equal("测试工作站", _db.Queries.Find("workstation-test")!.NameZh);
        var history = await Service.HistoryAsync("workstation-test");
        Assert.All(history, h => Assert.Equal("create", h.Action));
        Assert.Contains(history, h => h.Field == "nameEn" && h.NewValue == "Test Workstation");
    }

    [Theory]
    [InlineData("notary-jingan", "Edit_ErrorIdTaken")]
    [InlineData("Bad Id!", "Edit_ErrorBadId")]
    [InlineData("", "Edit_ErrorBadId")]
    public async Task Create_BadOrTakenId_IsRefused(string id, string error)
    {
        var form = StationForm.New();
        (form.Id, form["type"], form["nameZh"], form["nameEn"]) = (id, StationType.Notary.ToSlug(), "甲", "A");
        var result = await Service.CreateAsync(form, "admin");
        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(error, result.Errors["id"]);
    }

    public void Dispose() => _db.Dispose();
}

public sealed class StationEditServiceTestsOnSqlite() : StationEditServiceTests(DatabaseProvider.Sqlite);
public sealed class StationEditServiceTestsOnPostgres() : StationEditServiceTests(DatabaseProvider.Postgres);
public sealed class StationRestoreTestsOnSqlite() : StationRestoreTests(DatabaseProvider.Sqlite);
public sealed class StationRestoreTestsOnPostgres() : StationRestoreTests(DatabaseProvider.Postgres);
public sealed class StationClosureTestsOnSqlite() : StationClosureTests(DatabaseProvider.Sqlite);
public sealed class StationClosureTestsOnPostgres() : StationClosureTests(DatabaseProvider.Postgres);
public sealed class StationCreateTestsOnSqlite() : StationCreateTests(DatabaseProvider.Sqlite);
public sealed class StationCreateTestsOnPostgres() : StationCreateTests(DatabaseProvider.Postgres);
