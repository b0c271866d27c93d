using LegalServiceMap.Web.Features.Staff.Overview;
using LegalServiceMap.Web.Features.Staff.Requests;
using Bunit;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Features.Portal;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Staff.Overview;

/// <summary>The overview's charts: their numbers (the tables under them) are the catalog's and the queue's.</summary>
public sealed class DashboardChartTests : AsyncBunitContext
{
    private IRenderedComponent<DashboardPage> RenderDashboard()
    {
        this.AddAppServices(Db);
        Services.AddSingleton<SubmissionQueue>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new PortalOptions()));
        AddAuthorization().SetAuthorized("editor@example.org").SetRoles("Editor");
        return Render<DashboardPage>();
    }

    private static Dictionary<string, string> Rows(IRenderedComponent<DashboardPage> cut, string table) =>
        cut.FindAll($"[data-testid={table}] tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim())));

    [Fact]
    public void StationCharts_CountTheCatalogPerTypeAndPerStreet()
    {
        var cut = RenderDashboard();
        var types = Rows(cut, "table-types");
        Assert.Equal(StationTypes.All.Count, types.Count);
        Assert.Equal("14", types["司法所"]);
        Assert.Equal("267", types["居委会 · 居村法律顾问"]);
        var streets = Rows(cut, "table-streets");
        Assert.Equal(Db.Queries.Catalog.All.Count(s => s.Street == "beizhan").ToString(), streets["北站街道"]);
        Assert.NotNull(cut.Find("[aria-labelledby=dash-types]"));
        // Only the shipped outline: coverage per street/town waits for an import.
        Assert.Contains("导入街镇边界后可看到各街镇的覆盖情况", cut.Markup);
    }

    [Fact]
    public async Task WeeklyChart_CountsRequestsByKindInTheirWeek()
    {
        await using (var db = Db.Factory.CreateDbContext())
        {
            var now = BunitSetup.TuesdayMorning; // Tuesday 1 December 2026
            Submission Make(string reference, string kind, int daysAgo) => new()
            {
                Reference = reference, Kind = kind, Status = "received", IdempotencyKey = reference, CreatedAt = now.AddDays(-daysAgo), UpdatedAt = now,
                Name = "张三", Payload = "…",
            };
            db.Submissions.AddRange(Make("A", "consultation", 0), Make("B", "consultation", 1), Make("C", "error-report", 3), Make("D", "legal-aid", 70));
            await db.SaveChangesAsync();
        }
        var cut = RenderDashboard();
        var weeks = Rows(cut, "table-weeks");
        Assert.Equal(DashboardPage.Weeks, weeks.Count);
        var headers = cut.FindAll("[data-testid=table-weeks] thead th").Skip(1).Select(h => h.TextContent.Trim()).ToList();
        var thisWeek = weeks["11/30"].Split('|');
        Assert.Equal("2", thisWeek[headers.IndexOf("留言咨询")]);
        Assert.Equal("1", weeks["11/23"].Split('|')[headers.IndexOf("纠错")]);
        Assert.DoesNotContain(weeks.Values, w => w.Split('|')[headers.IndexOf("法律援助预申请")] != "0"); // 70 days ago: before the 8 weeks
        Assert.Equal("4", cut.FindAllByRole("link").Single(a => a.GetAttribute("href") == "staff/requests?status=received").QuerySelector(".figure")!.TextContent); // all four are still "received"
    }

    [Fact]
    public async Task RepliesChart_SaysHowManyWereAnsweredByThePromisedDate_AndHowFast()
    {
        await using (var db = Db.Factory.CreateDbContext())
        {
            var monday = BunitSetup.TuesdayMorning.AddDays(-1); // Monday 30 November 2026: consultations due on Thursday 3 December
            Submission Make(string reference) => new()
            {
                Reference = reference, Kind = "consultation", Status = "answered", IdempotencyKey = reference, CreatedAt = monday, UpdatedAt = monday,
                Name = "张三", Payload = "…",
            };
            var onTime = Make("ON-TIME");
            var late = Make("LATE");
            var waiting = Make("WAITING");
            waiting.Status = "received";
            db.Submissions.AddRange(onTime, late, waiting);
            await db.SaveChangesAsync();
            db.SubmissionEvents.AddRange(
                new SubmissionEvent { SubmissionId = onTime.Id, At = monday.AddDays(1), User = "editor@example.org", Action = "reply" }, // 1 working day
                new SubmissionEvent { SubmissionId = late.Id, At = monday.AddDays(7), User = "editor@example.org", Action = "reply" }); // 5 working days
            await db.SaveChangesAsync();
        }
        var cut = RenderDashboard();
        Assert.NotNull(cut.Find("[aria-labelledby=dash-replies]"));
        var row = cut.FindAll("details.chart-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "11/30" && r.TextContent.Contains("按期"));
        Assert.Contains("按期 1/2 · 中位数 3 个工作日", row.TextContent);
    }

    [Fact]
    public async Task CoverageChart_AfterAStreetTownIsImported_HasTheApisShares()
    {
        this.AddAppServices(Db);
        Services.AddSingleton<SubmissionQueue>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new PortalOptions()));
        AddAuthorization().SetAuthorized("editor@example.org").SetRoles("Editor");
        var f = new NetTopologySuite.Geometries.GeometryFactory();
        var square = f.CreatePolygon([new(121.44, 31.24), new(121.48, 31.24), new(121.48, 31.26), new(121.44, 31.26), new(121.44, 31.24)]);
        await Services.GetRequiredService<LegalServiceMap.Web.Spatial.SpatialStore>().ImportBoundariesAsync([new LegalServiceMap.Core.Geo.NamedArea("北站街道", square)], "street");

        var cut = Render<DashboardPage>();
        var rows = Rows(cut, "table-coverage");
        var beizhan = Assert.Single(rows).Value.Split('|');
        var headers = cut.FindAll("[data-testid=table-coverage] thead th").Skip(1).Select(h => h.TextContent.Trim()).ToList();
        var coverage = Services.GetRequiredService<LegalServiceMap.Web.Features.Coverage.CoverageService>();
        var judicial = coverage.Compute(StationType.JudicialOffice, 15, 5.0)!.Streets.Single(s => s.Name == "北站街道").Share;
        Assert.Equal($"{Math.Round(100 * judicial, 1):0.#} %", beizhan[headers.IndexOf("司法所")]);
        Assert.Equal("北站", Assert.Single(rows).Key);
    }
}
