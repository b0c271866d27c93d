using LegalServiceMap.Core.Portal;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Web.Features.Portal;

/// <summary>A resident's consultation, error report or legal-aid pre-application, kept until answered and then for the retention period.</summary>
public sealed class Submission
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public required string Kind { get; set; }
    public required string Status { get; set; }
    /// <summary>The client's key for this one submission: a retried or doubled post with the same key makes no second record.</summary>
    public required string IdempotencyKey { get; set; }
    /// <summary>SHA-256 (hex) of the payload sent with <see cref="IdempotencyKey"/>: the same key with another body is refused, never answered with this reference.</summary>
    public string? PayloadHash { get; set; }
    /// <summary>
    /// The 6-digit code that, with the reference, opens the status page when no mobile was given (shown once when it
    /// is sent). Kept as text: it guards only the status and reply, which sit in the same row.
    /// </summary>
    public string? AccessCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string Name { get; set; }
    /// <summary>Mainland mobile, digits only; shown masked (138****5678) except on the staff detail view.</summary>
    public string? Mobile { get; set; }
    public string? Contact { get; set; }
    public string? StationId { get; set; }
    public string? Topic { get; set; }
    /// <summary>The whole form as JSON text (stored as text, always encoded on output).</summary>
    public required string Payload { get; set; }
    public string? Reply { get; set; }
    public string? AssignedTo { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>Limits of the resident portal (section "Portal").</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>New submissions allowed per client address within <see cref="WindowMinutes"/>.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000_000)] public int PermitsPerWindow { get; set; } = 10;
    [System.ComponentModel.DataAnnotations.Range(1, 1440)] public int WindowMinutes { get; set; } = 10;
    /// <summary>Days a closed submission is kept before its personal data is purged.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3650)] public int RetentionDaysAfterClosing { get; set; } = 180;

    /// <summary>
    /// Shanghai's economic-hardship line for legal aid, yuan per person per month, as the bureau sets it. Not set by default:
    /// the self-check then says staff will assess the income instead of guessing.
    /// </summary>
    public decimal? LegalAidMonthlyIncomeThresholdYuan { get; set; }

    /// <summary>Working days to answer a consultation: Shanghai's 12348 platform answers messages within 3 (S44).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 30)] public int ConsultationReplyWorkingDays { get; set; } = 3;

    /// <summary>Working days to answer an error report: staff check it with the station (our own standard).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 30)] public int ErrorReportReplyWorkingDays { get; set; } = 5;

    /// <summary>
    /// Working days to answer a legal-aid pre-application: 5, so the answer comes within the 7 days the Legal Aid Law
    /// (art. 43) gives a legal-aid agency to decide on an application.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 30)] public int LegalAidReplyWorkingDays { get; set; } = 5;

    public int ReplyWorkingDays(SubmissionKind kind) => kind switch
    {
        SubmissionKind.Consultation => ConsultationReplyWorkingDays,
        SubmissionKind.ErrorReport => ErrorReportReplyWorkingDays,
        _ => LegalAidReplyWorkingDays,
    };
}

/// <summary>The reply date a resident is promised for a submission (working days, with the holiday calendar).</summary>
public sealed class ReplyPromises(Microsoft.Extensions.Options.IOptions<PortalOptions> options, HolidayCalendar calendar)
{
    public int WorkingDays(SubmissionKind kind) => options.Value.ReplyWorkingDays(kind);

    public DateOnly DueBy(SubmissionKind kind, DateTimeOffset received) => ReplyPromise.DueBy(received, WorkingDays(kind), calendar);

    /// <summary>The form names the portal pages use (submitted?form=…) → their kind.</summary>
    public static SubmissionKind? KindOfForm(string? form) => form switch
    {
        "consult" => SubmissionKind.Consultation,
        "report" => SubmissionKind.ErrorReport,
        "legal-aid" => SubmissionKind.LegalAid,
        _ => null,
    };

    /// <summary>The date as the API writes it (ISO 8601, <c>replyDueBy</c>).</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date as residents read it in their language (2026年12月10日 / Thursday, December 10, 2026).</summary>
    public static string Format(DateOnly date) => date.ToString("D", System.Globalization.CultureInfo.CurrentCulture);
}

/// <summary>Something staff did with a submission (viewed in full, assigned, replied, closed, reopened), with who and when.</summary>
public sealed class SubmissionEvent
{
    public long Id { get; set; }
    public long SubmissionId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string User { get; set; }
    /// <summary>view, assign, reply, close, reopen.</summary>
    public required string Action { get; set; }
    public string? Detail { get; set; }
}
