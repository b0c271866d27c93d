using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LegalServiceMap.Core.Stations;

/// <summary>
/// Weekly hours as staff type them, one line per day or day range:
/// <c>mon-fri 09:00-11:30 13:00-17:00</c>, <c>周六 09:00-12:00</c>; a lunch break is two periods. Pure; thread-safe.
/// </summary>
public static partial class OpeningHoursText
{
    private static readonly string[] English = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] Chinese = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Parses the text; on failure returns false with the 1-based numbers of the lines that could not be read.</summary>
    public static bool TryParse(string? text, out List<OpeningPeriod> periods, out List<int> badLines)
    {
        periods = [];
        badLines = [];
        var lines = (text ?? "").Replace("\r", "").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant().Replace("周天", "周日").Replace("–", "-").Replace("—", "-").Replace("～", "-").Replace("~", "-");
            if (line.Length == 0) continue;
            var m = LinePattern().Match(line);
            if (!m.Success || DayIndex(m.Groups["from"].Value) is not { } from)
            {
                badLines.Add(n + 1);
                continue;
            }
            var to = m.Groups["to"].Success ? DayIndex(m.Groups["to"].Value) : from;
            if (to is null || to < from)
            {
                badLines.Add(n + 1);
                continue;
            }
            var spans = new List<(TimeOnly, TimeOnly)>();
            var ok = true;
            foreach (Match p in PeriodPattern().Matches(m.Groups["periods"].Value))
            {
                if (TimeOnly.TryParseExact(p.Groups[1].Value.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                    && TimeOnly.TryParseExact(p.Groups[2].Value.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
                    && closes > opens)
                {
                    spans.Add((opens, closes));
                }
                else ok = false;
            }
            if (!ok || spans.Count == 0 || PeriodPattern().Replace(m.Groups["periods"].Value, "").Trim(' ', ',', '，').Length > 0)
            {
                badLines.Add(n + 1);
                continue;
            }
            for (var d = from; d <= to.Value; d++)
            {
                periods.AddRange(spans.Select(s => new OpeningPeriod(Week[d], s.Item1, s.Item2)));
            }
        }
        periods = periods.Distinct().OrderBy(p => ((int)p.Day + 6) % 7).ThenBy(p => p.Opens).ToList();
        return badLines.Count == 0;
    }

    /// <summary>One line per day with periods, Monday first, in the form <see cref="TryParse"/> reads.</summary>
    public static string Format(IEnumerable<OpeningPeriod> periods) =>
        string.Join("\n", OpeningHours.ByDay(periods.ToList()).Where(d => d.Periods.Count > 0)
            .Select(d => English[Array.IndexOf(Week, d.Day)] + " " + string.Join(" ", d.Periods.Select(p => $"{p.Opens:HH\\:mm}-{p.Closes:HH\\:mm}"))));

    private static int? DayIndex(string token)
    {
        var i = Array.IndexOf(English, token);
        if (i < 0) i = Array.IndexOf(Chinese, token);
        return i < 0 ? null : i;
    }

    [GeneratedRegex(@"^(?<from>mon|tue|wed|thu|fri|sat|sun|周[一二三四五六日])(?:\s*-\s*(?<to>mon|tue|wed|thu|fri|sat|sun|周[一二三四五六日]))?\s*[:：]?\s+(?<periods>.+)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})")]
    private static partial Regex PeriodPattern();
}
