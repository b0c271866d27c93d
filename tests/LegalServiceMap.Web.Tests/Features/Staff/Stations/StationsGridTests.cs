using Microsoft.Extensions.DependencyInjection;
using LegalServiceMap.Web.Features.Staff.Stations;
using Bunit;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace LegalServiceMap.Web.Tests.Features.Staff.Stations;

/// <summary>The staff stations grid: filters, quick search in both languages, paging, remembered columns, bulk actions.</summary>
public sealed class StationsGridTests : AsyncBunitContext
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private IRenderedComponent<MudPopoverProvider> _popovers = null!;

    private IRenderedComponent<StationsPage> RenderGrid(string culture = "zh-CN")
    {
        this.AddAppServices(Db, culture);
        AddAuthorization().SetAuthorized("editor@example.org").SetRoles("Editor");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _dialogs = Render<MudDialogProvider>();
        _popovers = Render<MudPopoverProvider>();
        return Render<StationsPage>();
    }

    private static IReadOnlyList<string> Ids(IRenderedComponent<StationsPage> cut) =>
        cut.FindAll("table [data-station-id]").Select(e => e.GetAttribute("data-station-id")!).ToList();

    /// <summary>Chooses a value in the filter labelled <paramref name="label"/>, on the renderer.</summary>
    private static Task SetAsync<T>(IRenderedComponent<StationsPage> cut, string label, T value) =>
        OnRendererAsync(cut, () => cut.FindComponents<MudSelect<T>>().Single(s => s.Instance.Label == label).Instance.ValueChanged.InvokeAsync(value));

    [Fact]
    public void AllStations_ArePagedTwentyFiveAtATime()
    {
        var cut = RenderGrid();
        var total = Db.Queries.Catalog.All.Count;
        Assert.True(total > 300); // the seed and the 267 committees
        Assert.Equal(25, Ids(cut).Count);
        Assert.Contains($"显示 {total} 个，共 {total} 个", cut.Markup);
    }

    [Fact]
    public async Task Filters_ByTypeStreetAndUnplaced_Combine()
    {
        var cut = RenderGrid();
        await SetAsync<StationType?>(cut, "类型", StationType.JudicialOffice);
        Assert.Equal(14, Ids(cut).Count);
        Assert.All(Ids(cut), id => Assert.StartsWith("judicial-office-", id));
        await SetAsync<string>(cut, "街镇", "beizhan");
        Assert.Equal(["judicial-office-beizhan"], Ids(cut));
        await SetAsync<StationType?>(cut, "类型", null);
        Assert.Contains("rc-310106016001", Ids(cut)); // 北站's committees too, once the type filter is cleared
        await OnRendererAsync(cut, () => cut.FindComponent<MudSwitch<bool>>().Instance.ValueChanged.InvokeAsync(true));
        Assert.All(Ids(cut), id => Assert.False(Db.Queries.Find(id)!.IsPlaced));
    }

    [Theory]
    [InlineData("联宝里")]
    [InlineData("Lianbaoli")]
    [InlineData("310106006005")]
    public async Task QuickSearch_FindsInEitherLanguageAndByCode(string query)
    {
        var cut = RenderGrid();
        await OnRendererAsync(cut, () => cut.FindComponent<MudTextField<string>>().Instance.ValueChanged.InvokeAsync(query));
        Assert.Equal(["rc-310106006005"], Ids(cut));
    }

    [Fact]
    public async Task Verification_TellsStaleFromVerifiedAndUnverified()
    {
        await using (var db = Db.Factory.CreateDbContext())
        {
            (await db.Stations.SingleAsync(s => s.Id == "notary-jingan")).LastVerified = DateOnly.FromDateTime(BunitSetup.TuesdayMorning.Date).AddDays(-200);
            (await db.Stations.SingleAsync(s => s.Id == "notary-zhabei")).LastVerified = DateOnly.FromDateTime(BunitSetup.TuesdayMorning.Date).AddDays(-20);
            await db.SaveChangesAsync();
        }
        await Db.Store.LoadAsync(LegalServiceMap.Web.Data.DataPart.Stations);
        var cut = RenderGrid();
        await SetAsync<Verification?>(cut, "核实日期", Verification.Stale);
        Assert.Equal(["notary-jingan"], Ids(cut));
        await SetAsync<Verification?>(cut, "核实日期", Verification.Verified);
        Assert.Equal(["notary-zhabei"], Ids(cut));
    }

    [Fact]
    public async Task BulkVerify_AsksFirst_ThenSavesEachWithAnAuditRow()
    {
        var cut = RenderGrid();
        await SetAsync<StationType?>(cut, "类型", StationType.Notary);
        cut.FindAll("table thead input[type=checkbox]")[0].Change(true); // select the page
        Assert.Contains("已选 2 个", cut.Markup);

        cut.Button("标记为今天已核实").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("把这 2 个地点标记为 2026-12-01 已核实", _dialogs.Markup));
        _dialogs.FindAll("button").First(b => b.TextContent.Contains("确认修改")).Click();

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAllByRole("status"), s => s.TextContent.Contains("已保存 2 个")));
        Assert.All(new[] { "notary-jingan", "notary-zhabei" }, id => Assert.Equal(DateOnly.FromDateTime(BunitSetup.TuesdayMorning.Date), Db.Queries.Find(id)!.LastVerified));
        await using var db = Db.Factory.CreateDbContext();
        var audit = await db.StationChanges.AsNoTracking().Where(c => c.Action == "bulk-verify").ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(("lastVerified", "editor@example.org"), (a.Field, a.User)));
    }

    [Fact]
    public async Task BulkAction_Cancelled_ChangesNothing()
    {
        var cut = RenderGrid();
        await SetAsync<StationType?>(cut, "类型", StationType.Notary);
        cut.FindAll("table thead input[type=checkbox]")[0].Change(true);
        cut.Button("标记为今天已核实").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("已核实", _dialogs.Markup));
        _dialogs.FindAll("button").First(b => b.TextContent.Contains("取消")).Click();
        _dialogs.WaitForAssertion(() => Assert.DoesNotContain("已核实", _dialogs.Markup));
        Assert.Empty(cut.FindAllByRole("status"));
        Assert.Null(Db.Queries.Find("notary-jingan")!.LastVerified);
    }

    [Fact]
    public void HiddenColumns_AreKeptInTheBrowser_AndComeBack()
    {
        var cut = RenderGrid();
        Assert.Contains("街镇", cut.Find("table thead").TextContent);
        cut.Button("选择列").Click();
        _popovers.WaitForAssertion(() => Assert.Contains("区划代码", _popovers.Markup));
        _popovers.FindAll(".mud-menu-item").First(i => i.TextContent.Contains("街镇")).Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain("街镇", cut.Find("table thead").TextContent));
        var saved = JSInterop.Invocations["localStorage.setItem"].Last();
        Assert.Equal(StationsPage.HiddenColumnsKey, saved.Arguments[0]);

        // The next visit reads the same protected value back.
        JSInterop.Setup<string?>("localStorage.getItem", StationsPage.HiddenColumnsKey).SetResult((string)saved.Arguments[1]!);
        var again = Render<StationsPage>();
        again.WaitForAssertion(() => Assert.DoesNotContain("街镇", again.Find("table thead").TextContent));
    }

    [Fact]
    public void ClickingAHeadersSortButton_SortsTheRows_AndPutsTheSortInTheAddress()
    {
        var cut = RenderGrid("en-US");
        var nav = Services.GetRequiredService<NavigationManager>();
        var header = cut.FindAll("th").First(th => th.TextContent.Trim().StartsWith("Name"));
        header.QuerySelector("button")!.Click();
        cut.WaitForAssertion(() => Assert.Contains("sort=name", nav.Uri));
        Assert.DoesNotContain("desc=", nav.Uri);
        cut.FindAll("th").First(th => th.TextContent.Trim().StartsWith("Name")).QuerySelector("button")!.Click();
        cut.WaitForAssertion(() => Assert.Contains("desc=1", nav.Uri));
    }
}
