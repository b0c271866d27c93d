using LegalServiceMap.Web.Features.Staff.Accounts;
using System.Net;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>
/// A second app of its own (own SQLite file, no network imported): the district journey changes what every walk
/// follows, so it must not change the shared app the other journeys walk on.
/// </summary>
public sealed class FreshAppFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lsm-e2e", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;

    public string BaseUrl { get; private set; } = "";

    public T Service<T>() where T : notnull => _factory!.Services.GetRequiredService<T>();

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseStaticWebAssets();
            b.UseSetting("ConnectionStrings:Stations", $"Data Source={Path.Combine(_directory, "district.db")}");
            b.UseSetting("Map:TileUrl", "");
            b.UseSetting("DistrictData:UploadDirectory", Path.Combine(_directory, "uploads"));
            b.UseSetting("Blazor:Circuit:DetailedErrors", "true");
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, true); } catch (IOException) { }
    }
}

[Collection(BrowserCollection.Name)]
public sealed class DistrictJourneyTests(BrowserFixture browser, FreshAppFixture app) : IClassFixture<FreshAppFixture>
{
    private const string Walk = "lat=31.2313&lng=121.4637"; // 成都北路, inside the shared extract's corner of the district

    [SkippableFact]
    public async Task Admin_UploadsTheSharedOsmSample_AndWalkingAreasSwitchFromCirclesToTheNetwork()
    {
        Skip.IfNot(Repository.SharedDataPresent(), "../shared/data is not present on this machine");
        const string email = "e2e-district@example.org", password = "a long enough passphrase";
        Assert.True((await StaffAuthentication.CreateAccountAsync(app.Service<IServiceProvider>(), email, password, StaffRoles.Admin)).Ok);
        var (page, errors) = await browser.NewPageAsync();

        // Before: a walk from 成都北路 is the approximate circle.
        await page.GotoAsync($"{app.BaseUrl}/?{Walk}");
        var map = Find.Map(page);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-area", "circle", MapWaits.Slow);

        await page.GotoAsync($"{app.BaseUrl}/staff/district");
        await page.WaitForURLAsync("**/staff/login?**");
        await page.GetByLabel(browser.Text("Staff_Email")).FillAsync(email);
        await page.GetByLabel(browser.Text("Staff_Password")).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = browser.Text("Staff_SignIn") }).ClickAsync();
        await page.WaitForURLAsync("**/staff/district");
        await Assertions.Expect(Find.Interactive(page, "district-page")).ToHaveAttributeAsync("data-interactive", "true", MapWaits.Slow);
        await Assertions.Expect(page.GetByTestId("district-network")).ToHaveAttributeAsync("data-method", "circle");

        await page.GetByTestId("district-network-upload").Locator("input[type=file]").SetInputFilesAsync(
            Path.Combine(Repository.SharedData, "lllllf-hhhhhq__le-degn-system", "shanghai.osm"));
        var job = page.GetByTestId("district-job").First;
        await Assertions.Expect(job).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("district-network")).ToHaveAttributeAsync("data-method", "network");
        var edges = app.Service<LegalServiceMap.Web.Spatial.SpatialState>().Current.Graph!.EdgeCount;
        await Assertions.Expect(job.Locator("[data-fact=edges]")).ToHaveTextAsync(edges.ToString("N0"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "staff-district-zh-1366x768.png"), FullPage = true });

        // After: the same walk follows the streets.
        await page.GotoAsync($"{app.BaseUrl}/?{Walk}");
        await Assertions.Expect(Find.Map(page)).ToHaveAttributeAsync("data-area", "network", MapWaits.Slow);

        // The network's roads give the geocoder candidates: place a station known only by its street/town from one.
        await page.GotoAsync($"{app.BaseUrl}/staff/place?which=others");
        var progress = page.GetByText(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(browser.Text("Place_Progress", false, 999, 999)).Replace("999", @"\d+")));
        var before = await progress.TextContentAsync();
        var row = page.GetByRole(AriaRole.Table).Locator("tr").Filter(new() { Has = page.Locator("[data-station-id=culture-labour-secretariat]") });
        var accept = row.GetByRole(AriaRole.Button).First;
        await Assertions.Expect(accept).ToContainTextAsync("成都北路", new() { Timeout = 20_000 });
        for (var attempt = 0; attempt < 10 && await page.GetByRole(AriaRole.Status).CountAsync() == 0; attempt++)
        {
            try { await accept.ClickAsync(new() { Timeout = 2_000 }); } catch (PlaywrightException) { } // a click before the circuit is up is lost
            try { await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync(new() { Timeout = 2_000 }); } catch (PlaywrightException) { }
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(progress).Not.ToHaveTextAsync(before!);
        await Assertions.Expect(page.Locator("[data-station-id=culture-labour-secretariat]")).ToHaveCountAsync(0);
        var placed = app.Service<LegalServiceMap.Web.Features.Stations.StationQueries>().Find("culture-labour-secretariat")!;
        Assert.True(placed.IsPlaced);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // The page in English, for an admin who reads it, with nothing serious for axe-core (its own context: axe is injected).
        var (english, _) = await browser.NewPageAsync(bypassCsp: true);
        await english.Context.AddCookiesAsync((await page.Context.CookiesAsync()).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await english.GotoAsync($"{app.BaseUrl}/staff/district?lang=en");
        await Assertions.Expect(english.GetByRole(AriaRole.Heading, new() { Name = browser.Text("District_Title", english: true), Level = 1 })).ToBeVisibleAsync();
        await english.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "staff-district-en-1366x768.png"), FullPage = true });
        var serious = await AccessibilityTests.SeriousViolationsAsync(english);
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        // The other admin pages, and the sign-in page, in both languages: nothing serious for axe-core either.
        foreach (var url in new[] { "/staff/users?lang=zh", "/staff/users?lang=en", "/staff/audit?lang=zh", "/staff/audit?lang=en", "/staff/district?lang=zh" })
        {
            await english.GotoAsync(app.BaseUrl + url);
            await english.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var found = await AccessibilityTests.SeriousViolationsAsync(english);
            Assert.True(found.Count == 0, url + "\n" + string.Join("\n", found));
        }
        var (signIn, _) = await browser.NewPageAsync(bypassCsp: true);
        foreach (var lang in new[] { "zh", "en" })
        {
            await signIn.GotoAsync($"{app.BaseUrl}/staff/login?lang={lang}");
            await signIn.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"staff-login-{lang}-1366x768.png") });
            var found = await AccessibilityTests.SeriousViolationsAsync(signIn);
            Assert.True(found.Count == 0, "/staff/login?lang=" + lang + "\n" + string.Join("\n", found));
        }

        await english.GotoAsync($"{app.BaseUrl}/staff/district?lang=en");
        await english.SetViewportSizeAsync(768, 1024);
        await english.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "staff-district-en-768.png"), FullPage = true });
        Assert.True(await english.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 768 px");
    }
}
