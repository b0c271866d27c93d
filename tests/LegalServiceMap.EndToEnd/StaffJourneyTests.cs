using LegalServiceMap.Web.Features.Staff.Accounts;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;
using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class StaffJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Staff_SignInEditAStation_AndThePublicPageShowsTheChange()
    {
        const string email = "e2e-editor@example.org", password = "a long enough passphrase";
        Assert.True((await StaffAuthentication.CreateAccountAsync(fixture.Service<IServiceProvider>(), email, password, StaffRoles.Editor)).Ok);
        var (page, errors) = await fixture.NewPageAsync();

        await page.GotoAsync("/staff/stations/judicial-office-daninglu");
        await page.WaitForURLAsync("**/staff/login?**");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "工作人员登录" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/stations/judicial-office-daninglu");

        var phone = page.GetByLabel(fixture.Text("Field_phone"), new() { Exact = true });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Edit_Save"), Exact = true })).ToBeVisibleAsync();
        // Type only once the form is interactive (prerendered inputs are replaced when the circuit starts).
        await Assertions.Expect(page.Locator("form.edit-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 20_000 });
        await phone.FillAsync("021-66668888");
        await phone.BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Edit_VerifiedToday") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Edit_Save"), Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText(fixture.Text("Edit_Saved"))).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "021-66668888", Exact = true })).ToBeVisibleAsync(); // the history's "new" column
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "staff-edit-zh-1366x768.png"), FullPage = true });

        // The editor's map sits in the form, not over the page.
        var header = (await page.Locator(".app-header").BoundingBoxAsync())!;
        var pinMap = (await Find.Map(page).BoundingBoxAsync())!;
        Assert.True(pinMap.Y >= header.Y + header.Height, $"the editor's map starts at {pinMap.Y}, inside the header (ends at {header.Y + header.Height})");

        // From the workspace to the public page (a full load out of the interactive area): its facts and its map.
        await page.GetByText(fixture.Text("Edit_PublicPage")).ClickAsync();
        await page.WaitForURLAsync("**/stations/judicial-office-daninglu");
        await MapWaits.WaitForMapAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "021-66668888" })).ToHaveAttributeAsync("href", "tel:02166668888");
        await Assertions.Expect(page.GetByRole(AriaRole.Note).Filter(new() { HasText = fixture.Text("Station_Unverified") })).ToHaveCountAsync(0);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("zh", 1366, 768, "安全审计", "登录成功")]
    [InlineData("en", 390, 844, "Security audit", "Signed in")]
    public async Task Admin_ReadsTheSecurityAudit_WithTheirOwnSignIn(string lang, int width, int height, string title, string signedIn)
    {
        var email = $"e2e-admin-{lang}@example.org";
        const string password = "a long enough passphrase";
        Assert.True((await StaffAuthentication.CreateAccountAsync(fixture.Service<IServiceProvider>(), email, password, StaffRoles.Admin)).Ok);
        var (page, errors) = await fixture.NewPageAsync(width, height);

        await page.GotoAsync($"/staff/audit?lang={lang}");
        await page.WaitForURLAsync("**/staff/login?**");
        await page.GetByLabel(fixture.Text("Staff_Email", lang == "en")).FillAsync(email);
        await page.GetByLabel(fixture.Text("Staff_Password", lang == "en")).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Staff_SignIn", lang == "en") }).ClickAsync();
        await page.WaitForURLAsync("**/staff/audit**");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var mine = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(mine.Filter(new() { HasText = signedIn }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"staff-audit-{lang}-{width}x{height}.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Signs a new editor in at <paramref name="url"/> (the sign-in page comes first and returns there).</summary>
    [Fact]
    public async Task Staff_SetTheWeekInTheHoursEditor_AndASpecialDay_AndThePublicPageShowsThem()
    {
        const string id = "judicial-office-caojiadu";
        var (page, errors) = await SignedInAsync("e2e-hours@example.org", $"/staff/stations/{id}", english: false);
        await Assertions.Expect(page.Locator("form.edit-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 20_000 });

        // Monday open 09:00–17:00 with a lunch break, copied to Tuesday–Friday.
        await page.Locator("[data-testid=hours-open][data-day=Mon]").SetCheckedAsync(true, new() { Force = true });
        await page.Locator("[data-testid=hours-lunch][data-day=Mon]").SetCheckedAsync(true, new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Hours_CopyMonday") }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-day=Fri] input[type=time]")).ToHaveCountAsync(4);
        // A special day: tomorrow, closed, with a note for residents.
        await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Special_Add") }).ClickAsync();
        var note = page.Locator("[data-testid=special-note][data-row='0']");
        await note.FillAsync("年终盘点");
        await note.BlurAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "staff-edit-hours-zh-1366x768.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Edit_Save"), Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText(fixture.Text("Edit_Saved"))).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await page.GotoAsync($"/stations/{id}");
        var rows = page.Locator("table.hours-table tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "周一" })).ToContainTextAsync("09:00–11:30, 13:00–17:00");
        await Assertions.Expect(rows.Filter(new() { HasText = "周五" })).ToContainTextAsync("09:00–11:30, 13:00–17:00");
        await Assertions.Expect(rows.Filter(new() { HasText = "周六" })).ToContainTextAsync(fixture.Text("Hours_Closed"));
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1).ToString("yyyy-MM-dd");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = tomorrow })).ToContainTextAsync("年终盘点");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private async Task<(IPage Page, List<string> Errors)> SignedInAsync(string email, string url, bool english, int width = 1366, int height = 768, bool bypassCsp = false)
    {
        const string password = "a long enough passphrase";
        Assert.True((await StaffAuthentication.CreateAccountAsync(fixture.Service<IServiceProvider>(), email, password, StaffRoles.Editor)).Ok);
        var (page, errors) = await fixture.NewPageAsync(width, height, bypassCsp);
        await page.GotoAsync(url);
        await page.WaitForURLAsync("**/staff/login?**");
        await page.GetByLabel(fixture.Text("Staff_Email", english)).FillAsync(email);
        await page.GetByLabel(fixture.Text("Staff_Password", english)).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = fixture.Text("Staff_SignIn", english) }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/staff/login"));
        return (page, errors);
    }

    [Theory]
    [InlineData("zh", "联宝里", "联宝里居委会")]
    [InlineData("en", "Lianbaoli", "Lianbaoli Residents' Committee")]
    public async Task Staff_SearchAndFilterTheStationsGrid_ThenSeeWhatIsLeftToPlace(string lang, string query, string name)
    {
        var english = lang == "en";
        var (page, errors) = await SignedInAsync($"e2e-grid-{lang}@example.org", $"/staff/stations?lang={lang}", english);
        var rows = page.GetByRole(AriaRole.Table).Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(25, new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"staff-stations-{lang}-1366x768.png") });

        // Typed before the circuit is up, a search is lost with the prerendered box: type again until the grid answers.
        var search = page.GetByLabel(fixture.Text("Grid_Search", english));
        for (var attempt = 0; attempt < 10 && await rows.CountAsync() != 1; attempt++)
        {
            await search.FillAsync(query);
            try { await Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = 2_000 }); } catch (PlaywrightException) { }
        }
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(name);
        await Assertions.Expect(rows.First).ToContainTextAsync(fixture.Text("Station_Unverified", english));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"staff-stations-search-{lang}-1366x768.png") });

        await page.GotoAsync($"/staff/place?which=committees&lang={lang}");
        await Assertions.Expect(page.GetByText(fixture.Text("Place_Progress", english, 0, 267), new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table).Locator("tbody tr").First).ToContainTextAsync(fixture.Text("Place_NoAddress", english));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"staff-place-{lang}-1366x768.png") });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Staff_SortTheStationsGridByClickingAHeader_AndTheAddressKeepsTheOrder(string lang)
    {
        var english = lang == "en";
        var (page, errors) = await SignedInAsync($"e2e-sort-{lang}@example.org", $"/staff/stations?type=judicial-office&lang={lang}", english);
        var grid = page.GetByRole(AriaRole.Table);
        await Assertions.Expect(grid.Locator("tbody tr")).ToHaveCountAsync(14, new() { Timeout = 20_000 });
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(english ? "en" : "zh-CN"), false);

        // A header is a button a person clicks; the first click sorts up, the second down, and the address says so.
        await SortByAsync(page, fixture.Text("Staff_Name", english), "sort=name");
        var names = await ColumnAsync(grid, 2, n => n.SequenceEqual(n.Order(comparer)));
        await SortByAsync(page, fixture.Text("Staff_Name", english), "desc=1");
        await ColumnAsync(grid, 2, n => n.SequenceEqual(names.AsEnumerable().Reverse()));

        await SortByAsync(page, fixture.Text("Staff_Street", english), "sort=street");
        var streets = await ColumnAsync(grid, 4, s => s.SequenceEqual(s.Order(comparer)));

        // The order is the address's: a reload (or a link to it) shows the same rows in the same order.
        Assert.Contains("type=judicial-office", page.Url);
        await page.ReloadAsync();
        await Assertions.Expect(grid.Locator("tbody tr")).ToHaveCountAsync(14, new() { Timeout = 20_000 });
        await ColumnAsync(grid, 4, s => s.SequenceEqual(streets));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>The texts of a column once they are as expected (the grid re-renders after the address changes).</summary>
    private static async Task<IReadOnlyList<string>> ColumnAsync(ILocator grid, int n, Func<IReadOnlyList<string>, bool> expected)
    {
        IReadOnlyList<string> texts = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            texts = (await grid.Locator($"tbody tr td:nth-child({n})").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
            if (texts.Count == 14 && expected(texts)) return texts;
            await Task.Delay(200);
        }
        Assert.Fail($"Column {n} never showed the expected order: {string.Join(" | ", texts)}");
        return texts;
    }

    /// <summary>Presses the sort button in a column's header until the address shows the sort (a click before the circuit
    /// is up is lost).</summary>
    private static async Task SortByAsync(IPage page, string header, string inAddress)
    {
        var before = page.Url;
        var title = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(header).Replace("/", @"\/") + @"(\s|$)");
        var button = page.GetByRole(AriaRole.Columnheader, new() { NameRegex = title }).GetByRole(AriaRole.Button);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await page.WaitForURLAsync(u => u != before && u.Contains(inAddress), new() { Timeout = 2_000 });
                return;
            }
            catch (TimeoutException) { }
        }
        Assert.Fail($"Clicking '{header}' did not sort the grid: {page.Url}");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Staff_ImportA10000RowSheet_AndWatchTheProgressBarMoveWhileItIsChecked(string lang)
    {
        var english = lang == "en";
        var (page, errors) = await SignedInAsync($"e2e-import-{lang}@example.org", $"/staff/import?lang={lang}", english);
        // Choose the file once the page is interactive (a prerendered file input is replaced when the circuit starts).
        await Assertions.Expect(Find.Interactive(page, "import-section")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 20_000 });
        // Record every value the progress bar shows, from the page itself.
        await page.EvaluateAsync("""
            () => { window.__done = []; new MutationObserver(() => {
                const bar = document.querySelector('[data-testid=import-progress] [data-done]');
                if (bar) window.__done.push(bar.getAttribute('data-phase') + ':' + bar.getAttribute('data-done') + ':' + bar.getAttribute('data-total'));
            }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done', 'data-phase'] }); }
            """);
        const int rows = 10_000;
        var csv = "id,type,name_zh,name_en,street\r\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"e2e-firm-{i},law-firm,律所{i},Law firm {i},beizhan\r\n"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "firms.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = rows.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        watch.Stop();
        // What the bar showed: phase, done, total — receiving the file's bytes, then checking its rows.
        var seen = (await page.EvaluateAsync<string[]>("() => window.__done")).Distinct()
            .Select(v => v.Split(':')).Select(v => (Phase: v[0], Done: int.Parse(v[1]), Total: int.Parse(v[2]))).ToList();
        var between = seen.Where(v => v.Done > 0 && v.Done < v.Total).ToList();
        // The app draws every step here (Import:ProgressMilliseconds = 0 in the fixture), so however fast the machine, values
        // between empty and full show the bar moved while the work ran, not only at its start and end.
        Assert.True(between.Count >= 1, $"the bar should move while the file is received and checked; it showed {string.Join(", ", seen)}");
        foreach (var phase in seen.GroupBy(v => v.Phase)) Assert.Equal(phase.Select(v => v.Done).Order(), phase.Select(v => v.Done)); // forward only
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"staff-import-{lang}-1366x768.png") });
        Console.WriteLine($"received and checked {rows} rows in the browser in {watch.Elapsed.TotalSeconds:0.0} s; the bar showed {between.Count} values on its way: {string.Join(", ", between)}");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("/staff?lang=zh")]
    [InlineData("/staff?lang=en")]
    [InlineData("/staff/requests?lang=zh")]
    [InlineData("/staff/requests?lang=en")]
    [InlineData("/staff/import?lang=zh")]
    [InlineData("/staff/stations?lang=en")]
    [InlineData("/staff/place?lang=zh")]
    [InlineData("/staff/place?which=committees&lang=en")]
    [InlineData("/staff/stations/judicial-office-beizhan?lang=zh")]
    [InlineData("/staff/stations/judicial-office-beizhan?lang=en")]
    [InlineData("/staff/stations/new?lang=zh")]
    public async Task StaffPage_HasNoSeriousOrCriticalViolations_AndIsUsableAt768PixelsWide(string url)
    {
        var (page, _) = await SignedInAsync($"e2e-axe-{Guid.NewGuid():N}@example.org", url, url.EndsWith("=en"), bypassCsp: true);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        var serious = await AccessibilityTests.SeriousViolationsAsync(page);
        var name = string.Concat(url.TrimStart('/').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"axe-{name}-1366x768.png"), FullPage = true });
        Assert.True(serious.Count == 0, url + "\n" + string.Join("\n", serious));

        // At 768 px (a tablet held upright) the page does not scroll sideways: wide grids scroll within themselves.
        await page.SetViewportSizeAsync(768, 1024);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"staff-{name}-768x1024.png"), FullPage = true });
        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(size[0] <= size[1], $"{url} is {size[0]} px wide at {size[1]} px");
    }
}
