using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace LegalServiceMap.Web.Setup;

/// <summary>
/// zh-CN by default, English on request. The host app deep-links with <c>?lang=en|zh</c>; the choice is kept
/// in the standard culture cookie so the Blazor circuit (and the next visit) use it too.
/// </summary>
public static class Localization
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo[] Supported = [Chinese, English];
    public const string QueryKey = "lang";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Maps a lang parameter (zh, zh-CN, zh-Hans, en, en-US…) to a supported culture.</summary>
    public static CultureInfo? Parse(string? lang) => lang?.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "zh-hans" or "zh-hans-cn" or "cn" => Chinese,
        "en" or "en-us" or "en-gb" => English,
        _ => null,
    };

    public static RequestLocalizationOptions CreateOptions()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
        };
        options.RequestCultureProviders =
        [
            new LangQueryCultureProvider(),
            new CookieRequestCultureProvider(),
            new ApiAcceptLanguageProvider(),
        ];
        return options;
    }

    /// <summary>
    /// Persists a page's <c>?lang=</c> choice in the culture cookie. On the API, <c>lang</c> chooses that one answer's
    /// language only: the map's own data requests (and the service worker keeping them for offline reading, which may
    /// run after the resident switched language) must not switch the resident's pages back.
    /// </summary>
    public static IApplicationBuilder UsePersistedLanguageChoice(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api") && Parse(context.Request.Query[QueryKey]) is { } culture)
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
            }
            await next();
        });

    /// <summary>
    /// The host app's Accept-Language for API answers (validation messages, 429s). Pages keep zh-CN unless the resident
    /// chose English: a phone's system language says little about the language a resident reads the service in.
    /// </summary>
    private sealed class ApiAcceptLanguageProvider : RequestCultureProvider
    {
        private readonly AcceptLanguageHeaderRequestCultureProvider _header = new();

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            _header.Options = Options;
            return httpContext.Request.Path.StartsWithSegments("/api")
                ? _header.DetermineProviderCultureResult(httpContext)
                : Task.FromResult<ProviderCultureResult?>(null);
        }
    }

    private sealed class LangQueryCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var culture = Parse(httpContext.Request.Query[QueryKey]);
            return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture.Name));
        }
    }
}
