using System.Globalization;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.OpenData;

/// <summary>
/// Our stations as Open Referral HSDS 3.0 records, in one language (the request's; the other goes to
/// <c>alternate_name</c>). One station is one organization offering one service at one location; the station type and the
/// location's accuracy are attributes linking to two taxonomies of ours (docs/hsds.md, "the profile"). Every id is a
/// name-based UUID of the station's id (<see cref="StableUuid"/>), so it never changes while the station's id does not.
/// Pure apart from the localizer; thread-safe.
/// </summary>
public sealed class Hsds(IStringLocalizer L, bool english, IReadOnlyDictionary<string, DateTimeOffset> lastModified)
{
    public const string Version = "3.0";
    public const string TypesTaxonomy = "lsm-station-type";
    public const string TiersTaxonomy = "lsm-location-tier";
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static Guid OrganizationId(string station) => Id("organization", station);
    public static Guid ServiceId(string station) => Id("service", station);
    public static Guid LocationId(string station) => Id("location", station);
    public static Guid ServiceAtLocationId(string station) => Id("service_at_location", station);
    public static Guid TaxonomyId(string taxonomy) => Id("taxonomy", taxonomy);
    public static Guid TermId(string taxonomy, string code) => Id("taxonomy_term", taxonomy, code);
    /// <summary>The name-based UUID of one record: its kind, the station (or taxonomy) it belongs to and, for a part of it, which.</summary>
    private static Guid Id(string kind, string station, string? part = null) => StableUuid.Of($"hsds/{kind}/{station}{(part is null ? "" : "/" + part)}");

    private string Language => english ? "en" : "zh-CN";
    private string Name(Station s) => s.Name(english);
    private string OtherName(Station s) => english ? s.NameZh : s.NameEn;

    // ---- Taxonomies ----

    public IReadOnlyList<HsdsTaxonomy> Taxonomies() =>
    [
        new(TaxonomyId(TypesTaxonomy), L["Hsds_TypesTaxonomy"], L["Hsds_TypesTaxonomyAbout"], Version: "1"),
        new(TaxonomyId(TiersTaxonomy), L["Hsds_TiersTaxonomy"], L["Hsds_TiersTaxonomyAbout"], Version: "1"),
    ];

    public IReadOnlyList<HsdsTaxonomyTerm> Terms() =>
        [.. StationTypes.All.Select(TypeTerm), .. Enum.GetValues<LocationTier>().Select(TierTerm)];

    public HsdsTaxonomyTerm TypeTerm(StationType type) => Term(TypesTaxonomy, type.ToSlug(), L["Type_" + type.ToSlug()], L["TypeAbout_" + type.ToSlug()]);

    public HsdsTaxonomyTerm TierTerm(LocationTier tier) => Term(TiersTaxonomy, tier.ToSlug(), L["Tier_" + tier.ToSlug()], L["TierAbout_" + tier.ToSlug()]);

    private HsdsTaxonomyTerm Term(string taxonomy, string code, string name, string description) =>
        new(TermId(taxonomy, code), code, name, description, TaxonomyId(taxonomy), taxonomy, Language);

    // ---- Records of one station ----

    public HsdsOrganization Organization(Station s, bool withServices = false) => new(
        OrganizationId(s.Id), Name(s), OrganizationDescription(s), OtherName(s),
        Services: withServices ? [Service(s)] : null,
        Locations: withServices && Location(s) is { } location ? [location] : null);

    /// <summary>What is known about the body in one sentence: its kind and its street/town (HSDS requires a description).</summary>
    private string OrganizationDescription(Station s)
    {
        var kind = L["Type_" + s.Type.ToSlug()].Value;
        var street = s.StreetTown?.Name(english);
        var note = s.Note(english);
        var sentence = street is null ? kind : english ? $"{kind}, {street}, Jing'an District, Shanghai" : $"上海市静安区{street}{kind}";
        return note is null ? sentence : $"{sentence}. {note}";
    }

    /// <summary>A service as the list shows it (no nested objects but its organization).</summary>
    public HsdsService ServiceSummary(Station s) => Service(s, nested: false);

    /// <summary>A service fully nested: organization, phones, schedules, where it is offered, languages and its type.</summary>
    public HsdsService Service(Station s) => Service(s, nested: true);

    private HsdsService Service(Station s, bool nested)
    {
        var services = s.Services(english);
        return new HsdsService(
            ServiceId(s.Id), OrganizationId(s.Id), Name(s), Status(s), OtherName(s),
            Description: services.Count > 0 ? string.Join(english ? "; " : "；", services) : null,
            Alert: s.Status == StationStatus.TemporarilyClosed ? s.ClosureReason(english) ?? L["Hsds_TemporarilyClosed"] : null,
            AssuredDate: s.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LastModified: lastModified.TryGetValue(s.Id, out var at) ? at.ToOffset(Shanghai) : null,
            Phones: nested ? Phones(s, ServiceId(s.Id), null) : null,
            Schedules: nested ? Schedules(s) : null,
            ServiceAtLocations: nested && s.Location is not null ? [ServiceAtLocation(s, nested: true)] : null,
            Languages: nested ? Languages(s, ServiceId(s.Id), null) : null,
            Organization: Organization(s),
            Attributes: nested ? [Attribute("service", ServiceId(s.Id), s.Id, TypeTerm(s.Type))] : null);
    }

    public static string Status(Station s) => s.Status switch
    {
        StationStatus.TemporarilyClosed => "temporarily closed",
        StationStatus.Closed => "defunct",
        _ => "active",
    };

    /// <summary>Where the service is offered; null for a station not placed on the map.</summary>
    public HsdsLocation? Location(Station s)
    {
        if (s.Location is not { } point) return null;
        var (lat, lng) = (point.Latitude, point.Longitude);
        var id = LocationId(s.Id);
        var address = s.AddressZh is { Length: > 0 } zh
            // Addresses are kept in Chinese as written; the postal code is not on record (HSDS requires the field).
            ? new HsdsAddress(Id("address", s.Id), id, english ? s.AddressEn ?? zh : zh, "上海市", "静安区", "上海市", "", "CN", "physical")
            : null;
        var access = s.Accessibility(english);
        return new HsdsLocation(id, "physical", Name(s), OtherName(s),
            Description: s.LocationNote(english),
            Latitude: Math.Round(lat, 6), Longitude: Math.Round(lng, 6),
            ExternalIdentifier: s.DivisionCode ?? s.StreetCode, ExternalIdentifierType: s.DivisionCode is not null ? "nbs-division-code" : s.StreetCode is not null ? "nbs-street-code" : null,
            OrganizationId: OrganizationId(s.Id),
            Addresses: address is null ? null : [address],
            Accessibility: access is null ? null : [new HsdsAccessibility(Id("accessibility", s.Id), id, access)],
            Languages: Languages(s, null, id),
            Attributes: [Attribute("location", id, s.Id, TierTerm(s.LocationTier))]);
    }

    public HsdsServiceAtLocation ServiceAtLocation(Station s, bool nested) => new(
        ServiceAtLocationId(s.Id), ServiceId(s.Id), LocationId(s.Id),
        Description: s.HoursNote(english),
        Location: nested ? Location(s) : null,
        Schedules: nested ? Schedules(s, ServiceAtLocationId(s.Id)) : null,
        Phones: nested ? Phones(s, null, ServiceAtLocationId(s.Id)) : null);

    /// <summary>A service at a location with the service and its location nested (the list and the single record).</summary>
    public HsdsServiceAtLocation ServiceAtLocationWithService(Station s) => ServiceAtLocation(s, nested: true) with { Service = ServiceSummary(s) };

    private IReadOnlyList<HsdsPhone>? Phones(Station s, Guid? service, Guid? serviceAtLocation) =>
        s.Phone is { Length: > 0 } number
            ? [new HsdsPhone(Id("phone", s.Id, serviceAtLocation is null ? null : "sal"), number, "voice", service, serviceAtLocation)]
            : null;

    /// <summary>Weekly hours: one schedule per opening and closing time, with every day that has them.</summary>
    private IReadOnlyList<HsdsSchedule>? Schedules(Station s, Guid? serviceAtLocation = null)
    {
        if (s.Hours.Count == 0) return null;
        return s.Hours
            .GroupBy(h => (h.Opens, h.Closes))
            .OrderBy(g => g.Key.Opens).ThenBy(g => g.Key.Closes)
            .Select(g =>
            {
                var days = g.Select(h => h.Day).Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
                var part = $"{g.Key.Opens:HHmm}-{g.Key.Closes:HHmm}{(serviceAtLocation is null ? "" : "/sal")}";
                return new HsdsSchedule(Id("schedule", s.Id, part), "WEEKLY", string.Join(",", days.Select(Ical)),
                    Time(g.Key.Opens), Time(g.Key.Closes), 8,
                    Description: s.HoursNote(english),
                    ServiceId: serviceAtLocation is null ? ServiceId(s.Id) : null,
                    ServiceAtLocationId: serviceAtLocation,
                    Notes: s.Exceptions.Count > 0 ? L["Hsds_SpecialDays"].Value : null);
            })
            .ToList();
    }

    private static string Ical(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture) + "+08:00";

    private IReadOnlyList<HsdsLanguage>? Languages(Station s, Guid? service, Guid? location) =>
        s.Languages.Count == 0 ? null :
        s.Languages.Select(code => new HsdsLanguage(Id("language", s.Id, $"{(service is null ? "location" : "service")}/{code}"), code, LanguageName(code), service, location)).ToList();

    private string LanguageName(string code)
    {
        try { var c = CultureInfo.GetCultureInfo(code); return english ? c.EnglishName : c.NativeName; }
        catch (CultureNotFoundException) { return code; }
    }

    private static HsdsAttribute Attribute(string entity, Guid linkId, string station, HsdsTaxonomyTerm term) =>
        new(StableUuid.Of($"hsds/attribute/{entity}/{station}/{term.Taxonomy}"), linkId, term.Id, term.Taxonomy, entity, term.Code, term);
}
