using LegalServiceMap.Core.Portal;

namespace LegalServiceMap.Web.Features.Portal;

/// <summary>The consultation form as posted: the fields, the submission's idempotency key and the honeypot.</summary>
public sealed class ConsultationInput
{
    public string? Topic { get; set; }
    public string? Question { get; set; }
    public string? Name { get; set; }
    public string? Mobile { get; set; }
    public string? PreferredReply { get; set; } = "phone";
    public string? StationId { get; set; }
    public bool Consent { get; set; }
    public string? Key { get; set; }
    /// <summary>Hidden from people; a bot that fills it in is answered politely and nothing is saved.</summary>
    public string? Website { get; set; }

    public ConsultationForm ToForm() => new()
    {
        Topic = Topic, Question = Question, Name = Name, Mobile = Mobile, PreferredReply = PreferredReply, StationId = StationId, Consent = Consent,
    };
}

public sealed class ErrorReportInput
{
    public string? ErrorType { get; set; }
    public string? PageUrl { get; set; }
    public string? ContentTitle { get; set; }
    public string? WhatHappened { get; set; }
    public string? Name { get; set; }
    public string? Contact { get; set; }
    public string? StationId { get; set; }
    public bool Consent { get; set; }
    public string? Key { get; set; }
    public string? Website { get; set; }

    public ErrorReportForm ToForm() => new()
    {
        ErrorType = ErrorType, PageUrl = PageUrl, ContentTitle = ContentTitle, WhatHappened = WhatHappened, Name = Name, Contact = Contact,
        StationId = StationId, Consent = Consent,
    };
}
