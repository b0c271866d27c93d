using LegalServiceMap.Core.Portal;
using LegalServiceMap.Web.Setup;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Features.Portal;

/// <summary>
/// The resident portal's API for the host app: POST /api/submissions/consultation, /error-report and /legal-aid
/// (JSON, an Idempotency-Key header, the same validation as the forms; 201 with the reference, or 200 with the same
/// reference on a retry with the same body; 409 when the key was used for another body; 429 with Retry-After past the
/// client's allowance of new submissions), POST /api/submissions/legal-aid/check, and
/// GET /api/submissions/{reference}?last4= (or ?code= for a submission sent without a mobile).
/// </summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/submissions").WithTags("Portal");
        group.MapPost("/consultation", (ConsultationForm form, HttpContext http, SubmissionService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            Submit(http, L, SubmissionKind.Consultation, SubmissionRules.Validate(form), key => service.SubmitAsync(form, key, RateLimits.ClientKey(http), ct)));
        group.MapPost("/error-report", (ErrorReportForm form, HttpContext http, SubmissionService service, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            Submit(http, L, SubmissionKind.ErrorReport, SubmissionRules.Validate(form), key => service.SubmitAsync(form, key, RateLimits.ClientKey(http), ct)));
        group.MapPost("/legal-aid", async (LegalAidForm form, HttpContext http, SubmissionService service, IOptions<PortalOptions> options,
            IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            var check = LegalAidCheck.Evaluate(form, options.Value.LegalAidMonthlyIncomeThresholdYuan);
            return await Submit(http, L, SubmissionKind.LegalAid, LegalAidCheck.Validate(form), key => service.SubmitAsync(form, check, key, RateLimits.ClientKey(http), ct));
        });
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
        group.MapGet("/{reference}", async (string reference, string? last4, string? code, HttpContext http, SubmissionService service, ReplyPromises promises,
            IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            var found = await service.LookUpAsync(reference, last4 ?? code, RateLimits.ClientKey(http), ct);
            if (found.RetryAfter is { } wait)
            {
                await RateLimits.WriteTooManyAsync(http, wait, "Limit_TooManyLookups", RateLimits.Doors.Status);
                return Results.Empty;
            }
            return found.View is { } view
                ? Results.Json(new
                {
                    reference = view.Reference,
                    kind = SubmissionService.KindSlug(view.Kind),
                    status = SubmissionService.StatusSlug(view.Status),
                    createdAt = view.CreatedAt,
                    replyDueBy = ReplyPromises.Iso(promises.DueBy(view.Kind, view.CreatedAt)),
                    reply = view.Reply,
                })
                : TypedResults.Problem(statusCode: 404, title: L["Status_NotFound"]);
        });
        return app;
    }

    private static async Task<IResult> Submit(HttpContext http, IStringLocalizer L, SubmissionKind kind, Dictionary<string, string> problems, Func<string, Task<SubmitResult>> save)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (!SubmissionService.ValidKey(key)) problems["idempotencyKey"] = "Form_IdempotencyKey";
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { L[p.Value].Value }), title: L["Api_InvalidTitle"]);
        }
        var result = await save(key);
        switch (result.Outcome)
        {
            case SubmitOutcome.Limited:
                await RateLimits.WriteTooManyAsync(http, result.RetryAfter!.Value, "Form_TooMany", RateLimits.Doors.Submission);
                return Results.Empty;
            case SubmitOutcome.KeyReused:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L["Form_KeyReused"]);
            default:
                // The reply date promised, in working days from today in Shanghai (a retry of an earlier post says the same
                // unless it crosses midnight; the status look-up counts from when it was received).
                var due = http.RequestServices.GetRequiredService<ReplyPromises>().DueBy(kind, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
                var body = new { reference = result.Reference, created = result.Created, accessCode = result.AccessCode, replyDueBy = ReplyPromises.Iso(due) };
                return result.Created ? Results.Json(body, statusCode: StatusCodes.Status201Created) : Results.Json(body);
        }
    }
}
