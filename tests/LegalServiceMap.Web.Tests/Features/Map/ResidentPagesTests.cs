using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Map;

/// <summary>
/// Resident pages are plain server-rendered HTML over HTTP: no interactive component (so the browser never opens a
/// /_blazor connection for them), the list of an address in the HTML itself, the offline copy's pieces in place. The
/// staff workspace stays interactive.
/// </summary>
public sealed class ResidentPagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { HandleCookies = false });

    /// <summary>The marker Blazor writes for a component that becomes interactive over a circuit.</summary>
    private static readonly Regex ServerComponent = new("<!--Blazor:\\{[^}]*\"type\":\"server\"");

    public static TheoryData<string> ResidentAddresses => new()
    {
        "/", "/?type=notary&lat=31.248121&lng=121.467748&station=judicial-office-beizhan&minutes=20&speed=elder&open=1&all=1",
        "/?lang=en", "/stations/culture-labour-secretariat", "/culture", "/culture?pace=elder", "/coverage", "/coverage?type=notary&minutes=20",
        "/consult", "/legal-aid", "/report", "/status", "/offline", "/not-found", "/stations/no-such-station",
    };

    [Theory]
    [MemberData(nameof(ResidentAddresses))]
    public async Task AResidentPage_HasNoInteractiveComponent_SoNoBrowserOpensACircuitForIt(string address)
    {
        var html = await (await _client.GetAsync(address)).Content.ReadAsStringAsync(); // the unknown station: its 404 page
        Assert.DoesNotMatch(ServerComponent, html);
        Assert.DoesNotContain("components-reconnect-modal", html); // the reconnect notice is the staff workspace's
        Assert.Contains("_framework/blazor.web", html); // still there: enhanced navigation
    }

    [Fact]
    public async Task AStaffPage_IsStillInteractive()
    {
        // Signed out, the sign-in page is a static form; the staff overview for a signed-in user is tested with its
        // circuit in the staff and failover journeys. Here: the workspace's own shell asks for the interactive router.
        var html = await _client.GetStringAsync("/staff/login");
        Assert.Contains("MudBlazor.min.css", html);
        Assert.DoesNotMatch("_framework/blazor.web[^\"]*\" defer", html); // not deferred behind the map's module there
    }

    [Fact]
    public void EveryRoutablePageOutsideTheStaffWorkspace_IsExcludedFromInteractiveRouting()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Select(t => (Type: t, Routes: t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ToList()))
            .Where(p => p.Routes.Count > 0 && !p.Routes.All(r => r.StartsWith("/staff", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.NotEmpty(pages);
        // The error and not-found pages also serve the staff workspace's router; App.razor keeps them static outside /staff.
        var shared = new[] { "/Error", "/not-found" };
        var interactive = pages.Where(p => p.Routes.Except(shared).Any() && p.Type.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null)
            .Select(p => $"{p.Type.Name} ({string.Join(", ", p.Routes)})").ToList();
        Assert.True(interactive.Count == 0, "interactive resident pages: " + string.Join("; ", interactive));
    }

    [Fact]
    public async Task TheMapPage_RendersTheListForItsAddress_WithoutScript()
    {
        var html = await _client.GetStringAsync("/?type=judicial-office&lat=31.3143&lng=121.4571&all=1");
        var ids = Regex.Matches(html, "<li class=\"station-item\" data-station-id=\"([^\"]+)\" data-type=\"([^\"]+)\"").Select(m => (Id: m.Groups[1].Value, Type: m.Groups[2].Value)).ToList();
        var offices = factory.Services.GetRequiredService<LegalServiceMap.Web.Features.Stations.StationQueries>().PublicCatalog.All.Count(s => s.Type == LegalServiceMap.Core.Stations.StationType.JudicialOffice);
        Assert.Equal(offices, ids.Count);
        Assert.All(ids, i => Assert.Equal("judicial-office", i.Type));
        Assert.Equal("judicial-office-linfenlu", ids[0].Id); // nearest to the point in the far north
        Assert.Contains("data-testid=\"walk-summary\"", html);
        // A plain GET form carries every choice, so a browser without script can change them.
        Assert.Matches("<form id=\"map-form\" method=\"get\" action=\"[.]\"", html);
        Assert.Contains("name=\"type\" value=\"judicial-office\" form=\"map-form\" checked", html);
    }

    [Fact]
    public async Task WhatAPlainFormSends_GivesTheSamePageAsTheCanonicalAddress()
    {
        static string List(string html) => string.Join(",", Regex.Matches(html, "data-station-id=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        var canonical = await _client.GetStringAsync("/?type=notary,judicial-office&lat=31.248121&lng=121.467748&minutes=20&open=1");
        var raw = await _client.GetStringAsync("/?q=&type=notary&type=judicial-office&minutes=20&speed=normal&leave=now&depart=2026-12-07T10:00&open=1&lat=31.248121&lng=121.467748");
        Assert.Equal(List(canonical), List(raw));
    }

    [Fact]
    public async Task EveryPage_CarriesAHiddenOfflineBanner_AndTheServiceWorkerAndOfflinePageAreServed()
    {
        var html = await _client.GetStringAsync("/stations/culture-labour-secretariat");
        // wwwroot/sw.js shows it in a kept copy by removing exactly this "hidden".
        Assert.Matches(@"data-offline-banner hidden>\s*<strong>离线 · 截至 \d{4}-\d\d-\d\d \d\d:\d\d</strong>", html);

        var sw = await _client.GetAsync("/sw.js");
        Assert.Equal(HttpStatusCode.OK, sw.StatusCode);
        Assert.Equal("text/javascript", sw.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-offline-banner hidden", await sw.Content.ReadAsStringAsync());
        Assert.Contains("no-cache", sw.Headers.CacheControl?.ToString() ?? ""); // a new worker is found at the next visit

        var offline = await _client.GetStringAsync("/offline");
        Assert.Contains("本机未保存此页面", offline);
    }
}
