using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LegalServiceMap.Core.Stations;

/// <summary>Hours for one date that replace the weekly hours and holidays: no periods means closed that day; a note says why (shown to residents).</summary>
public sealed record DatedException(DateOnly Date, IReadOnlyList<(TimeOnly Opens, TimeOnly Closes)> Periods, string? Note = null)
{
    public bool Closed => Periods.Count == 0;

    public bool Equals(DatedException? other) => other is not null && Date == other.Date && Periods.SequenceEqual(other.Periods) && Note == other.Note;
    public override int GetHashCode() => HashCode.Combine(Date, Periods.Count, Note);
}

/// <summary>
/// Dated exceptions as staff type them, one per line: <c>2026-12-24 09:00-12:00</c>, <c>2026-12-31 closed</c>
/// (or 休息 / 闭馆), optionally with a note after <c>#</c>: <c>2026-12-31 closed # 年终盘点</c>. Pure; thread-safe.
/// </summary>
public static partial class DatedExceptionsText
{
    public static bool TryParse(string? text, out List<DatedException> exceptions, out List<int> badLines)
    {
        exceptions = [];
        badLines = [];
        var lines = (text ?? "").Replace("\r", "").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Normalize(NormalizationForm.FormKC).Trim();
            if (line.Length == 0) continue;
            var m = LinePattern().Match(line);
            if (!m.Success || !DateOnly.TryParseExact(m.Groups["date"].Value, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                badLines.Add(n + 1);
                continue;
            }
            var rest = m.Groups["rest"].Value.Trim();
            string? note = null;
            if (rest.IndexOf('#') is var hash and >= 0)
            {
                note = rest[(hash + 1)..].Trim() is { Length: > 0 } written ? written : null;
                rest = rest[..hash].Trim();
            }
            if (Regex.IsMatch(rest, "^(closed|休息|闭馆|关闭|不开放)$", RegexOptions.IgnoreCase))
            {
                exceptions.Add(new DatedException(date, [], note));
                continue;
            }
            if (!OpeningHoursText.TryParse("mon " + rest, out var periods, out _) || periods.Count == 0)
            {
                badLines.Add(n + 1);
                continue;
            }
            exceptions.Add(new DatedException(date, periods.Select(p => (p.Opens, p.Closes)).ToList(), note));
        }
        if (exceptions.GroupBy(e => e.Date).Any(g => g.Count() > 1)) badLines.Add(0);
        exceptions = exceptions.OrderBy(e => e.Date).ToList();
        return badLines.Count == 0;
    }

    public static string Format(IEnumerable<DatedException> exceptions) =>
        string.Join("\n", exceptions.OrderBy(e => e.Date).Select(e =>
            e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " +
            (e.Closed ? "closed" : string.Join(" ", e.Periods.Select(p => $"{p.Opens:HH\\:mm}-{p.Closes:HH\\:mm}"))) +
            (e.Note is { Length: > 0 } note ? " # " + note : "")));

    [GeneratedRegex(@"^(?<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})\s+(?<rest>.+)$")]
    private static partial Regex LinePattern();
}
