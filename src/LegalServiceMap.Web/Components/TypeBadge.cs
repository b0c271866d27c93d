using System.Collections.Frozen;
using LegalServiceMap.Core.Stations;
using Microsoft.AspNetCore.Components;

namespace LegalServiceMap.Web.Components;

/// <summary>
/// The round glyph of a station type, hollow when the position is approximate, with an optional label: one shared string
/// per type (a list shows one per row). The map's markers use the same glyphs (<see cref="Glyph"/>, handed to
/// wwwroot/js/map.js in the map's settings).
/// </summary>
public static class TypeBadge
{
    private static readonly FrozenDictionary<(StationType, bool), string> Badges =
        Enum.GetValues<StationType>().SelectMany(t => new[] { (t, false), (t, true) })
            .ToFrozenDictionary(k => k, k =>
                $"<span class=\"type-badge lsm-type-{k.Item1.ToSlug()}{(k.Item2 ? " lsm-approx" : "")}\" aria-hidden=\"true\">{Glyph(k.Item1)}</span>");

    public static MarkupString Of(StationType type, bool approximate = false, string? label = null) =>
        new(label is null ? Badge(type, approximate) : $"{Badge(type, approximate)}<span class=\"type-label\">{Html.Encode(label)}</span>");

    /// <summary>The badge's markup (no label).</summary>
    public static string Badge(StationType type, bool approximate = false) => Badges[(type, approximate)];

    public static string Glyph(StationType type) => type switch
    {
        StationType.ServiceCentre => "法",
        StationType.LegalAid => "援",
        StationType.Notary => "证",
        StationType.Mediation => "调",
        StationType.CommercialMediation => "商",
        StationType.JudicialOffice => "司",
        StationType.ResidentsCommittee => "居",
        StationType.LawFirm => "律",
        StationType.JudicialAppraisal => "鉴",
        _ => "文",
    };
}
