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
        await Assertions.Expect(page.GetByTestId("edit-save")).ToBeVisibleAsync();
        // Type only once the form is interactive (prerendered inputs are replaced when the circuit starts).
        await Assertions.Expect(page.Locator("form.edit-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 20_000 });
        await phone.FillAsync("021-66668888");
        await phone.BlurAsync();
        await page.GetByTestId("edit-verified-today").ClickAsync();
        await page.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edit-saved")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("edit-history")).ToContainTextAsync("021-66668888");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "staff-edit-zh-1366x768.png"), FullPage = true });

        await page.GotoAsync("/stations/judicial-office-daninglu");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "021-66668888" })).ToHaveAttributeAsync("href", "tel:02166668888");
        await Assertions.Expect(page.GetByTestId("unverified")).ToHaveCountAsync(0);
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
        var mine = page.GetByTestId("audit").GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(mine.Filter(new() { HasText = signedIn }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"staff-audit-{lang}-{width}x{height}.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
