using LegalServiceMap.Core.Portal;

namespace LegalServiceMap.Web.Features.Portal;

/// <summary>The consultation form as the page posts it: the form's fields, the submission's idempotency key and the honeypot.</summary>
public sealed class ConsultationInput : ConsultationForm
{
    public ConsultationInput() => PreferredReply = "phone";

    public string? Key { get; set; }
    /// <summary>Hidden from people; a bot that fills it in is answered politely and nothing is saved.</summary>
    public string? Website { get; set; }
}

/// <summary>The error report as the page posts it (see <see cref="ConsultationInput"/>).</summary>
public sealed class ErrorReportInput : ErrorReportForm
{
    public string? Key { get; set; }
    public string? Website { get; set; }
}

/// <summary>The legal-aid pre-application as the page posts it (see <see cref="ConsultationInput"/>); <see cref="Action"/> says
/// whether the resident asked for the self-check or sent the application.</summary>
public sealed class LegalAidInput : LegalAidForm
{
    public string? Key { get; set; }
    public string? Website { get; set; }
    public string? Action { get; set; }
}
