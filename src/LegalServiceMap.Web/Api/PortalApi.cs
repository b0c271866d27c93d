using System.Threading.RateLimiting;
using LegalServiceMap.Core.Requests;
using LegalServiceMap.Web.Portal;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Api;

/// <summary>
/// The resident portal's API for the host app: POST /api/submissions/consultation and /api/submissions/error-report
/// (JSON, an Idempotency-Key header, the same validation as the forms; 201 with the reference, or 200 with the same
/// reference on a retry) and GET /api/submissions/{reference}?last4=. Submissions are rate-limited per IP address.
/// </summary>
public static class PortalApi
{
    public const string RateLimitPolicy = "submissions";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitsPerWindow,
                        Window = TimeSpan.FromMinutes(options.WindowMinutes),
                        QueueLimit = 0,
                    });
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await TypedResults.Problem(statusCode: 429, title: L["Form_TooMany"]).ExecuteAsync(http);
                }
                else
                {
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync(L["Form_TooMany"], ct);
                }
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/submissions").WithTags("Portal");
        group.MapPost("/consultation", (ConsultationForm form, HttpContext http, SubmissionService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            Submit(http, L, SubmissionRules.Validate(form), key => service.SubmitAsync(form, key, ct))).RequireRateLimiting(RateLimitPolicy);
        group.MapPost("/error-report", (ErrorReportForm form, HttpContext http, SubmissionService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            Submit(http, L, SubmissionRules.Validate(form), key => service.SubmitAsync(form, key, ct))).RequireRateLimiting(RateLimitPolicy);
        group.MapPost("/legal-aid", async (LegalAidForm form, HttpContext http, SubmissionService service, IOptions<PortalOptions> options,
            IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            var check = LegalAidCheck.Evaluate(form, options.Value.LegalAidMonthlyIncomeThresholdYuan);
            var result = await Submit(http, L, LegalAidCheck.Validate(form), key => service.SubmitAsync(form, check, key, ct));
            return result;
        }).RequireRateLimiting(RateLimitPolicy);
        group.MapPost("/legal-aid/check", (LegalAidForm form, IOptions<PortalOptions> options, IStringLocalizer<SharedResource> L) =>
        {
            var check = LegalAidCheck.Evaluate(form, options.Value.LegalAidMonthlyIncomeThresholdYuan);
            return Results.Json(new
            {
                outlook = check.Outlook.ToString(),
                explanation = check.Reasons.Select(r => L[r].Value),
                documents = check.Documents.Select(d => L[d].Value),
                note = L["LegalAid_Decides"].Value,
            });
        });
        group.MapGet("/{reference}", async (string reference, string? last4, SubmissionService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            await service.FindAsync(reference, last4, ct) is { } view
                ? Results.Json(new
                {
                    reference = view.Reference,
                    kind = SubmissionService.KindSlug(view.Kind),
                    status = SubmissionService.StatusSlug(view.Status),
                    createdAt = view.CreatedAt,
                    reply = view.Reply,
                })
                : TypedResults.Problem(statusCode: 404, title: L["Status_NotFound"]));
        return app;
    }

    private static async Task<IResult> Submit(HttpContext http, IStringLocalizer L, Dictionary<string, string> problems, Func<string, Task<SubmitResult>> save)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (!SubmissionService.ValidKey(key)) problems["idempotencyKey"] = "Form_IdempotencyKey";
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { L[p.Value].Value }), title: L["Api_InvalidTitle"]);
        }
        var result = await save(key);
        return result.Created
            ? Results.Json(new { reference = result.Reference, created = true }, statusCode: StatusCodes.Status201Created)
            : Results.Json(new { reference = result.Reference, created = false });
    }
}
