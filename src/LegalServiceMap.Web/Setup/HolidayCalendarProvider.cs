using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Web.Setup;

/// <summary>
/// Loads the holiday calendar once: the chinese-days package's (data/generated/holidays.json, written by npm ci) merged
/// with data/holidays.json, which wins for the years it lists (<see cref="HolidayCalendar.Merge"/>). Either may be
/// missing; a year where both disagree is logged.
/// </summary>
public static class HolidayCalendarProvider
{
    public static HolidayCalendar Load(ILogger logger)
    {
        var generated = Setup.DataFiles.Read("generated/holidays.json", HolidayCalendar.Read, HolidayCalendar.Empty, logger,
            "the holiday calendar is only what data/holidays.json lists (run npm ci)");
        var overrides = Setup.DataFiles.Read("holidays.json", HolidayCalendar.Read, HolidayCalendar.Empty, logger,
            "no dates are added to the package's calendar");
        foreach (var year in HolidayCalendar.Disagreements(generated, overrides))
        {
            logger.LogWarning("data/holidays.json and the chinese-days package disagree on {Year}: data/holidays.json is used", year);
        }
        var calendar = HolidayCalendar.Merge(generated, overrides);
        logger.LogInformation("Holiday calendar for {First}–{Last} ({Count} years)", calendar.Years.FirstOrDefault(), calendar.Years.LastOrDefault(), calendar.Years.Count);
        return calendar;
    }
}
