using Bunit;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Components.Map;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Components;

public sealed class StationEditPageTests : BunitContext
{
    private readonly TestDatabase _db = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }

    private (IRenderedComponent<StationEditPage> Page, BunitJSInterop Map) RenderEditor(string id)
    {
        var map = this.AddAppServices(_db);
        AddAuthorization().SetAuthorized("editor@example.org").SetRoles("Editor");
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return (Render<StationEditPage>(p => p.Add(x => x.Id, id)), map);
    }

    [Fact]
    public async Task DraggingThePin_SetsSurveyedCoordinates_AndSavingAuditsThem()
    {
        var (cut, map) = RenderEditor("judicial-office-beizhan");
        cut.WaitForAssertion(() => Assert.Equal(31.248121, (double)map.Invocations["setPin"][0].Arguments[0]!, 1e-6));

        await cut.InvokeAsync(() => cut.FindComponent<LeafletMap>().Instance.PinMoved(31.2490, 121.4680));
        Assert.Equal(LocationTier.Surveyed.ToSlug(), cut.Find("[data-field=locationTier]").GetAttribute("value"));
        cut.Find("[data-testid=edit-save]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=edit-saved]")));
        var station = _db.Queries.Find("judicial-office-beizhan")!;
        Assert.Equal((31.2490, 121.4680, LocationTier.Surveyed), (station.Latitude!.Value, station.Longitude!.Value, station.LocationTier));
        var history = await new StationEditService(_db.Factory, _db.Queries, TimeProvider.System, _db.Security).HistoryAsync("judicial-office-beizhan");
        Assert.Equal(["latitude", "locationTier", "longitude"], history.Select(h => h.Field).Order());
        Assert.All(history, h => Assert.Equal("editor@example.org", h.User));
    }

    [Fact]
    public void FindTheAddress_OffersCandidates_AndChoosingOnePlacesThePin()
    {
        var (cut, map) = RenderEditor("notary-jingan");
        cut.Find("[data-field=addressZh]").Change("静安区临汾路街道");
        cut.Find("[data-testid=edit-geocode]").Click();
        var candidate = cut.Find("[data-testid=edit-candidates] button");
        Assert.Contains("临汾路街道", candidate.TextContent);
        candidate.Click();
        cut.WaitForAssertion(() => Assert.Equal(31.314273, (double)map.Invocations["setPin"][^1].Arguments[0]!, 1e-4));
        Assert.Equal("linfenlu", cut.Find("[data-field=street]").GetAttribute("value"));
    }

    [Fact]
    public async Task ConflictingSave_ShowsWhatTheOtherPersonChanged()
    {
        var (cut, _) = RenderEditor("notary-zhabei");
        // Someone else saves first.
        var service = new StationEditService(_db.Factory, _db.Queries, TimeProvider.System, _db.Security);
        var theirs = (await service.LoadAsync("notary-zhabei"))!;
        var changed = theirs.Copy();
        changed["phone"] = "021-99999999";
        await service.SaveAsync(changed, theirs, "someone-else");

        cut.Find("[data-field=noteEn]").Change("my note");
        cut.Find("[data-testid=edit-save]").Click();

        var conflict = cut.Find("[data-testid=edit-conflict]").TextContent;
        Assert.Contains("电话", conflict);
        Assert.Contains("021-99999999", conflict);
        Assert.NotEqual("my note", _db.Queries.Find("notary-zhabei")!.NoteEn);
    }
}
