using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using LegalServiceMap.Core.Stations;
using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>The real app on Kestrel (loopback, free port, its own SQLite file, no tile server) and one headless Debian Chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lsm-e2e", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotDirectory => Path.Combine(Repository.Root, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseStaticWebAssets();
            b.UseSetting("ConnectionStrings:Stations", $"Data Source={Path.Combine(_directory, "e2e.db")}");
            b.UseSetting("Map:TileUrl", "");
            b.UseSetting(LegalServiceMap.Web.Data.DataSync.SecondsKey, "0");
            b.UseSetting("Retention:Enabled", "false");
            // The server forgets a dropped circuit after 2 s instead of 3 min, so a test can stand for a phone
            // that slept longer than that (ConnectionJourneyTests).
            b.UseSetting("Blazor:Circuit:DisconnectedCircuitRetentionPeriod", "00:00:02");
            // The import journey watches its progress bar move: every step is drawn, however fast this machine is.
            b.UseSetting("Import:ProgressMilliseconds", "0");
            // A circuit error reaches the browser console (which every journey checks) with its message.
            b.UseSetting("Blazor:Circuit:DetailedErrors", "true");
            b.ConfigureServices(services =>
            {
                services.AddSingleton<CircuitTracker>();
                services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => new CircuitTracker.Handler(sp.GetRequiredService<CircuitTracker>()));
            });
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>How many public stations of a type the running app holds (read from its seeded catalog, not typed into tests).</summary>
    public int Count(LegalServiceMap.Core.Stations.StationType type) =>
        Service<LegalServiceMap.Web.Features.Stations.StationQueries>().PublicCatalog.All.Count(s => s.Type == type);

    /// <summary>How many stops the culture walk has: the seed's placed culture sites that data/culture.json puts on the walk.</summary>
    public int CultureStops()
    {
        var onRoute = ShippedData.CultureWalkStations();
        return Service<LegalServiceMap.Web.Features.Stations.StationQueries>().PublicCatalog.All.Count(s => s.Location is not null && onRoute.Contains(s.Id));
    }

    /// <summary>The next ordinary date on a weekday (not a statutory day off or make-up working day in the app's calendar).</summary>
    public DateOnly NextOrdinary(DayOfWeek day)
    {
        var calendar = Service<LegalServiceMap.Core.Stations.HolidayCalendar>();
        return ShippedData.NextOrdinary(day, d => calendar.HolidayOn(d) is not null || calendar.IsMakeUpWorkday(d));
    }

    /// <summary>A text the running app shows, in Chinese (the default) or English, from its own resources.</summary>
    public string Text(string key, bool english = false, params object[] args)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(english ? "en" : "zh-CN");
        try
        {
            return Service<Microsoft.Extensions.Localization.IStringLocalizer<LegalServiceMap.Web.SharedResource>>()[key, args];
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A station's name as the page shows it, from the running app's catalog.</summary>
    public string StationName(string id, bool english = false) => Service<LegalServiceMap.Web.Features.Stations.StationQueries>().Find(id)!.Name(english);

    /// <summary>The filter checkbox of a type, found by its label as a resident reads it.</summary>
    public ILocator TypeFilter(IPage page, LegalServiceMap.Core.Stations.StationType type) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = Text("Type_" + type.ToSlug()) });

    /// <summary>The places in the map page's list.</summary>
    public static ILocator ListedPlaces(IPage page) => Find.StationList(page).GetByRole(AriaRole.Listitem);

    /// <summary>How many of <paramref name="count"/> places the list shows before "show all".</summary>
    public static int FirstPage(int count) => Math.Min(count, LegalServiceMap.Web.Features.Map.StationList.PageSize);

    /// <summary>Lists every place (the list shows the nearest page first), when there are more than a page.</summary>
    public static async Task ShowAllPlacesAsync(IPage page)
    {
        var all = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^(Show all \d|显示全部 \d)") });
        if (await all.CountAsync() == 0) return;
        await all.ClickAsync();
        await Assertions.Expect(all).ToHaveCountAsync(0);
    }

    /// <summary>The "show on map" button of a listed station, found by its accessible name.</summary>
    public ILocator ShowOnMap(IPage page, string stationId, bool english = false) =>
        page.GetByRole(AriaRole.Button, new() { Name = Text("List_ShowOnMap", english, StationName(stationId, english)), Exact = true });

    /// <summary>Creates a staff account (if new) and signs in on the page through the sign-in form, then goes to <paramref name="path"/>.</summary>
    public async Task SignInAsync(IPage page, string email, string path = "/staff", string role = LegalServiceMap.Web.Features.Staff.Accounts.StaffRoles.Editor)
    {
        const string password = "a long enough passphrase";
        await LegalServiceMap.Web.Features.Staff.Accounts.StaffAuthentication.CreateAccountAsync(Service<IServiceProvider>(), email, password, role);
        await SignInWithFormAsync(page, email, password, path);
    }

    /// <summary>Signs in on the page through the sign-in form (an account that exists) and waits for <paramref name="path"/>.</summary>
    public static async Task SignInWithFormAsync(IPage page, string email, string password, string path)
    {
        await page.GotoAsync("/staff/login?returnUrl=" + Uri.EscapeDataString(path));
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "工作人员登录" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == path);
    }

    /// <summary>A service of the running app.</summary>
    public T Service<T>() where T : notnull => _factory!.Services.GetRequiredService<T>();

    /// <summary>
    /// A fresh context (own cookies) and page at the given viewport; console errors are collected, and so is every
    /// Content-Security-Policy violation (a journey that checks its errors fails on one). Only a test that injects a
    /// tool of its own into the page (axe-core) bypasses the policy. WebSockets are refused to every page outside the
    /// staff workspace, as some proxies and webviews do, and an attempt is an error: every resident journey shows that
    /// the page works over plain HTTP.
    /// </summary>
    /// <param name="staffOffline">Consulted for each staff workspace connection: true refuses it (a sleeping laptop's network).</param>
    /// <param name="serviceWorkers">False blocks the site's service worker (a test that changes the page's own requests).</param>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(int width = 1366, int height = 768, bool bypassCsp = false, Func<bool>? staffOffline = null,
        bool serviceWorkers = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            BypassCSP = bypassCsp,
            ServiceWorkers = serviceWorkers ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block,
        });
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        var errors = new List<string>();
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("."), ws =>
        {
            if (new Uri(page.Url).AbsolutePath.StartsWith("/staff", StringComparison.Ordinal))
            {
                if (staffOffline?.Invoke() == true) ws.CloseAsync();
                else ws.ConnectToServer();
            }
            else
            {
                errors.Add("a resident page opened a WebSocket: " + ws.Url);
                ws.CloseAsync();
            }
        });
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"{r.Status} {r.Url}"); };
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, true); } catch (IOException) { }
    }
}

/// <summary>Tells a test when a circuit lost its connection and when the server let it go, so it waits for that, not for a guessed time.</summary>
public sealed class CircuitTracker
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _closed = new();
    private TaskCompletionSource<string> _nextDown = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the id of the next circuit whose connection drops after this property was read.</summary>
    public Task<string> NextConnectionDown => _nextDown.Task;

    /// <summary>Completes when the server has closed (given up) the circuit.</summary>
    public Task ClosedAsync(string circuitId) => Closed(circuitId).Task;

    private TaskCompletionSource Closed(string id) => _closed.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public sealed class Handler(CircuitTracker tracker) : Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler
    {
        public override Task OnConnectionDownAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken)
        {
            tracker.Closed(circuit.Id);
            Interlocked.Exchange(ref tracker._nextDown, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(circuit.Id);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken)
        {
            tracker.Closed(circuit.Id).TrySetResult();
            return Task.CompletedTask;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>Waits shared by the journeys.</summary>
public static class MapWaits
{
    /// <summary>For what the map module draws from the API (generous: the shared CI machine can be slow).</summary>
    public static readonly LocatorAssertionsToHaveAttributeOptions Slow = new() { Timeout = 20_000 };

    /// <summary>
    /// Taps the map where a person would to start a walk: near the given fraction of its width and height, on the map
    /// itself (not on a marker, a cluster or a control, which would open something else). Returns the point tapped.
    /// </summary>
    public static async Task<(double X, double Y)> TapMapAsync(IPage page, double fx = 0.5, double fy = 0.4)
    {
        var box = (await Find.Map(page).BoundingBoxAsync())!;
        for (var k = 0; k < 40; k++)
        {
            var angle = k * 137.5 * Math.PI / 180;
            var radius = k == 0 ? 0 : 20 + k * 4;
            var (x, y) = (box.X + box.Width * fx + Math.Cos(angle) * radius, box.Y + box.Height * fy + Math.Sin(angle) * radius);
            var free = await page.EvaluateAsync<bool>(
                "([x, y]) => { const e = document.elementFromPoint(x, y); return !!e?.closest('.leaflet-container') && !e.closest('.leaflet-marker-icon, .marker-cluster, .leaflet-control, .map-legend, .leaflet-interactive'); }",
                new[] { x, y });
            if (!free) continue;
            await page.Mouse.ClickAsync((float)x, (float)y);
            return (x, y);
        }
        throw new InvalidOperationException("No free point to tap on the map.");
    }

    /// <summary>Waits until the map module has made the map and drawn the GeoJSON markers.</summary>
    public static async Task WaitForMapAsync(IPage page)
    {
        var map = Find.Map(page);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-marker-count", new System.Text.RegularExpressions.Regex("^[0-9]+$"), Slow);
    }
}
