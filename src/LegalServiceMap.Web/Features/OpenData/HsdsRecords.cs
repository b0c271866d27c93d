using System.Text.Json;
using System.Text.Json.Serialization;

namespace LegalServiceMap.Web.Features.OpenData;

// The Open Referral HSDS 3.0 objects this API writes: only the fields we have facts for (an optional field we know nothing
// about is left out, never null). Property names are written in snake_case (Hsds.Json). Schemas:
// https://github.com/openreferral/specification/tree/3.0/schema (copies with their licence in the tests).

public sealed record HsdsTaxonomy(Guid Id, string Name, string Description, string? Uri = null, string? Version = null);

public sealed record HsdsTaxonomyTerm(Guid Id, string Code, string Name, string Description, Guid TaxonomyId, string Taxonomy, string Language,
    HsdsTaxonomy? TaxonomyDetail = null);

public sealed record HsdsAttribute(Guid Id, Guid LinkId, Guid TaxonomyTermId, string LinkType, string LinkEntity, string? Value = null,
    HsdsTaxonomyTerm? TaxonomyTerm = null);

public sealed record HsdsPhone(Guid Id, string Number, string Type, Guid? ServiceId = null, Guid? ServiceAtLocationId = null);

public sealed record HsdsLanguage(Guid Id, string Code, string Name, Guid? ServiceId = null, Guid? LocationId = null);

/// <summary>A weekly opening: the days with the same hours, times with Shanghai's offset (<c>09:00+08:00</c>).</summary>
public sealed record HsdsSchedule(Guid Id, string Freq, string Byday, string OpensAt, string ClosesAt, double Timezone, string? Description = null,
    Guid? ServiceId = null, Guid? LocationId = null, Guid? ServiceAtLocationId = null, string? Notes = null);

public sealed record HsdsAddress(Guid Id, Guid LocationId, [property: JsonPropertyName("address_1")] string Address1, string City, string Region, string StateProvince, string PostalCode,
    string Country, string AddressType);

public sealed record HsdsAccessibility(Guid Id, Guid LocationId, string Description);

public sealed record HsdsLocation(Guid Id, string LocationType, string Name, string? AlternateName = null, string? Description = null,
    double? Latitude = null, double? Longitude = null, string? ExternalIdentifier = null, string? ExternalIdentifierType = null, Guid? OrganizationId = null,
    IReadOnlyList<HsdsAddress>? Addresses = null, IReadOnlyList<HsdsAccessibility>? Accessibility = null, IReadOnlyList<HsdsLanguage>? Languages = null,
    IReadOnlyList<HsdsAttribute>? Attributes = null);

public sealed record HsdsServiceAtLocation(Guid Id, Guid ServiceId, Guid LocationId, string? Description = null, HsdsLocation? Location = null,
    HsdsService? Service = null, IReadOnlyList<HsdsSchedule>? Schedules = null, IReadOnlyList<HsdsPhone>? Phones = null);

public sealed record HsdsOrganization(Guid Id, string Name, string Description, string? AlternateName = null,
    IReadOnlyList<HsdsService>? Services = null, IReadOnlyList<HsdsLocation>? Locations = null, IReadOnlyList<HsdsPhone>? Phones = null);

public sealed record HsdsService(Guid Id, Guid OrganizationId, string Name, string Status, string? AlternateName = null, string? Description = null,
    string? Url = null, string? Alert = null, string? AssuredDate = null, DateTimeOffset? LastModified = null,
    HsdsOrganization? Organization = null, IReadOnlyList<HsdsPhone>? Phones = null, IReadOnlyList<HsdsSchedule>? Schedules = null,
    IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations = null, IReadOnlyList<HsdsLanguage>? Languages = null,
    IReadOnlyList<HsdsAttribute>? Attributes = null);

/// <summary>A page of a list, with HSDS's page fields.</summary>
public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

public static class HsdsJson
{
    /// <summary>snake_case names, optional fields left out, UUIDs in their usual form, non-ASCII text as it is.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
