using System.Net;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Features.Staff.Accounts;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace LegalServiceMap.Web.Tests.Platform;

/// <summary>
/// What an external scan checks at the doors: a session ends on the server at sign-out (a copied cookie stops working at
/// once), no return address makes a 500, and every cookie the app can send is Secure in Production.
/// </summary>
public sealed partial class SessionAndRedirectTests : IDisposable
{
    private const string Password = "a long enough passphrase";
    private readonly AppFactory _app = new() { EnvironmentName = "Production" };

    public void Dispose() => _app.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>A client over HTTPS (as behind the TLS proxy) that keeps cookies and follows no redirect.</summary>
    private HttpClient Client(CookieContainer cookies) =>
        _app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string returnUrl)
    {
        var token = Token().Match(await client.GetStringAsync("/staff/login")).Groups[1].Value;
        return await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "admin@example.org", ["password"] = Password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task SigningOut_EndsTheSessionOnTheServer_ACopiedCookieOpensNothing()
    {
        Assert.True((await StaffAuthentication.CreateAccountAsync(_app.Services, "admin@example.org", Password, StaffRoles.Admin)).Ok);
        var cookies = new CookieContainer();
        var staff = Client(cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(staff, "/staff")).StatusCode);

        // Someone copies the staff cookie (a shared computer, a proxy log)…
        var copied = new CookieContainer();
        foreach (Cookie c in cookies.GetAllCookies()) copied.Add(new Cookie(c.Name, c.Value, c.Path, c.Domain));
        var thief = Client(copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/staff/export?format=csv")).StatusCode);

        // …and the staff member signs out.
        var token = Token().Match(await staff.GetStringAsync("/staff")).Groups[1].Value;
        var signOut = await staff.PostAsync("/staff/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // The copy opens no staff door any more: APIs answer 401, pages the sign-in page.
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/staff/export?format=csv")).StatusCode);
        var page = await thief.GetAsync("/staff/stations");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("https://localhost/staff/login", page.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/é")]
    [InlineData("/stations/notary-jingan?q=静安寺")]
    [InlineData("/Ω/\u200b")]
    [InlineData("/a\u0001b")]
    [InlineData("/%E9")]
    [InlineData("/\u0430\u0440\u0440le")] // Cyrillic letters that look Latin
    public async Task NoReturnAddress_MakesA500_AndALocalOneComesBackEncoded(string returnUrl)
    {
        var client = Client(new CookieContainer());
        var elder = await client.GetAsync("/elder?toggle=1&returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, elder.StatusCode);
        var location = elder.Headers.Location!.OriginalString;
        Assert.All(location, c => Assert.InRange(c, '!', '~')); // printable ASCII only
        Assert.True(location == "/" || Uri.UnescapeDataString(location) == returnUrl, location);

        Assert.True((await StaffAuthentication.CreateAccountAsync(_app.Services, "admin@example.org", Password, StaffRoles.Admin)).Ok);
        var signIn = await SignInAsync(client, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.All(signIn.Headers.Location!.OriginalString, c => Assert.InRange(c, '!', '~'));
    }

    [Fact]
    public async Task InProduction_EveryCookieIsSecure_AndHttpOnlyUnlessScriptReadsIt()
    {
        Assert.True((await StaffAuthentication.CreateAccountAsync(_app.Services, "admin@example.org", Password, StaffRoles.Admin)).Ok);
        var client = Client(new CookieContainer());
        var headers = new List<string>();
        void Collect(HttpResponseMessage r) { if (r.Headers.TryGetValues("Set-Cookie", out var v)) headers.AddRange(v); }

        // Every door that writes a cookie: the language, embed and elder modes, the forms' antiforgery, sign-in, sign-out.
        Collect(await client.GetAsync("/?lang=en&embed=1&elder=1"));
        Collect(await client.GetAsync("/elder?on=1&returnUrl=%2F"));
        Collect(await client.GetAsync("/consult"));
        Collect(await client.GetAsync("/staff/login"));
        Collect(await SignInAsync(client, "/staff"));
        var token = Token().Match(await client.GetStringAsync("/staff")).Groups[1].Value;
        Collect(await client.PostAsync("/staff/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })));

        var names = headers.Select(h => h.Split('=')[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { ".AspNetCore.Culture", "lsm.embed", "lsm.elder", StaffAuthentication.CookieName }, names);
        Assert.All(headers, h => Assert.Contains("; secure", h, StringComparison.OrdinalIgnoreCase));
        Assert.All(headers, h => Assert.Contains("; httponly", h, StringComparison.OrdinalIgnoreCase));
    }
}
