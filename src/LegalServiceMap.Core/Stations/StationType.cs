using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Core.Stations;

/// <summary>The kinds of legal-service body shown on the map. The slug is the stable external name (API, URLs, seed file).</summary>
public enum StationType
{
    ServiceCentre,
    LegalAid,
    Notary,
    Mediation,
    CommercialMediation,
    JudicialOffice,
    /// <summary>A residents' or village committee (居委会/村委会), where the community legal adviser (居村法律顾问) is found.</summary>
    ResidentsCommittee,
    LawFirm,
    JudicialAppraisal,
    CultureSite,
}

public static class StationTypes
{
    /// <summary>All types in display order.</summary>
    public static IReadOnlyList<StationType> All { get; } = Enum.GetValues<StationType>();

    public static string ToSlug(this StationType type) => WireName.Of(type);

    public static bool TryParse(string? slug, out StationType type) => WireName.TryParse(slug, out type);

    /// <summary>Parses a comma-separated list of slugs. Returns false and the offending slug when one is unknown.</summary>
    public static bool TryParseList(string? csv, out IReadOnlySet<StationType> types, out string? unknown)
    {
        var set = new HashSet<StationType>();
        unknown = null;
        foreach (var part in (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var t))
            {
                unknown = part;
                types = set;
                return false;
            }
            set.Add(t);
        }
        types = set;
        return true;
    }
}
