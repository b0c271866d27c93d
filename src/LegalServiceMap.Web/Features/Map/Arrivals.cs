using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Map;

/// <summary>
/// "Open when you arrive" for the places inside a walk: the answer (Core's <see cref="ArrivalStatus"/>) from the
/// departure (now, or a chosen time) plus each place's walking time, and its words in either language. One path for
/// the map page and the API.
/// </summary>
public sealed class Arrivals(HolidayCalendar calendar, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public ArrivalStatus For(ReachableStation reached, DateTimeOffset? departure) =>
        ArrivalStatus.For(reached.Station, departure ?? clock.GetUtcNow(), TimeSpan.FromSeconds(reached.WalkSeconds), calendar);

    /// <summary>Read as text (not only a colour): the arrival time and what is found then.</summary>
    public static string Text(ArrivalStatus a, IStringLocalizer L, bool english)
    {
        var arrival = a.ArrivalLocal.ToString("HH:mm");
        var at = a.At?.ToString("HH:mm") ?? "";
        return a.Answer switch
        {
            ArrivalAnswer.Open => L["Arrival_Open", arrival, at],
            ArrivalAnswer.OpensLater => L["Arrival_OpensLater", arrival, at],
            ArrivalAnswer.ClosesBeforeArrival => L["Arrival_ClosesBefore", arrival, at],
            ArrivalAnswer.HoursUnknown => L["Arrival_Unknown"],
            _ => a.Because switch
            {
                ClosedDayReason.Holiday => L["Arrival_Holiday", english ? a.Holiday!.NameEn : a.Holiday!.NameZh],
                ClosedDayReason.TemporarilyClosed => L["Arrival_TemporarilyClosed"],
                ClosedDayReason.Closed => L["Arrival_Closed"],
                _ => L["Arrival_RestDay", L["Day_" + a.ArrivalLocal.DayOfWeek.ToString()[..3]]],
            },
        };
    }
}
