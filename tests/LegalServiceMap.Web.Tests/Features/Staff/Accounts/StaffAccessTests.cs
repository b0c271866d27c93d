using LegalServiceMap.Web.Features.Staff.Accounts;
using System.Net;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Staff.Accounts;

public sealed partial class StaffAccessTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string AdminEmail = "admin@example.org";
    private const string EditorEmail = "editor@example.org";
    private const string Password = "a long enough passphrase";

    public async Task InitializeAsync()
    {
        Assert.True((await StaffAuthentication.CreateAccountAsync(factory.Services, AdminEmail, Password, StaffRoles.Admin)).Ok);
        Assert.True((await StaffAuthentication.CreateAccountAsync(factory.Services, EditorEmail, Password, StaffRoles.Editor)).Ok);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/staff/login");
        var token = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = "/staff/stations", ["__RequestVerificationToken"] = token,
        }));
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/stations")]
    [InlineData("/staff/import")]
    [InlineData("/staff/stations/new")]
    [InlineData("/staff/requests")]
    [InlineData("/staff/requests/1")]
    [InlineData("/staff/stations/notary-jingan")]
    [InlineData("/staff/users")]
    [InlineData("/staff/audit")]
    [InlineData("/staff/place")]
    [InlineData("/staff/district")]
    [InlineData("/staff/help")]
    public async Task Anonymous_StaffPages_RedirectToSignIn(string url)
    {
        var response = await NewClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Anonymous_PublicPagesNeedNoSignIn()
    {
        var client = NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/stations/notary-jingan")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stations")).StatusCode);
    }

    [Fact]
    public async Task Editor_SeesStationPages_ButNotTheAdminPage()
    {
        var client = NewClient();
        var signIn = await SignInAsync(client, EditorEmail, Password);
        Assert.Equal("/staff/stations", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/stations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/stations/notary-jingan")).StatusCode);
        Assert.Contains("新建站点", await client.GetStringAsync("/staff/stations/new")); // the literal route wins over {Id}
        // The help tree, read-only: every outcome with where it sends residents.
        var tree = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/staff/help"));
        Assert.Contains("work-unpaid", tree);
        Assert.Contains("问题 work-what", tree);
        Assert.DoesNotContain("<textarea", tree);
        Assert.DoesNotContain("type=\"text\"", tree); // read-only: nothing to type into
        foreach (var adminOnly in new[] { "/staff/users", "/staff/audit", "/staff/district" })
        {
            var admin = await client.GetAsync(adminOnly);
            Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
            Assert.StartsWith("/staff/denied", admin.Headers.Location!.PathAndQuery);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(admin.Headers.Location)).StatusCode);
        }
    }

    [Fact]
    public async Task StaffExportApi_Anonymous401_Editor200()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await NewClient().GetAsync("/api/staff/export?format=csv")).StatusCode);
        var client = NewClient();
        await SignInAsync(client, EditorEmail, Password);
        var response = await client.GetAsync("/api/staff/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("id,street_code,division_code,type,name_zh", (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/staff/export?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/import")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_CountsUnverifiedStations()
    {
        var client = NewClient();
        await SignInAsync(client, EditorEmail, Password);
        var html = await client.GetStringAsync("/staff");
        var unverified = Regex.Match(html, "data-testid=\"dash-unverified\">(\\d+)<").Groups[1].Value;
        // Nothing in the seed is verified: every station the app holds counts.
        Assert.Equal(factory.Services.GetRequiredService<LegalServiceMap.Web.Features.Stations.StationQueries>().Catalog.All.Count(s => !s.IsVerified).ToString(), unverified);
        Assert.Contains("北站街道", html);
    }

    [Fact]
    public async Task Admin_SeesTheAccountsPage()
    {
        var client = NewClient();
        await SignInAsync(client, AdminEmail, Password);
        var html = await client.GetStringAsync("/staff/users");
        Assert.Contains(EditorEmail, html);
    }

    [Fact]
    public async Task WrongPassword_SaysSo_AndFiveFailuresLockTheAccount()
    {
        const string email = "locked@example.org";
        Assert.True((await StaffAuthentication.CreateAccountAsync(factory.Services, email, Password, StaffRoles.Editor)).Ok);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await SignInAsync(NewClient(), email, "not the password at all");
            Assert.Contains("error=invalid", wrong.Headers.Location!.OriginalString);
        }
        var fifth = await SignInAsync(NewClient(), email, "not the password at all");
        Assert.Contains("error=locked", fifth.Headers.Location!.OriginalString);
        // Even the right password is refused while locked.
        var right = await SignInAsync(NewClient(), email, Password);
        Assert.Contains("error=locked", right.Headers.Location!.OriginalString);
        var page = await NewClient().GetStringAsync(right.Headers.Location!.OriginalString);
        Assert.Contains("锁定", page);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await NewClient().PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = AdminEmail, ["password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/", "/staff")]
    [InlineData("//evil.example/", "/staff")]
    [InlineData("/\\evil.example", "/staff")]
    [InlineData("/staff/stations/notary-zhabei", "/staff/stations/notary-zhabei")]
    public void ReturnAddress_MustBeLocal(string returnUrl, string expected) =>
        Assert.Equal(expected, StaffAuthentication.SafeReturn(returnUrl));

    [Fact]
    public async Task ShortPasswords_AreRefused()
    {
        var (ok, message) = await StaffAuthentication.CreateAccountAsync(factory.Services, "short@example.org", "elevenchars", StaffRoles.Editor);
        Assert.False(ok);
        Assert.Contains("12", message);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
