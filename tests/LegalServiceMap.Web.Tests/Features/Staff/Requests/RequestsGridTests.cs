using LegalServiceMap.Web.Features.Staff.Requests;
using Bunit;
using LegalServiceMap.Web.Features.Portal;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LegalServiceMap.Web.Tests.Features.Staff.Requests;

/// <summary>The requests queue grid: status chips with counts, filters in the address, masked mobiles, the reply dialog.</summary>
public sealed class RequestsGridTests : AsyncBunitContext
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private async Task SeedAsync()
    {
        var now = BunitSetup.TuesdayMorning;
        await using var db = Db.Factory.CreateDbContext();
        Submission Make(string reference, string kind, string status, int daysAgo, string? assignee) => new()
        {
            Reference = reference, Kind = kind, Status = status, IdempotencyKey = reference, CreatedAt = now.AddDays(-daysAgo), UpdatedAt = now.AddDays(-daysAgo),
            Name = "张三", Mobile = "13812345678", Payload = "工资被拖欠怎么办？", AssignedTo = assignee,
        };
        db.Submissions.AddRange(
            Make("JA-2026-000001-AAAA", "consultation", "received", 10, null),
            Make("JA-2026-000002-BBBB", "consultation", "in-progress", 2, "li@example.org"),
            Make("JA-2026-000003-CCCC", "error-report", "received", 1, null));
        await db.SaveChangesAsync();
    }

    // The dialog renders in the renderer's culture (not always the test's): its buttons by either language's name.
    private AngleSharp.Dom.IElement Send() => _dialogs.FindAllByRole("button").Single(b => Roles.Name(b) is "保存答复" or "Save the reply");
    private AngleSharp.Dom.IElement Cancel() => _dialogs.FindAllByRole("button").Single(b => Roles.Name(b) is "取消" or "Cancel");

    private async Task<IRenderedComponent<RequestsPage>> RenderAtAsync(string uri = "/staff/requests")
    {
        await SeedAsync();
        this.AddAppServices(Db);
        Services.AddSingleton<SubmissionQueue>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new PortalOptions()));
        AddAuthorization().SetAuthorized("editor@example.org").SetRoles("Editor");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _dialogs = Render<MudDialogProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<RequestsPage>();
    }

    private static IReadOnlyList<string> References(IRenderedComponent<RequestsPage> cut) =>
        cut.FindAll("[data-testid=queue] tbody a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Chips_CountEachStatus_AndTheMobilesAreMasked()
    {
        var cut = await RenderAtAsync();
        Assert.Equal(3, References(cut).Count);
        Assert.Contains("· 2", cut.Find("[data-status=received]").TextContent);
        Assert.Contains("· 1", cut.Find("[data-status=in-progress]").TextContent);
        Assert.DoesNotContain("12345678", cut.Markup);
        Assert.DoesNotContain("13812345678", cut.Markup);
    }

    [Fact]
    public async Task TheOverdueChip_CountsAndFilters_AndTheDueColumnSaysWhich()
    {
        var cut = await RenderAtAsync();
        var overdue = cut.FindAll(".mud-chip").Single(c => c.TextContent.Trim().StartsWith("已逾期 ·"));
        Assert.Contains("· 1", overdue.TextContent);
        Assert.Contains("· 1", cut.FindAll(".mud-chip").Single(c => c.TextContent.Trim().StartsWith("1 个工作日内到期 ·")).TextContent);
        Assert.Contains("2026-11-25 · 已逾期", cut.Markup);
        overdue.Click();
        var nav = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("due=overdue", nav.Uri));
        cut.WaitForAssertion(() => Assert.Equal(["JA-2026-000001-AAAA"], References(cut)));
    }

    [Theory]
    [InlineData("/staff/requests?status=received", new[] { "JA-2026-000001-AAAA", "JA-2026-000003-CCCC" })]
    [InlineData("/staff/requests?kind=error-report", new[] { "JA-2026-000003-CCCC" })]
    [InlineData("/staff/requests?days=5", new[] { "JA-2026-000001-AAAA" })]
    [InlineData("/staff/requests?assignee=li@example.org", new[] { "JA-2026-000002-BBBB" })]
    [InlineData("/staff/requests?assignee=-&status=received&days=3", new[] { "JA-2026-000001-AAAA" })]
    [InlineData("/staff/requests?assignee=li@example.org&status=received", new string[0])]
    [InlineData("/staff/requests?days=nonsense", new[] { "JA-2026-000001-AAAA", "JA-2026-000002-BBBB", "JA-2026-000003-CCCC" })]
    // Today is Tuesday 1 December: 000001 (Saturday 21 November, 3 working days) was due on the 25th; 000002 (Sunday
    // 29 November) is due on Wednesday 2 December, the next working day; 000003 (an error report, 5 days) on the 7th.
    [InlineData("/staff/requests?due=overdue", new[] { "JA-2026-000001-AAAA" })]
    [InlineData("/staff/requests?due=soon", new[] { "JA-2026-000002-BBBB" })]
    [InlineData("/staff/requests?due=nonsense", new[] { "JA-2026-000001-AAAA", "JA-2026-000002-BBBB", "JA-2026-000003-CCCC" })]
    public async Task Filters_ComeFromTheAddress(string uri, string[] expected)
    {
        var cut = await RenderAtAsync(uri);
        Assert.Equal(expected.Order(), References(cut).Order());
    }

    [Fact]
    public async Task Reply_InTheDialog_AnswersTheRequest()
    {
        var cut = await RenderAtAsync("/staff/requests?status=received");
        cut.FindAllByRole("button").First(b => Roles.Name(b).StartsWith("答复 ")).Click();
        _dialogs.WaitForAssertion(() => Assert.NotNull(Send()));
        Send().Click(); // empty: refused in the dialog
        Assert.NotNull(Send());
        _dialogs.Find("textarea").Input("请携带劳动合同到司法所咨询。");
        Send().Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAllByRole("status")));
        await using var db = Db.Factory.CreateDbContext();
        var answered = await db.Submissions.AsNoTracking().SingleAsync(s => s.Reference == "JA-2026-000001-AAAA");
        Assert.Equal(("answered", "请携带劳动合同到司法所咨询。"), (answered.Status, answered.Reply));
        Assert.Equal(["JA-2026-000003-CCCC"], References(cut)); // no longer "received"
    }

    [Fact]
    public async Task Reply_Cancelled_SavesNothing()
    {
        var cut = await RenderAtAsync("/staff/requests?status=received");
        cut.FindAllByRole("button").First(b => Roles.Name(b).StartsWith("答复 ")).Click();
        _dialogs.WaitForAssertion(() => Assert.NotNull(Cancel()));
        Cancel().Click();
        Assert.Empty(cut.FindAllByRole("status"));
        await using var db = Db.Factory.CreateDbContext();
        Assert.Equal(0, await db.Submissions.CountAsync(s => s.Reply != null));
    }
}
