using LegalServiceMap.Web.Features.Staff.Stations;
using Bunit;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace LegalServiceMap.Web.Tests.Features.Staff.Stations;

/// <summary>A new station on MudBlazor's form: each bad field says why under itself; a good one is created and opens in the editor.</summary>
public sealed class NewStationPageTests : AsyncBunitContext
{
    private IRenderedComponent<NewStationPage> RenderNew()
    {
        this.AddAppServices(Db);
        AddAuthorization().SetAuthorized("editor@example.org").SetRoles("Editor");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudBlazor.MudPopoverProvider>();
        return Render<NewStationPage>();
    }

    [Fact]
    public void AnIdTaken_AndNoName_AreRefusedUnderTheirFields_AndNothingIsCreated()
    {
        var cut = RenderNew();
        var before = Db.Queries.Catalog.All.Count;
        cut.Find("[data-field=id]").Change("notary-jingan"); // already a station
        cut.Button("创建").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Alert("部分字段需要修改，尚未保存。")));
        var messages = cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent).ToList();
        Assert.True(messages.Count >= 2, string.Join(" | ", messages)); // the id, and the names
        Assert.Equal(before, Db.Queries.Catalog.All.Count);
    }

    [Fact]
    public void AGoodStation_IsCreated_AndOpensInTheEditor()
    {
        var cut = RenderNew();
        cut.Find("[data-field=id]").Change("firm-new-one");
        cut.Find("[data-field=nameZh]").Change("新律师事务所");
        cut.Find("[data-field=nameEn]").Change("New Law Firm");
        cut.Button("创建").Click();
        cut.WaitForAssertion(() => Assert.NotNull(Db.Queries.Find("firm-new-one")));
        Assert.EndsWith("/staff/stations/firm-new-one", Services.GetService(typeof(NavigationManager)) is NavigationManager n ? n.Uri : "");
    }
}
