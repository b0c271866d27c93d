using System.Text;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Components;
using LegalServiceMap.Web.Features.Stations;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Map;

/// <summary>
/// One row of the station list, as markup: its text, flags and two buttons are one render-tree frame instead of about 50,
/// which every open map keeps twice on the server (README, "Measurements"). The buttons name their action
/// (<see cref="StationAction.Walk"/>, <see cref="StationAction.Focus"/>) and the row its station; the list answers them
/// through one delegated event (<see cref="StationActionEventArgs"/>).
/// </summary>
public static class StationRow
{
    /// <param name="distance">How far the station is, as the list shows it, or null.</param>
    public static string Of(Station s, string? distance, IStringLocalizer L, bool english)
    {
        var name = s.Name(english);
        var html = new StringBuilder(800);
        html.Append("<li class=\"station-item\" data-station-id=\"").Text(s.Id).Append("\" data-type=\"").Text(s.Type.ToSlug()).Append("\">")
            .Append(TypeBadge.Badge(s.Type, s.IsApproximate))
            .Append("<div class=\"station-text\"><a class=\"station-name\" href=\"").Text(StationLinks.Path(s.Id)).Append("\">").Text(name).Append("</a>")
            .Append("<span class=\"station-meta\">").Text(L["Type_" + s.Type.ToSlug()]);
        if (s.StreetTown is { } street) html.Append(" · ").Text(street.Name(english));
        html.Append("</span><span class=\"station-address\">").Text(s.Address(english) ?? L["Station_AddressUnknown"].Value).Append("</span><span class=\"station-flags\">");
        if (distance is not null) Flag(html, "distance", (s.IsApproximate ? "≈ " : "") + distance);
        if (s.Location is null) Flag(html, "flag-warn", L["Station_NoLocation"]);
        else if (s.IsApproximate) Flag(html, "flag-warn", L["Map_Approximate"]);
        if (!s.IsVerified) Flag(html, "flag-warn", L["Station_Unverified"]);
        if (s.Status == StationStatus.TemporarilyClosed) Flag(html, "flag-closed", L["Status_TemporarilyClosed"]);
        html.Append("</span></div>");
        if (s.Location is not null)
        {
            // Icons drawn by CSS (a mask), not inline SVG.
            Button(html, "icon-walk", StationAction.Walk, "walk-from", L["Walk_FromHere", name]);
            Button(html, "icon-place", StationAction.Focus, "focus", L["List_ShowOnMap", name]);
        }
        return html.Append("</li>").ToString();
    }

    private static void Flag(StringBuilder html, string kind, string text) =>
        html.Append("<span class=\"flag ").Append(kind).Append("\">").Text(text).Append("</span>");

    private static void Button(StringBuilder html, string icon, string action, string testId, string label) =>
        html.Append("<button type=\"button\" class=\"show-on-map ").Append(icon).Append("\" data-action=\"").Append(action)
            .Append("\" data-testid=\"").Append(testId).Append("\" aria-label=\"").Text(label).Append("\" title=\"").Text(label).Append("\"></button>");
}

/// <summary>
/// Rows already written, shared by every circuit: most residents see the same nearest places from the same map centre, and
/// a row's markup depends only on its station, language and distance. Bounded; a replaced catalog's rows age out.
/// </summary>
public sealed class StationRows : IDisposable
{
    private readonly MemoryCache _rows = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    public MarkupString Of(RankedStation item, IStringLocalizer L, bool english)
    {
        var distance = item.DistanceMetres is { } d ? Distances.Format(L, d) : null;
        return new(_rows.GetOrCreate((item.Station, english, distance), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return StationRow.Of(item.Station, distance, L, english);
        })!);
    }

    public void Dispose() => _rows.Dispose();
}

/// <summary>What a button of a list row asks for.</summary>
public static class StationAction
{
    public const string Walk = "walk";
    public const string Focus = "focus";
}

/// <summary>
/// A click inside a list of stations (wwwroot/LegalServiceMap.Web.lib.module.js): the action of the button clicked, if
/// any, and the station of its row.
/// </summary>
public sealed class StationActionEventArgs : EventArgs
{
    public string? Action { get; set; }
    public string? StationId { get; set; }
}

/// <summary><c>@onstationaction</c>: one handler on a list instead of two per row.</summary>
[EventHandler("onstationaction", typeof(StationActionEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers;
