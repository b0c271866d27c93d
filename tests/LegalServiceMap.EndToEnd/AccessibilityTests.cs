using System.Text.Json;
using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>axe-core (from npm) run inside Chromium on the main resident pages, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static string AxeScript
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
                if (File.Exists(path)) return path;
            }
            throw new FileNotFoundException("node_modules/axe-core/axe.min.js (run npm ci)");
        }
    }

    [Theory]
    [InlineData("/?lang=zh")]
    [InlineData("/?lang=en")]
    [InlineData("/stations/culture-labour-secretariat?lang=zh")]
    [InlineData("/stations/culture-labour-secretariat?lang=en")]
    [InlineData("/report?station=notary-jingan&lang=zh")]
    [InlineData("/consult?lang=en")]
    [InlineData("/legal-aid?lang=zh")]
    [InlineData("/status?reference=JA-2026-000001-AAAA&lang=en")]
    [InlineData("/culture?lang=zh")]
    [InlineData("/culture?lang=en&elder=1")]
    [InlineData("/?station=culture-labour-secretariat&embed=1&lang=en")]
    [InlineData("/help?lang=zh")]
    [InlineData("/help?lang=en&unclear=1")]
    [InlineData("/help?problem=work&heard=%E6%B2%A1%E5%8F%91%E5%B7%A5%E8%B5%84&lang=zh")]
    [InlineData("/help?problem=work&work-deadline=no&work-what=unpaid&lang=zh")]
    [InlineData("/help?problem=violence&violence-what=not-sure&lang=en&elder=1")]
    [InlineData("/help?problem=documents&documents-what=abroad&lat=31.2486&lng=121.467&lang=en")]
    [InlineData("/help?problem=other&other-what=not-sure&lat=31.2304&lng=121.4737&lang=zh")]
    public async Task Page_HasNoSeriousOrCriticalViolations(string url)
    {
        // axe-core is injected as an inline script of the test's own: the page's policy would (rightly) refuse it.
        var (page, _) = await fixture.NewPageAsync(390, 844, bypassCsp: true);
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Colours are checked as they finally are: a popup fading in is half transparent for a moment.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        var serious = await SeriousViolationsAsync(page);
        Assert.True(serious.Count == 0, url + "\n" + string.Join("\n", serious));
    }

    /// <summary>axe-core's serious and critical violations on the page as it is now (the page's context must bypass its CSP).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = AxeScript });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { resultTypes: ['violations'] }); return r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })); }");
        return json.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
    }
}
