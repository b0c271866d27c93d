using System.Globalization;

namespace LegalServiceMap.Web.Features.Staff.Stations;

/// <summary>
/// Dates in the staff forms: a field keeps "yyyy-MM-dd" (what the importer reads); the date pickers show it in the
/// reader's language (2026年12月1日 in Chinese, not the browser's mm/dd/yyyy).
/// </summary>
public static class FieldDates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>How a date picker shows a date in the current language.</summary>
    public static string Display => Setup.Localization.IsEnglish ? Format : "yyyy年M月d日";

    public static DateTime? Parse(string? field) =>
        DateOnly.TryParseExact(field, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToDateTime(TimeOnly.MinValue) : null;

    public static string Write(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static string? Write(DateTime? date) => date?.ToString(Format, CultureInfo.InvariantCulture);
}
