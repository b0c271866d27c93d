using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Setup;

/// <summary>Limits on request bodies (section "Limits").</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "Limits";

    /// <summary>The largest request body any door takes (forms, JSON, sign-in): 64 KB by default.</summary>
    [System.ComponentModel.DataAnnotations.Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>
/// Answers every bad request with a clear, localized 4xx and never with the framework's exception text, in every
/// environment: problem+json under <c>/api</c> (a title per status, in the client's language), a small page elsewhere.
/// Unreadable bodies (not JSON, truncated, too deep, duplicate keys, wrong types), a wrong content type (415) and an
/// oversized body (413, refused before it is read) all end here. Exceptions that are not the client's fault are left to
/// the developer page (Development) or the error page (Production).
/// </summary>
public static class ClientErrors
{
    public static IServiceCollection AddClientErrors(this IServiceCollection services)
    {
        services.AddValidatedOptions<RequestLimitOptions>(RequestLimitOptions.Section);
        // Minimal APIs answer a body they cannot bind with a bare status code instead of throwing (the default in
        // Development), so no exception text reaches the client; the status code pages (the API's, and
        // UseClientErrorBodies for forms) give it a localized body.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.MaxDepth = 32;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var L = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            // Titles the framework fills in (English, per status) become ours; titles we set stay.
            if (problem.Title is null || problem.Title == ReasonPhrase(problem.Status))
            {
                problem.Title = L[TitleKey(problem.Status ?? 500)].Value;
            }
            problem.Detail = problem.Detail is { } d && !LooksLikeExceptionText(d) ? d : null;
            problem.Extensions.Remove("exception");
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        return services;
    }

    /// <summary>Catches what a client's bad request throws (BadHttpRequestException, an unreadable form) and answers it as a 4xx.</summary>
    public static IApplicationBuilder UseClientErrors(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value.MaxRequestBodyBytes;
        app.Use(async (context, next) =>
        {
            if (HasBody(context.Request) && !context.Request.Path.StartsWithSegments("/_blazor"))
            {
                if (context.Request.ContentLength > limit)
                {
                    await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, null, null);
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            }
            try
            {
                await next(context);
            }
            catch (Exception e) when (IsClientFault(e) && !context.Response.HasStarted)
            {
                var status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
                await WriteAsync(context, status, null, null);
            }
        });
        return app;
    }

    /// <summary>
    /// A form posted outside /api whose antiforgery token was refused (the page was open past its cookie, the webview
    /// dropped its cookies, a copied form): says so in the resident's language with a link back to the form — whose
    /// draft is still kept on the device — instead of the framework's empty 400. Nothing is sent; runs after
    /// UseAntiforgery, before the endpoint.
    /// </summary>
    public static IApplicationBuilder UseRefusedFormPages(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false }
                && !context.Request.Path.StartsWithSegments("/api"))
            {
                var L = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var form = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                await WriteAsync(context, StatusCodes.Status400BadRequest, L["Form_Expired_Title"], L["Form_Expired_Text"], api: false,
                    again: (form, L["Form_Expired_Again"]));
                return;
            }
            await next(context);
        });

    /// <summary>Gives an empty 4xx answer to a non-GET request outside /api (a refused form post) a localized body.</summary>
    public static IApplicationBuilder UseClientErrorBodies(this IApplicationBuilder app) =>
        app.UseStatusCodePages(context =>
            context.HttpContext.Response.StatusCode is >= 400 and < 500
                ? WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, null, null)
                : Task.CompletedTask);

    private static bool HasBody(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);

    private static bool IsClientFault(Exception e) =>
        e is BadHttpRequestException or Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException
        || (e is InvalidDataException or IOException && e.Message.Contains("form", StringComparison.OrdinalIgnoreCase))
        || (e is InvalidOperationException && e.Message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes a 4xx with a localized title (and optional detail): problem+json under /api, a small page elsewhere.</summary>
    /// <param name="again">On the page (not in problem+json): a link to try again, first (e.g. the form that was refused).</param>
    public static async Task WriteAsync(HttpContext http, int status, string? title, string? detail, bool? api = null, (string Href, string Text)? again = null)
    {
        if (http.Response.HasStarted) return;
        var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        http.Response.StatusCode = status;
        title ??= L[TitleKey(status)].Value;
        if (api ?? (http.Request.Path.StartsWithSegments("/api") || AcceptsJsonOnly(http.Request)))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
            });
            return;
        }
        var html = http.RequestServices.GetRequiredService<HtmlEncoder>();
        var lang = Localization.IsEnglish ? "en" : "zh-CN";
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{html.Encode(title)}</title>" +
            // Readable on a phone, links big enough to tap (44 px), without the app's stylesheet.
            "<style>body{font-family:system-ui,sans-serif;margin:1rem auto;padding:0 1rem;max-width:40rem;line-height:1.6}" +
            "h1{font-size:1.5rem}a{display:inline-block;min-height:44px;line-height:44px;color:#0b3d91}</style>" +
            $"</head><body><main><h1>{html.Encode(title)}</h1>" +
            (detail is null ? "" : $"<p>{html.Encode(detail)}</p>") +
            (again is { } link ? $"<p><a href=\"{html.Encode(link.Href)}\">{html.Encode(link.Text)}</a></p>" : "") +
            $"<p><a href=\"/\">{html.Encode(L["NotFound_Back"].Value)}</a></p></main></body></html>");
    }

    private static bool AcceptsJsonOnly(HttpRequest request) =>
        request.Headers.Accept.ToString() is { Length: > 0 } accept && accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The resource key of the title for a status code.</summary>
    public static string TitleKey(int status) => status switch
    {
        400 => "Http_400",
        401 => "Http_401",
        403 => "Http_403",
        404 => "Http_404",
        405 => "Http_405",
        409 => "Http_409",
        413 => "Http_413",
        415 => "Http_415",
        422 => "Http_422",
        429 => "Limit_TooManyRequests",
        >= 500 => "Error_Text",
        _ => "Http_400",
    };

    private static string? ReasonPhrase(int? status) =>
        status is { } s ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(s) is { Length: > 0 } p ? p : null : null;

    /// <summary>Whether a text reads like an exception's message or stack rather than something written for people.</summary>
    public static bool LooksLikeExceptionText(string text) =>
        text.Contains("Exception", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal)
        || text.Contains("System.", StringComparison.Ordinal) || text.Contains("Microsoft.", StringComparison.Ordinal)
        || text.Contains(" line ", StringComparison.Ordinal) && text.Contains("position", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An unhandled exception under /api answers 500 problem+json with a localized title and nothing of the exception.</summary>
public sealed class ApiExceptionHandler : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request's path is the error page's; the feature keeps the original.
        var path = httpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (path is null || !path.StartsWith("/api", StringComparison.OrdinalIgnoreCase)) return false;
        await ClientErrors.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, null, null, api: true);
        return true;
    }
}
