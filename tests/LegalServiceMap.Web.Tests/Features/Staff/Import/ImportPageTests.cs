using LegalServiceMap.Web.Features.Staff.Import;
using System.Text;
using Bunit;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Staff.Import;

/// <summary>The import page: upload, the check's report with its problems by row, the commit, a bad file.</summary>
public sealed class ImportPageTests : AsyncBunitContext
{
    private IRenderedComponent<ImportPage> RenderImport()
    {
        this.AddAppServices(Db);
        Services.AddScoped<StationTransferService>();
        AddAuthorization().SetAuthorized("editor@example.org").SetRoles("Editor");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudBlazor.MudPopoverProvider>();
        return Render<ImportPage>();
    }

    private static void Upload(IRenderedComponent<ImportPage> cut, string name, string text) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, name, contentType: "text/csv"));

    [Fact]
    public void ASheetIsCheckedFirst_ThenSavedAllOrNothing()
    {
        var cut = RenderImport();
        Upload(cut, "new.csv", "id,type,name_zh,name_en,street\r\nnew-firm,law-firm,新律所,New Law Firm,beizhan\r\nbad-one,spaceport,坏,Bad,beizhan\r\n");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=import-summary]")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(cut.FindAllByRole("button"), b => Roles.Name(b) == "保存全部行"); // a bad row: fix first
        Assert.Contains("spaceport", cut.Markup);
        Assert.Null(Db.Queries.Find("new-firm"));

        Upload(cut, "new.csv", "id,type,name_zh,name_en,street\r\nnew-firm,law-firm,新律所,New Law Firm,beizhan\r\n");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Button("保存全部行")), TimeSpan.FromSeconds(10));
        cut.Button("保存全部行").Click();
        cut.WaitForAssertion(() => Assert.NotNull(Db.Queries.Find("new-firm")), TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.DoesNotContain(cut.FindAllByRole("button"), b => Roles.Name(b) == "保存全部行"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void AFileThatIsNoSheet_IsReported()
    {
        var cut = RenderImport();
        Upload(cut, "notes.txt", "\u0001\u0002 not a sheet");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAllByRole("alert")), TimeSpan.FromSeconds(10));
    }
}
