using System.Diagnostics;
using System.Text.RegularExpressions;
using LegalServiceMap.Core.Stations;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LegalServiceMap.EndToEnd;

/// <summary>
/// Two published instances in Production on one PostgreSQL + PostGIS database and one Redis, behind nginx with the
/// project's configuration, and one staff account. Residents' pages hold nothing on a server, so one instance dying is
/// one failed request nginx passes on; the staff workspace's circuit is handed over or resumed from Redis.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private RedisServer? _redis;
    private readonly Dictionary<string, string> _settings = [];

    public AppProcess[] Instances { get; } = new AppProcess[2];
    public NginxServer Nginx { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _redis = RedisServer.Start();
        _settings["Database:Provider"] = "postgres";
        _settings["ConnectionStrings:Stations"] = PostgresServer.Instance.CreateDatabase();
        _settings["ConnectionStrings:Redis"] = _redis.ConnectionString;
        _settings["Map:TileUrl"] = "";
        _settings["ReverseProxy:KnownProxies:0"] = "127.0.0.1";
        // A dropped circuit is given up (and its state stored in Redis) after 2 s instead of 3 min.
        _settings["Blazor:Circuit:DisconnectedCircuitRetentionPeriod"] = "00:00:02";
        Instances[0] = await AppProcess.StartAsync(_settings); // migrates and seeds; the second finds it done
        Instances[1] = await AppProcess.StartAsync(_settings);
        Nginx = NginxServer.Start(Instances.Select(i => i.Port));
        await AppProcess.RunCommandAsync(_settings, new Dictionary<string, string> { ["LSM_STAFF_PASSWORD"] = StaffPassword }, "create-editor", "--email", StaffEmail);
    }

    public const string StaffEmail = "failover-editor@example.org", StaffPassword = "a long enough passphrase";

    /// <summary>How many circuits an instance holds in memory, connected or not (its own metric).</summary>
    public async Task<int> CircuitsAsync(int instance)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var scrape = await http.GetStringAsync(Instances[instance].Url + "/metrics");
        var m = Regex.Match(scrape, @"^aspnetcore_components_circuit_active(\{[^}]*\})? ([0-9.]+)", RegexOptions.Multiline);
        return m.Success ? (int)double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The instance holding the one connected circuit, read from each instance's /metrics (loopback may read it).</summary>
    public async Task<int> ServingAsync(int expected = 1)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var connected = new int[Instances.Length];
            for (var i = 0; i < Instances.Length; i++)
            {
                if (!Instances[i].Running) continue;
                try
                {
                    var scrape = await http.GetStringAsync(Instances[i].Url + "/metrics");
                    var m = Regex.Match(scrape, @"^aspnetcore_components_circuit_connected(\{[^}]*\})? ([0-9.]+)", RegexOptions.Multiline);
                    connected[i] = m.Success ? (int)double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            }
            if (connected.Sum() == expected && connected.Count(c => c > 0) == 1) return Array.FindIndex(connected, c => c > 0);
        }
        throw new InvalidOperationException("No single instance holds the page's circuit.");
    }

    /// <summary>Starts the stopped instance again on its port, so the next journey has two.</summary>
    public async Task RestoreAsync()
    {
        for (var i = 0; i < Instances.Length; i++)
        {
            if (Instances[i].Running) continue;
            var port = Instances[i].Port;
            Instances[i].Dispose();
            Instances[i] = await AppProcess.StartAsync(_settings, port);
        }
    }

    public Task DisposeAsync()
    {
        Nginx?.Dispose();
        foreach (var i in Instances) i?.Dispose();
        _redis?.Dispose();
        return Task.CompletedTask;
    }
}

[Collection(BrowserCollection.Name)]
public sealed class FailoverJourneyTests(BrowserFixture browser, ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private async Task<IBrowserContext> ContextAsync(int width = 390, int height = 844)
    {
        await cluster.RestoreAsync();
        return await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = cluster.Nginx.Url, Locale = "zh-CN" });
    }

    [Fact]
    public async Task AnInstanceCrashes_UnderAResidentBehindAProxyWithoutWebSockets_TheNextTapIsAnsweredByTheOther()
    {
        await using var context = await ContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteWebSocketAsync(new Regex("."), ws => ws.CloseAsync());
        await page.GotoAsync("/?type=" + FilterType);
        await MapWaits.WaitForMapAsync(page);
        await MapWaits.TapMapAsync(page, 0.5, 0.3);
        await Assertions.Expect(Find.WalkSummary(page)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var url = page.Url;
        await page.EvaluateAsync("() => window.__sameDocument = true");

        var clock = Stopwatch.StartNew();
        cluster.Instances[0].Kill(); // SIGKILL: whichever instance served the page, one of two is gone
        await MapWaits.TapMapAsync(page, 0.5, 0.6);
        await Assertions.Expect(page).Not.ToHaveURLAsync(url, new() { Timeout = 20_000 });
        await Assertions.Expect(Find.WalkSummary(page)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        output.WriteLine($"Crash of instance 0: the next tap was listed after {clock.ElapsedMilliseconds} ms.");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded");
        Assert.Contains("type=" + FilterType, page.Url);
        await Assertions.Expect(browser.TypeFilter(page, StationType.JudicialOffice)).ToBeCheckedAsync();

        // Back, and a reload: the same pages, from the instance that is left.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(url);
        await page.ReloadAsync();
        await Assertions.Expect(Find.WalkSummary(page)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(BrowserFixture.ListedPlaces(page)).ToHaveCountAsync(BrowserFixture.FirstPage(browser.Count(StationType.JudicialOffice)));
    }

    /// <summary>A staff member through nginx, signed in, on the requests queue filtered by status (the state the journeys keep).</summary>
    private async Task<IPage> StaffAsync(IBrowserContext context, string? initScript = null)
    {
        var page = await context.NewPageAsync();
        if (initScript is not null) await page.AddInitScriptAsync(initScript);
        await BrowserFixture.SignInWithFormAsync(page, ClusterFixture.StaffEmail, ClusterFixture.StaffPassword, "/staff/requests?status=received");
        await Assertions.Expect(page.GetByTestId("status-chips")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        return page;
    }

    /// <summary>Taps until the address shows the circuit took it (a tap while the page is wired up can be lost).</summary>
    private static async Task TapUntilAsync(IPage page, ILocator target, Regex address)
    {
        for (var tap = 0; tap < 5 && !address.IsMatch(page.Url); tap++)
        {
            await target.ClickAsync(new() { Timeout = 30_000 });
            try { await page.WaitForURLAsync(address, new() { Timeout = 4_000 }); } catch (TimeoutException) { }
        }
        Assert.Matches(address, page.Url);
    }

    /// <summary>The page shows the same filter as before, and answers a new tap.</summary>
    private static async Task ExpectSameStateAndInteractiveAsync(IPage page, string url)
    {
        Assert.Equal(url, page.Url);
        await TapUntilAsync(page, page.GetByTestId("status-chips").Locator(".mud-chip[data-status=answered]"), new Regex("status=answered"));
    }

    [Fact]
    public async Task TheStaffInstanceIsRestarted_ThePageMovesToTheOtherWithoutReloading()
    {
        await using var context = await ContextAsync(1366, 768);
        var page = await StaffAsync(context);
        await page.EvaluateAsync("() => window.__sameDocument = true");
        var url = page.Url;
        var serving = await cluster.ServingAsync();

        var clock = Stopwatch.StartNew();
        await cluster.Instances[serving].StopAsync(TimeSpan.FromSeconds(30)); // SIGTERM: the instance hands its pages over
        Assert.Equal(1 - serving, await cluster.ServingAsync());
        output.WriteLine($"Planned stop of instance {serving}: the circuit was on the other instance after {clock.ElapsedMilliseconds} ms.");
        foreach (var line in cluster.Instances[serving].Log.Split('\n').Concat(cluster.Instances[1 - serving].Log.Split('\n')))
            if (line.Contains("CircuitDrain")) output.WriteLine(line);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-circuit-move", "resumed", new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded instead of resuming");
        await ExpectSameStateAndInteractiveAsync(page, url);
        Assert.Contains("moving 1 connected pages", cluster.Instances[serving].Log);
    }

    [Fact]
    public async Task AStaffLaptopSleptPastItsCircuit_AndItsInstanceDied_ItResumesOnTheOtherFromRedis()
    {
        await using var context = await ContextAsync(1366, 768);
        var page = await StaffAsync(context, ConnectionJourneyTests.TrackSockets);
        await ConnectionJourneyTests.TapUntilAsync(page, page.GetByTestId("status-chips").Locator(".mud-chip[data-status=closed]"), new Regex("status=closed")); // the circuit is up
        await page.EvaluateAsync("() => window.__sameDocument = true");
        var url = page.Url;
        var serving = await cluster.ServingAsync();

        // The laptop sleeps: no network, its socket closes; the instance gives the circuit up after 2 s and stores its
        // state in Redis (.NET 10's HybridCache persistence); then that instance dies.
        var offline = true;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            if (offline) ws.CloseAsync();
            else ws.ConnectToServer();
        });
        await page.EvaluateAsync("() => window.__lsmSockets.forEach((s) => s.close())");
        for (var deadline = DateTime.UtcNow.AddSeconds(60); await cluster.CircuitsAsync(serving) > 0; await Task.Delay(250))
            Assert.True(DateTime.UtcNow < deadline, "the instance kept the dropped circuit");
        cluster.Instances[serving].Kill();

        // It wakes: the reconnection reaches the other instance, which does not know the circuit but resumes it from
        // the state in Redis: the same document.
        var clock = Stopwatch.StartNew();
        offline = false;
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        Assert.Equal(1 - serving, await cluster.ServingAsync());
        output.WriteLine($"Resumed from Redis on instance {1 - serving} {clock.ElapsedMilliseconds} ms after the network came back.");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded instead of resuming");
        await ExpectSameStateAndInteractiveAsync(page, url);
    }

    private const string FilterType = "judicial-office";
}
