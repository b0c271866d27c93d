using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Setup;

/// <summary>
/// The headers every answer carries: a Content-Security-Policy (scripts only from this site or with this response's
/// nonce, images from this site and the configured base map's tile hosts, connections only to this site, no plugins, forms and
/// base URL only to this site, framing only by this site and the configured host origins), a Permissions-Policy
/// (geolocation for this site only), nosniff and a referrer policy.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "lsm.csp-nonce";

    /// <summary>This response's script nonce (for the inline import map).</summary>
    public static string Nonce(HttpContext? http) => http?.Items[NonceKey] as string ?? "";

    /// <summary>The policy, with <c>{nonce}</c> where the response's nonce goes.</summary>
    public static string Policy(MapOptions map, EmbedOptions embed)
    {
        var tiles = string.Join(' ', BaseMap.Origins(map));
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self' 'nonce-{nonce}'",
            // Blazor, Leaflet and MudBlazor set style attributes; styles cannot run code.
            "style-src 'self' 'unsafe-inline'",
            $"img-src 'self' data: blob:{(tiles.Length == 0 ? "" : " " + tiles)}",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors " + DisplayModes.FrameAncestors(embed));
    }

    public const string PermissionsPolicy = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var policy = Policy(services.GetRequiredService<IOptions<MapOptions>>().Value, services.GetRequiredService<IOptions<EmbedOptions>>().Value);
        return app.Use(async (context, next) =>
        {
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: the same in the header and in HTML
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy.Replace("{nonce}", nonce);
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            await next();
        });
    }
}
