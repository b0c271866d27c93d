using System.Globalization;

namespace LegalServiceMap.Core.Stations;

/// <summary>
/// One row of the special-days editor: a date ("yyyy-MM-dd"), closed or open in one period or two with a lunch break
/// (times "HH:mm" as a time input gives them), and a note residents read.
/// </summary>
public sealed record SpecialDay(string? Date, bool Closed = true, string? Opens = null, string? Closes = null, string? Opens2 = null, string? Closes2 = null, string? Note = null)
{
    public const int MaxNoteLength = 60;

    public bool HasLunchBreak => !string.IsNullOrWhiteSpace(Opens2) || !string.IsNullOrWhiteSpace(Closes2);
}

/// <summary>What is wrong with a row (by its index): <c>Date</c> (none or not a date), <c>Duplicate</c> (a date twice), <c>Note</c> (too long), or a day's <see cref="DayProblem"/> code.</summary>
public sealed record SpecialDayProblem(int Row, string Code);

/// <summary>
/// The special days (dated exceptions) as rows for the editor, and back to the text <see cref="DatedExceptionsText"/>
/// reads, so the rows, the importer and the audit keep one format. The times of a row are checked as a weekday's are
/// (<see cref="WeeklyHours"/>). Pure.
/// </summary>
public static class SpecialDays
{
    public static IReadOnlyList<SpecialDay> From(IEnumerable<DatedException> exceptions) =>
        exceptions.OrderBy(e => e.Date).Select(e => e.Periods.Count switch
        {
            0 => new SpecialDay(Iso(e.Date), true, Note: e.Note),
            1 => new SpecialDay(Iso(e.Date), false, Time(e.Periods[0].Opens), Time(e.Periods[0].Closes), Note: e.Note),
            _ => new SpecialDay(Iso(e.Date), false, Time(e.Periods[0].Opens), Time(e.Periods[0].Closes), Time(e.Periods[1].Opens), Time(e.Periods[1].Closes), e.Note),
        }).ToList();

    /// <summary>True when every exception fits a row (at most two periods a day); otherwise the text is edited as text.</summary>
    public static bool Fits(IEnumerable<DatedException> exceptions) => exceptions.All(e => e.Periods.Count <= 2);

    /// <summary>The text of the rows (sorted by date), or null with the problems.</summary>
    public static string? ToText(IReadOnlyList<SpecialDay> rows, out IReadOnlyList<SpecialDayProblem> problems)
    {
        var found = new List<SpecialDayProblem>();
        var exceptions = new List<DatedException>();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!DateOnly.TryParseExact(row.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                found.Add(new SpecialDayProblem(i, "Date"));
                continue;
            }
            if (!seen.Add(date)) found.Add(new SpecialDayProblem(i, "Duplicate"));
            var note = row.Note?.ReplaceLineEndings(" ").Trim() is { Length: > 0 } n ? n : null;
            if (note is { Length: > SpecialDay.MaxNoteLength }) found.Add(new SpecialDayProblem(i, "Note"));
            if (row.Closed)
            {
                exceptions.Add(new DatedException(date, [], note));
                continue;
            }
            var (periods, dayProblems) = WeeklyHours.ToPeriods([new DayHours(DayOfWeek.Monday, true, row.Opens, row.Closes, row.Opens2, row.Closes2)]);
            found.AddRange(dayProblems.Select(p => new SpecialDayProblem(i, p.Code)));
            exceptions.Add(new DatedException(date, periods.Select(p => (p.Opens, p.Closes)).ToList(), note));
        }
        problems = found;
        return found.Count > 0 ? null : DatedExceptionsText.Format(exceptions);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
