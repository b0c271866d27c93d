using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace LegalServiceMap.Core.Portal;

/// <summary>What a resident sent.</summary>
public enum SubmissionKind { Consultation, ErrorReport, LegalAid }

public enum SubmissionStatus { Received, InProgress, Answered, Closed }

/// <summary>When a resident is promised an answer: a number of working days after the day (in Shanghai) it was received.</summary>
public static class ReplyPromise
{
    public static DateOnly DueBy(DateTimeOffset received, int workingDays, Stations.HolidayCalendar calendar) =>
        calendar.AddWorkingDays(DateOnly.FromDateTime(Stations.OpeningHours.ToShanghai(received)), workingDays);
}

/// <summary>留言咨询: a question for staff to answer.</summary>
public class ConsultationForm
{
    public static readonly string[] Topics = ["legal-aid", "notary", "mediation", "labour", "family", "housing", "other"];
    public static readonly string[] Replies = ["phone", "sms", "none"];

    public string? Topic { get; set; }
    public string? Question { get; set; }
    public string? Name { get; set; }
    public string? Mobile { get; set; }
    public string? PreferredReply { get; set; }
    public string? StationId { get; set; }
    /// <summary>The resident agreed to the stated purpose and retention of their personal information.</summary>
    public bool Consent { get; set; }
}

/// <summary>纠错: the fields of the district site's error-report form.</summary>
public class ErrorReportForm
{
    public static readonly string[] ErrorTypes = ["wrong-address", "wrong-phone", "wrong-hours", "closed", "wrong-position", "translation", "other"];

    public string? ErrorType { get; set; }
    /// <summary>出错页面的地址: the page the resident was on.</summary>
    public string? PageUrl { get; set; }
    /// <summary>内容标题: the station's name.</summary>
    public string? ContentTitle { get; set; }
    /// <summary>操作经过: what the resident did and saw.</summary>
    public string? WhatHappened { get; set; }
    public string? Name { get; set; }
    public string? Contact { get; set; }
    public string? StationId { get; set; }
    public bool Consent { get; set; }
}

/// <summary>Validation of resident forms: field → resource key of the message. Pure; thread-safe.</summary>
public static partial class SubmissionRules
{
    public const int MaxQuestion = 2000;
    public const int MaxName = 50;
    public const int MaxText = 2000;
    public const int MaxUrl = 500;

    /// <summary>Mainland mobile numbers: 11 digits starting with 1[3-9]; spaces, dashes and +86 are tolerated.</summary>
    public static string? NormalizeMobile(string? mobile)
    {
        if (string.IsNullOrWhiteSpace(mobile)) return null;
        var digits = new string(mobile.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("86") && digits.Length == 13) digits = digits[2..];
        return MobilePattern().IsMatch(digits) ? digits : null;
    }

    /// <summary>138****5678.</summary>
    public static string Mask(string? mobile) =>
        mobile is { Length: 11 } m ? m[..3] + "****" + m[7..] : mobile is { Length: > 4 } other ? "****" + other[^4..] : "****";

    public static Dictionary<string, string> Validate(ConsultationForm f)
    {
        var e = new Dictionary<string, string>();
        if (f.Topic is null || !ConsultationForm.Topics.Contains(f.Topic)) e["topic"] = "Form_ChooseTopic";
        if (string.IsNullOrWhiteSpace(f.Question)) e["question"] = "Form_Required";
        else if (f.Question.Length > MaxQuestion) e["question"] = "Form_TooLong";
        Name(f.Name, e);
        if (string.IsNullOrWhiteSpace(f.Mobile)) e["mobile"] = "Form_Required";
        else if (NormalizeMobile(f.Mobile) is null) e["mobile"] = "Form_BadMobile";
        if (f.PreferredReply is null || !ConsultationForm.Replies.Contains(f.PreferredReply)) e["preferredReply"] = "Form_ChooseReply";
        if (f.StationId is { Length: > 100 }) e["stationId"] = "Form_TooLong";
        if (!f.Consent) e["consent"] = "Form_Consent";
        return e;
    }

    public static Dictionary<string, string> Validate(ErrorReportForm f)
    {
        var e = new Dictionary<string, string>();
        if (f.ErrorType is null || !ErrorReportForm.ErrorTypes.Contains(f.ErrorType)) e["errorType"] = "Form_ChooseErrorType";
        if (string.IsNullOrWhiteSpace(f.PageUrl)) e["pageUrl"] = "Form_Required";
        else if (f.PageUrl.Length > MaxUrl) e["pageUrl"] = "Form_TooLong";
        if (string.IsNullOrWhiteSpace(f.ContentTitle)) e["contentTitle"] = "Form_Required";
        else if (f.ContentTitle.Length > 200) e["contentTitle"] = "Form_TooLong";
        if (string.IsNullOrWhiteSpace(f.WhatHappened) || f.WhatHappened.Trim().Length < 10) e["whatHappened"] = "Form_AtLeast10";
        else if (f.WhatHappened.Length > MaxText) e["whatHappened"] = "Form_TooLong";
        Name(f.Name, e);
        if (f.Contact is { Length: > 100 }) e["contact"] = "Form_TooLong";
        if (f.StationId is { Length: > 100 }) e["stationId"] = "Form_TooLong";
        if (!f.Consent) e["consent"] = "Form_Consent";
        return e;
    }

    private static void Name(string? name, Dictionary<string, string> e)
    {
        if (string.IsNullOrWhiteSpace(name)) e["name"] = "Form_Required";
        else if (name.Trim().Length > MaxName) e["name"] = "Form_TooLong";
    }

    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I/L

    /// <summary>JA-2026-000123-K7QF: a yearly number people can read out, and 4 random characters so references cannot be guessed.</summary>
    public static string Reference(int year, long sequence) =>
        $"JA-{year}-{sequence:000000}-{new string(Enumerable.Range(0, 4).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray())}";

    /// <summary>The 6-digit code that opens the status of a submission without a mobile (one in a million to guess; look-ups are limited).</summary>
    public static string AccessCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();
}
