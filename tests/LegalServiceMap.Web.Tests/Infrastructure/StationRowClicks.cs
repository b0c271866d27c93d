using AngleSharp.Dom;
using Bunit;
using LegalServiceMap.Web.Features.Map;

namespace LegalServiceMap.Web.Tests.Infrastructure;

public static class StationRowClicks
{
    /// <summary>
    /// Clicks a button of a station row the way the browser reports it (wwwroot/LegalServiceMap.Web.lib.module.js): a
    /// stationaction event on the list with the button's data-action and the row's station, read from the markup.
    /// </summary>
    public static void ClickRowButton(this IElement button) =>
        button.Closest("ol")!.TriggerEvent("onstationaction", new StationActionEventArgs
        {
            Action = button.GetAttribute("data-action"),
            StationId = button.Closest("[data-station-id]")!.GetAttribute("data-station-id"),
        });
}
