using LegalServiceMap.Web.Tests.Features.Staff.Accounts;
using LegalServiceMap.Web.Features.Staff.Accounts;
using LegalServiceMap.Web.Features.Staff.Audit;
using System.Net;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Staff.Audit;

public sealed class AuditTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string Admin = "audit-admin@example.org", Editor = "audit-editor@example.org", Password = "a long enough passphrase";

    public async Task InitializeAsync()
    {
        Assert.True((await StaffAuthentication.CreateAccountAsync(factory.Services, Admin, Password, StaffRoles.Admin)).Ok);
        Assert.True((await StaffAuthentication.CreateAccountAsync(factory.Services, Editor, Password, StaffRoles.Editor)).Ok);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<List<SecurityEvent>> EventsAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.SecurityEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task SignIns_RoleChanges_AndExports_AreAudited_WithoutTheEmailsOfFailures()
    {
        const string typed = "someone-without-an-account@example.org";
        await StaffAccessTests.SignInAsync(NewClient(), typed, "wrong");
        await StaffAccessTests.SignInAsync(NewClient(), Editor, "also wrong");
        var editor = NewClient();
        await StaffAccessTests.SignInAsync(editor, Editor, Password);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/staff/export?format=xlsx")).StatusCode);

        var events = await EventsAsync();
        Assert.Contains(events, e => e.Kind == "role-changed" && e.User == Editor && e.EventId == 1010);
        var failures = events.Where(e => e.Kind == "sign-in-failed").ToList();
        Assert.True(failures.Count >= 2);
        Assert.All(failures, e => Assert.Null(e.User));
        Assert.DoesNotContain(events, e => (e.User ?? "").Contains(typed) || (e.Detail ?? "").Contains(typed));
        Assert.Contains(events, e => e.Kind == "sign-in-succeeded" && e.User == Editor);
        Assert.Contains(events, e => e.Kind == "exported" && e.User == Editor && e.Detail == "xlsx");
    }

    [Fact]
    public async Task TheAuditPage_IsForAdmins_AndFiltersByKind()
    {
        var editor = NewClient();
        await StaffAccessTests.SignInAsync(editor, Editor, Password);
        var denied = await editor.GetAsync("/staff/audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/staff/denied", denied.Headers.Location!.PathAndQuery);

        var admin = NewClient();
        await StaffAccessTests.SignInAsync(admin, Admin, Password);
        var all = await admin.GetStringAsync("/staff/audit");
        Assert.Contains("安全审计", all);
        Assert.Contains("登录成功", all);
        var onlyRoles = await admin.GetStringAsync("/staff/audit?kind=role-changed&days=abc&user=%00");
        Assert.Contains("角色变更", onlyRoles);
        Assert.Contains("授予 Editor 角色（命令行）", onlyRoles); // the detail in the reader's language
        Assert.DoesNotContain("登录成功</td>", onlyRoles.Replace(" <span", "</td>"));
        Assert.Contains("No events match.", await admin.GetStringAsync("/staff/audit?user=nobody-at-all&lang=en"));
    }

    [Fact]
    public async Task Purge_DeletesEventsOlderThanTheRetention_AndKeepsTheRest()
    {
        var events = factory.Services.GetRequiredService<SecurityEvents>();
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.SecurityEvents.Add(new SecurityEvent { At = DateTimeOffset.UtcNow.AddDays(-400), Kind = "exported", EventId = 1030, Detail = "old" });
            db.SecurityEvents.Add(new SecurityEvent { At = DateTimeOffset.UtcNow.AddDays(-200), Kind = "exported", EventId = 1030, Detail = "kept" });
            await db.SaveChangesAsync();
        }
        Assert.True(await events.PurgeAsync() >= 1); // the default retention is 365 days
        var left = await EventsAsync();
        Assert.DoesNotContain(left, e => e.Detail == "old");
        Assert.Contains(left, e => e.Detail == "kept");
    }

    [Fact]
    public void Networks_NotAddresses_AreKept() =>
        Assert.Equal(("203.0.113.0/24", "2001:db8:1::/48"),
            (SecurityEvents.NetworkOf(IPAddress.Parse("203.0.113.77")), SecurityEvents.NetworkOf(IPAddress.Parse("2001:db8:1:2:3::9"))));
}
