using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Setup;

/// <summary>Embedding in the host app (section "Embed").</summary>
public sealed class EmbedOptions
{
    public const string Section = "Embed";

    /// <summary>Origins allowed to frame the site (CSP frame-ancestors); empty = only this site.</summary>
    public string[] AllowedOrigins { get; set; } = [];
    /// <summary>User-agent fragments of host apps whose webview always gets embed mode.</summary>
    public string[] HostUserAgents { get; set; } = [];
}

/// <summary>The display mode pages see (cascaded by the layout): elder mode also means the slower walking pace by default.</summary>
public sealed record DisplayMode(bool Elder);

/// <summary>
/// Embed mode (no site header or footer, for the host app's webview: <c>?embed=1</c>, kept for the session, or a
/// configured host user agent) and elder mode (长者模式: larger type that follows the system size, more contrast, a simpler
/// list; <c>/elder?on=1|0</c>, remembered for a year).
/// </summary>
public static class DisplayModes
{
    public const string EmbedCookie = "lsm.embed";
    public const string ElderCookie = "lsm.elder";

    public static bool IsEmbedded(HttpContext? http) =>
        http is not null && (http.Items.ContainsKey(EmbedCookie) || http.Request.Cookies[EmbedCookie] == "1");

    public static bool IsElder(HttpContext? http) =>
        http is not null && (http.Items.TryGetValue(ElderCookie, out var v) ? v is true : http.Request.Cookies[ElderCookie] == "1");

    /// <summary>The CSP frame-ancestors value: this site plus the configured host origins.</summary>
    public static string FrameAncestors(EmbedOptions options) =>
        string.Join(' ', new[] { "'self'" }.Concat(options.AllowedOrigins.Where(o => Uri.TryCreate(o, UriKind.Absolute, out var u) && u.Scheme is "https" or "http")));

    public static IApplicationBuilder UseDisplayModes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<EmbedOptions>>().Value;
            var embed = context.Request.Query["embed"].ToString();
            var agent = context.Request.Headers.UserAgent.ToString();
            if (embed == "1" || options.HostUserAgents.Any(a => a.Length > 0 && agent.Contains(a, StringComparison.OrdinalIgnoreCase)))
            {
                context.Items[EmbedCookie] = true;
                context.Response.Cookies.Append(EmbedCookie, "1", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            }
            else if (embed == "0")
            {
                context.Response.Cookies.Delete(EmbedCookie);
            }
            if (context.Request.Query["elder"].ToString() is "1" or "0" && context.Request.Query["elder"].ToString() is var elder)
            {
                context.Items[ElderCookie] = elder == "1";
                SetElder(context, elder == "1");
            }
            await next();
        });

    private static void SetElder(HttpContext context, bool on)
    {
        if (on) context.Response.Cookies.Append(ElderCookie, "1", new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        else context.Response.Cookies.Delete(ElderCookie);
    }

    /// <summary>GET /elder?on=1|0 (or ?toggle=1)&amp;returnUrl=… switches elder mode and goes back (works without script or connection).</summary>
    public static IEndpointRouteBuilder MapDisplayModes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/elder", (string? on, string? toggle, string? returnUrl, HttpContext http) =>
        {
            SetElder(http, toggle == "1" ? http.Request.Cookies[ElderCookie] != "1" : on == "1");
            return Results.LocalRedirect(LocalUrls.OrDefault(returnUrl, "/"));
        }).ExcludeFromDescription(); // a link residents follow, not part of the JSON API
        return app;
    }
}
