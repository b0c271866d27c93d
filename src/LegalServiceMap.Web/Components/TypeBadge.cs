using LegalServiceMap.Core.Stations;
using Microsoft.AspNetCore.Components;

namespace LegalServiceMap.Web.Components;

/// <summary>
/// The round glyph of a station type (the same glyphs as the map markers in wwwroot/js/map.js), hollow when the position
/// is approximate, with an optional label. A render fragment, not a component: a list shows one per row, and each
/// component instance costs every circuit its own state and render buffers.
/// </summary>
public static class TypeBadge
{
    public static RenderFragment Of(StationType type, bool approximate = false, string? label = null) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"type-badge lsm-type-{type.ToSlug()}{(approximate ? " lsm-approx" : "")}");
        builder.AddAttribute(2, "aria-hidden", "true");
        builder.AddContent(3, Glyph(type));
        builder.CloseElement();
        if (label is not null)
        {
            builder.OpenElement(4, "span");
            builder.AddAttribute(5, "class", "type-label");
            builder.AddContent(6, label);
            builder.CloseElement();
        }
    };

    public static string Glyph(StationType type) => type switch
    {
        StationType.ServiceCentre => "法",
        StationType.LegalAid => "援",
        StationType.Notary => "证",
        StationType.Mediation => "调",
        StationType.CommercialMediation => "商",
        StationType.JudicialOffice => "司",
        StationType.LawFirm => "律",
        StationType.JudicialAppraisal => "鉴",
        _ => "文",
    };
}
