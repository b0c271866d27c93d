using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Web.Stations;

/// <summary>Loads data/holidays.json once (China's statutory days off and make-up working days); empty when missing.</summary>
public static class HolidayCalendarProvider
{
    public static HolidayCalendar Load(ILogger logger)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "holidays.json");
        if (!File.Exists(path))
        {
            logger.LogWarning("No holiday calendar at {Path}: public holidays are not taken into account", path);
            return HolidayCalendar.Empty;
        }
        using var stream = File.OpenRead(path);
        var calendar = HolidayCalendar.Read(stream);
        logger.LogInformation("Holiday calendar for {Years}", string.Join(", ", calendar.Years));
        return calendar;
    }
}
