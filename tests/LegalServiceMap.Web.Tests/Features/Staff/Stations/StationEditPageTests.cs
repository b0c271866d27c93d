using LegalServiceMap.Web.Features.Staff.Stations;
using MudBlazor.Extensions;
using Bunit;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Components.Map;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Staff.Stations;

public sealed class StationEditPageTests : AsyncBunitContext
{
    private IRenderedComponent<MudBlazor.MudDialogProvider> _dialogs = null!;

    private (IRenderedComponent<StationEditPage> Page, BunitJSInterop Map) RenderEditor(string id)
    {
        var map = this.AddAppServices(Db);
        AddAuthorization().SetAuthorized("editor@example.org").SetRoles("Editor");
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        _dialogs = Render<MudBlazor.MudDialogProvider>();
        Render<MudBlazor.MudPopoverProvider>();
        return (Render<StationEditPage>(p => p.Add(x => x.Id, id)), map);
    }

    /// <summary>Sets one input of the special-days rows (found by its test id and row) on the renderer, in the test's culture.</summary>
    private static Task OnRowAsync<T>(IRenderedComponent<StationEditPage> cut, int row, string testId, T value)
    {
        static bool Is(Dictionary<string, object?> a, string id, int r) => a.GetValueOrDefault("data-testid") as string == id && Equals(a.GetValueOrDefault("data-row"), r);
        return OnRendererAsync(cut, () => value switch
        {
            bool b => cut.FindComponents<MudBlazor.MudCheckBox<bool>>().Single(c => Is(c.Instance.UserAttributes, testId, row)).Instance.ValueChanged.InvokeAsync(b),
            string t => cut.FindComponents<MudBlazor.MudTextField<string>>().Single(c => Is(c.Instance.UserAttributes, testId, row)).Instance.ValueChanged.InvokeAsync(t),
            _ => throw new ArgumentException("bool or string", nameof(value)),
        });
    }

    [Fact]
    public async Task SpecialDays_AreRows_WithANote_SavedAsTheImportersText_AndABadRowSavesNothing()
    {
        var (cut, _) = RenderEditor("judicial-office-beizhan");
        Assert.Contains("没有特别日期", cut.Markup);
        cut.Button("添加特别日期").Click(); // tomorrow in Shanghai, closed
        await OnRowAsync(cut, 0, "special-note", "年终盘点");
        cut.Button("保存").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.FindByRole("status", "已保存，公开地图已更新。")));
        var station = Db.Queries.Find("judicial-office-beizhan")!;
        Assert.Equal([new DatedException(new DateOnly(2026, 12, 2), [], "年终盘点")], station.Exceptions);
        Assert.Equal("2026-12-02 closed # 年终盘点", DatedExceptionsText.Format(station.Exceptions));

        // A second day, open but closing before it opens: named on its row, and nothing is saved.
        cut.Button("添加特别日期").Click();
        await OnRowAsync(cut, 1, "special-closed", false);
        await OnRowAsync(cut, 1, "special-closes", "08:00");
        Assert.NotNull(cut.Alert("结束时间必须晚于开始时间"));
        cut.Button("保存").Click();
        Assert.NotNull(cut.Alert("部分字段需要修改，尚未保存。"));
        Assert.Single(Db.Queries.Find("judicial-office-beizhan")!.Exceptions);
    }

    [Fact]
    public async Task History_IsATimelineOfChangeSets_AndRestoringOneAsksFirst()
    {
        var service = new StationEditService(Db.Factory, Db.Store, TimeProvider.System, Db.Security);
        var loaded = (await service.LoadAsync("notary-zhabei"))!;
        var changed = loaded.Copy();
        changed["phone"] = "021-99999999";
        changed["noteEn"] = "changed by someone";
        await service.SaveAsync(changed, loaded, "someone-else");
        var (cut, _) = RenderEditor("notary-zhabei");
        var set = Assert.Single(cut.FindAll("[data-testid=history-set]"));
        Assert.Contains("someone-else", set.TextContent);
        Assert.Contains("021-99999999", set.TextContent);

        cut.Button("恢复到此次修改之前").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("someone-else", _dialogs.Markup));
        Assert.Equal("021-99999999", Db.Queries.Find("notary-zhabei")!.Phone); // not before it is confirmed
        _dialogs.FindAll("button").Last(b => b.TextContent.Contains("恢复")).Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=history-set]").Count));
        Assert.Equal(loaded["phone"], Db.Queries.Find("notary-zhabei")!.Phone);
        Assert.Equal(loaded["noteEn"], Db.Queries.Find("notary-zhabei")!.NoteEn);
    }

    /// <summary>The value of one of the editor's MudSelects, found by its field.</summary>
    private static string? Selected(IRenderedComponent<StationEditPage> cut, string field) =>
        cut.FindComponents<MudBlazor.MudSelect<string>>().Single(c => c.Instance.UserAttributes.GetValueOrDefault("data-field") as string == field).Instance.GetState(x => x.Value);

    [Fact]
    public async Task DraggingThePin_SetsSurveyedCoordinates_AndSavingAuditsThem()
    {
        var (cut, map) = RenderEditor("judicial-office-beizhan");
        cut.WaitForAssertion(() => Assert.Equal(31.248121, (double)map.Invocations["setPin"][0].Arguments[0]!, 1e-6));

        await cut.InvokeAsync(() => cut.FindComponent<PinMap>().Instance.PinMoved(31.2490, 121.4680));
        Assert.Equal(LocationTier.Surveyed.ToSlug(), Selected(cut, "locationTier"));
        cut.Button("保存").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.FindByRole("status", "已保存，公开地图已更新。")));
        var station = Db.Queries.Find("judicial-office-beizhan")!;
        Assert.Equal((31.2490, 121.4680, LocationTier.Surveyed), (station.Latitude!.Value, station.Longitude!.Value, station.LocationTier));
        var history = await new StationEditService(Db.Factory, Db.Store, TimeProvider.System, Db.Security).HistoryAsync("judicial-office-beizhan");
        Assert.Equal(["latitude", "locationTier", "longitude"], history.Select(h => h.Field).Order());
        Assert.All(history, h => Assert.Equal("editor@example.org", h.User));
    }

    [Fact]
    public void FindTheAddress_OffersCandidates_AndChoosingOnePlacesThePin()
    {
        var (cut, map) = RenderEditor("notary-jingan");
        cut.Find("[data-field=addressZh]").Change("静安区临汾路街道");
        cut.Button("按地址查找位置").Click();
        var candidate = cut.FindAll("[data-testid=edit-candidate]")[0];
        Assert.Contains("临汾路街道", candidate.TextContent);
        // With its match type, its confidence and the position accuracy it gives.
        Assert.Contains("街镇", candidate.TextContent);
        Assert.Matches("可信度 \\d+%", candidate.TextContent);
        candidate.Click();
        cut.WaitForAssertion(() => Assert.Equal(31.314273, (double)map.Invocations["setPin"][^1].Arguments[0]!, 1e-4));
        Assert.Equal("linfenlu", Selected(cut, "street"));
        Assert.Equal(LocationTier.StreetLevel.ToSlug(), Selected(cut, "locationTier")); // a street/town's point: the tier follows
    }

    [Fact]
    public async Task ConflictingSave_ShowsWhatTheOtherPersonChanged()
    {
        var (cut, _) = RenderEditor("notary-zhabei");
        // Someone else saves first.
        var service = new StationEditService(Db.Factory, Db.Store, TimeProvider.System, Db.Security);
        var theirs = (await service.LoadAsync("notary-zhabei"))!;
        var changed = theirs.Copy();
        changed["phone"] = "021-99999999";
        await service.SaveAsync(changed, theirs, "someone-else");

        cut.Find("[data-field=noteEn]").Change("my note");
        cut.Button("保存").Click();

        var conflict = cut.FindAllByRole("alert").Single().TextContent;
        Assert.Contains("电话", conflict);
        Assert.Contains("021-99999999", conflict);
        Assert.NotEqual("my note", Db.Queries.Find("notary-zhabei")!.NoteEn);
    }

    /// <summary>Sets one input of the hours editor (found by its test id and day) on the renderer, in the test's culture.</summary>
    private static Task OnDayAsync<T>(IRenderedComponent<StationEditPage> cut, string day, string testId, T value)
    {
        static bool Is(Dictionary<string, object?> a, string id, string d) => a.GetValueOrDefault("data-testid") as string == id && a.GetValueOrDefault("data-day") as string == d;
        return OnRendererAsync(cut, () =>
        {
            return value switch
            {
                bool b when testId == "hours-open" => cut.FindComponents<MudBlazor.MudSwitch<bool>>().Single(c => Is(c.Instance.UserAttributes, testId, day)).Instance.ValueChanged.InvokeAsync(b),
                bool b => cut.FindComponents<MudBlazor.MudCheckBox<bool>>().Single(c => Is(c.Instance.UserAttributes, testId, day)).Instance.ValueChanged.InvokeAsync(b),
                string t => cut.FindComponents<MudBlazor.MudTextField<string>>().Single(c => Is(c.Instance.UserAttributes, testId, day)).Instance.ValueChanged.InvokeAsync(t),
                _ => throw new ArgumentException("bool or string", nameof(value)),
            };
        });
    }

    [Fact]
    public async Task HoursEditor_ShowsTheTextAsDays_AndEditingADayWritesTheImportersText_SeenOnThePublicPage()
    {
        var (cut, _) = RenderEditor("judicial-office-beizhan");
        await OnDayAsync(cut, "Mon", "hours-open", true);
        await OnDayAsync(cut, "Mon", "hours-lunch", true); // 09:00–17:00 splits into 09:00–11:30 and 13:00–17:00
        await OnDayAsync(cut, "Mon", "hours-opens", "08:30");
        cut.Button("周二至周五同周一").Click();
        await OnDayAsync(cut, "Sat", "hours-open", true);
        await OnDayAsync(cut, "Sat", "hours-closes", "12:00");
        cut.Button("保存").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.FindByRole("status", "已保存，公开地图已更新。")));
        var station = Db.Queries.Find("judicial-office-beizhan")!;
        Assert.Equal("mon 08:30-11:30 13:00-17:00\ntue 08:30-11:30 13:00-17:00\nwed 08:30-11:30 13:00-17:00\nthu 08:30-11:30 13:00-17:00\nfri 08:30-11:30 13:00-17:00\nsat 09:00-12:00",
            OpeningHoursText.Format(station.Hours));
        // Read back: the saved text shows as the same days (Friday with its lunch break: four times).
        Assert.Equal(4, cut.FindAll("tr[data-day=Fri] input[type=time]").Count);
    }

    [Fact]
    public async Task HoursEditor_ATimeThatDoesNotRead_IsShownOnItsDay_AndNothingIsSaved()
    {
        var (cut, _) = RenderEditor("judicial-office-beizhan");
        await OnDayAsync(cut, "Wed", "hours-open", true);
        await OnDayAsync(cut, "Wed", "hours-closes", "08:00"); // before it opens
        Assert.Contains("周三", cut.FindAllByRole("alert").Single(a => a.ClassList.Contains("field-error")).TextContent);
        cut.Button("保存").Click();
        Assert.NotNull(cut.Alert("部分字段需要修改，尚未保存。"));
        Assert.Empty(Db.Queries.Find("judicial-office-beizhan")!.Hours);
    }

    [Fact]
    public void DatePickers_WriteYearMonthDayInChinese_AndTheFieldStaysIsoDates()
    {
        var (cut, _) = RenderEditor("judicial-office-beizhan");
        cut.Button("今天已核实").Click();
        var picker = cut.FindComponents<MudBlazor.MudDatePicker>().Single(p => p.Instance.UserAttributes.GetValueOrDefault("data-field") as string == "lastVerified");
        cut.WaitForAssertion(() => Assert.Equal("2026年12月1日", picker.Find("input").GetAttribute("value")));
        cut.Button("保存").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.FindByRole("status", "已保存，公开地图已更新。")));
        Assert.Equal(new DateOnly(2026, 12, 1), Db.Queries.Find("judicial-office-beizhan")!.LastVerified);
    }
}
