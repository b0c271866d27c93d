using LegalServiceMap.Web.Setup;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Portal;

/// <summary>
/// What the three resident forms do once a form is valid: save it, and go to the submitted page with the reference;
/// a submission without a mobile carries its access code there in a short-lived cookie that only that page reads (never
/// in the address, which ends up in histories and logs). A key already used for another text (the resident went back and
/// changed the form) gets a new key: that is a new submission. Past the client's allowance nothing is saved and the
/// page says when to try again (429, Retry-After).
/// </summary>
public static class PortalSending
{
    public const string CodeCookie = "lsm.code";

    /// <summary>Null when the resident was sent on to the submitted page; else the message to show on the form.</summary>
    public static async Task<string?> SendAsync(HttpContext? http, NavigationManager navigation, IStringLocalizer L, string formName,
        Func<string, string, Task<SubmitResult>> save, string key, Action<string> rekey)
    {
        var client = http is null ? "unknown" : RateLimits.ClientKey(http);
        var result = await save(key, client);
        if (result.Outcome == SubmitOutcome.KeyReused)
        {
            key = Guid.NewGuid().ToString("N");
            rekey(key);
            result = await save(key, client);
        }
        if (result.Outcome == SubmitOutcome.Limited)
        {
            var wait = result.RetryAfter ?? TimeSpan.FromMinutes(1);
            if (http is not null) RateLimits.MarkTooMany(http, wait, RateLimits.Doors.Submission);
            return L["Form_TooMany"] + " " + L["Limit_TryAgainIn", RateLimits.Minutes(wait)];
        }
        if (result.AccessCode is { } code && http is { Response.HasStarted: false })
        {
            http.Response.Cookies.Append(CodeCookie, $"{result.Reference}:{code}", new CookieOptions
            {
                Path = "/submitted", HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromMinutes(15), IsEssential = true,
            });
        }
        navigation.NavigateTo($"submitted/{Uri.EscapeDataString(result.Reference!)}?form={formName}");
        return null;
    }
}
