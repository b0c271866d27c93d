using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Web.Stations;

/// <summary>Loads data/holidays.json once (China's statutory days off and make-up working days); empty when missing.</summary>
public static class HolidayCalendarProvider
{
    public static HolidayCalendar Load(ILogger logger)
    {
        var calendar = Setup.DataFiles.Read("holidays.json", HolidayCalendar.Read, HolidayCalendar.Empty, logger,
            "public holidays are not taken into account");
        logger.LogInformation("Holiday calendar for {Years}", string.Join(", ", calendar.Years));
        return calendar;
    }
}
