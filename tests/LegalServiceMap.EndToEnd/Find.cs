using Microsoft.Playwright;

namespace LegalServiceMap.EndToEnd;

/// <summary>
/// The few things a person cannot find by role, label or text — the map's state (markers, the area drawn, the focused
/// station), the phone sheet and its height, the lists the server renders for a walk — found by test id, in one place.
/// Everything else in the journeys is found the way a person does it.
/// </summary>
public static class Find
{
    /// <summary>The map element, whose data-* attributes say what it drew (marker count, area, focused station).</summary>
    public static ILocator Map(IPage page) => page.GetByTestId("map").First;

    /// <summary>The phone's bottom sheet (its height is <c>data-sheet</c>: peek, half or full).</summary>
    public static ILocator Sheet(IPage page) => page.GetByTestId("sheet");

    /// <summary>The sheet's handle (its name changes with the sheet's height).</summary>
    public static ILocator SheetHandle(IPage page) => page.GetByTestId("sheet-handle");

    /// <summary>The walk's one-line summary in the peeking sheet (hidden from screen readers: the list says it).</summary>
    public static ILocator WalkPeek(IPage page) => page.GetByTestId("walk-peek");

    /// <summary>"N places within 15 minutes" above the walk's list.</summary>
    public static ILocator WalkSummary(IPage page) => page.GetByTestId("walk-summary");

    /// <summary>The places inside the walk.</summary>
    public static ILocator WalkList(IPage page) => page.GetByTestId("walk-list");

    /// <summary>The map page's list of places.</summary>
    public static ILocator StationList(IPage page) => page.GetByTestId("station-list");

    /// <summary>The culture walk's summary line and its numbered stops.</summary>
    public static ILocator RouteSummary(IPage page) => page.GetByTestId("route-summary");

    public static ILocator RouteStops(IPage page) => page.GetByTestId("route-stops");

    /// <summary>The print-only heading of a walk's list (its QR code and date).</summary>
    public static ILocator WalkPrintHead(IPage page) => page.GetByTestId("walk-print-head");

    /// <summary>A staff page's root, whose data-interactive says when its circuit is up (a click before is lost).</summary>
    public static ILocator Interactive(IPage page, string testId) => page.GetByTestId(testId);
}
