using System.Net;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LegalServiceMap.Web.Tests.Platform;

public sealed class DisplayModeTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task EmbedParameter_HidesTheSiteChromeForTheSession()
    {
        var client = NewClient();
        var first = await client.GetAsync("/?embed=1&lang=en");
        Assert.Contains("<body class=\"embed\"", await first.Content.ReadAsStringAsync());
        var next = await client.GetStringAsync("/stations/notary-jingan");
        Assert.Contains("<body class=\"embed\"", next); // kept by a session cookie
        Assert.DoesNotContain("class=\"embed\"", await NewClient().GetStringAsync("/"));
    }

    [Fact]
    public async Task FrameAncestors_DefaultsToSelf()
    {
        var response = await NewClient().GetAsync("/");
        Assert.Contains("frame-ancestors 'self'", Directives(response));
    }

    [Fact]
    public async Task FrameAncestors_FollowTheConfiguration()
    {
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Embed:AllowedOrigins:0", "https://host.example"));
        var response = await configured.CreateClient().GetAsync("/");
        Assert.Contains("frame-ancestors 'self' https://host.example", Directives(response));
    }

    [Fact]
    public async Task ElderSwitch_IsRememberedAndGoesBack()
    {
        var client = NewClient();
        var toggle = await client.GetAsync("/elder?toggle=1&returnUrl=%2Fstations%2Fnotary-jingan");
        Assert.Equal(HttpStatusCode.Redirect, toggle.StatusCode);
        Assert.Equal("/stations/notary-jingan", toggle.Headers.Location!.OriginalString);
        Assert.Contains(toggle.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lsm.elder=1") && c.Contains("max-age", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<body class=\"elder\"", await client.GetStringAsync("/"));
        await client.GetAsync("/elder?toggle=1&returnUrl=%2F");
        Assert.DoesNotContain("class=\"elder\"", await client.GetStringAsync("/"));
        Assert.Equal("/", (await client.GetAsync("/elder?on=1&returnUrl=https%3A%2F%2Fevil.example")).Headers.Location!.OriginalString);
    }

    private static string[] Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries);
}
