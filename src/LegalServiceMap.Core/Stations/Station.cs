using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Core.Stations;

/// <summary>Whether a station serves residents: active, closed for a while (renovation, dates), or closed for good.</summary>
public enum StationStatus { Active, TemporarilyClosed, Closed }

/// <summary>
/// A legal-service body as residents see it. Bilingual fields come in zh/en pairs; an empty field means
/// no source has confirmed it. Coordinates are WGS-84 (EPSG:4326) in degrees.
/// </summary>
public sealed class Station
{
    public required string Id { get; set; }
    public StationType Type { get; set; }

    /// <summary>
    /// For a residents' or village committee: its 12-digit division code from the register (the key of its record, also in
    /// imports); null for every other station. Not a staff-edited field: the register owns it.
    /// </summary>
    public string? DivisionCode { get; set; }

    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public string? AddressZh { get; set; }
    public string? AddressEn { get; set; }

    /// <summary>Slug of one of the 14 streets/towns (<see cref="StreetTown"/>), or null when unknown.</summary>
    public string? Street { get; set; }
    public string? Phone { get; set; }

    public List<OpeningPeriod> Hours { get; set; } = [];
    /// <summary>Special hours or closures on given dates; they win over the weekly hours and the holiday calendar.</summary>
    public List<DatedException> Exceptions { get; set; } = [];
    public string? HoursNoteZh { get; set; }
    public string? HoursNoteEn { get; set; }

    public List<string> ServicesZh { get; set; } = [];
    public List<string> ServicesEn { get; set; } = [];
    /// <summary>Languages spoken, as BCP-47 tags (e.g. "zh", "en").</summary>
    public List<string> Languages { get; set; } = [];
    public string? AccessibilityZh { get; set; }
    public string? AccessibilityEn { get; set; }

    /// <summary>WGS-84 latitude in degrees; null when the place is not known at all.</summary>
    public double? Latitude { get; set; }
    /// <summary>WGS-84 longitude in degrees; null when the place is not known at all.</summary>
    public double? Longitude { get; set; }
    public LocationTier LocationTier { get; set; } = LocationTier.StreetLevel;
    public string? LocationNoteZh { get; set; }
    public string? LocationNoteEn { get; set; }

    public List<string> Sources { get; set; } = [];
    public string? NoteZh { get; set; }
    public string? NoteEn { get; set; }

    /// <summary>Date staff last confirmed address, phone and hours; null = unverified.</summary>
    public DateOnly? LastVerified { get; set; }

    /// <summary>Seed-file version this record was last written from; staff edits (later) set it to null so a seed never overwrites them.</summary>
    public int? SeedVersion { get; set; }

    public StationStatus Status { get; set; } = StationStatus.Active;
    /// <summary>For a temporary closure: first and last closed day (Shanghai dates); either may be open-ended.</summary>
    public DateOnly? ClosedFrom { get; set; }
    public DateOnly? ClosedUntil { get; set; }
    public string? ClosureReasonZh { get; set; }
    public string? ClosureReasonEn { get; set; }

    public string? ClosureReason(bool english) => english ? ClosureReasonEn ?? ClosureReasonZh : ClosureReasonZh;

    /// <summary>True when a temporary closure covers <paramref name="date"/>.</summary>
    public bool IsClosedOn(DateOnly date) =>
        Status == StationStatus.Closed ||
        (Status == StationStatus.TemporarilyClosed && (ClosedFrom is null || date >= ClosedFrom) && (ClosedUntil is null || date <= ClosedUntil));

    /// <summary>Concurrency token: raised by every save; a save based on an older version is refused.</summary>
    public int Version { get; set; }

    public bool IsVerified => LastVerified is not null;

    /// <summary>After how many days a confirmation is stale and should be repeated.</summary>
    public const int StaleDays = 180;

    /// <summary>Verified, but longer ago than <see cref="StaleDays"/> days.</summary>
    public bool IsStaleOn(DateOnly today) => LastVerified is { } d && d.AddDays(StaleDays) < today;

    /// <summary>
    /// True when residents must not take the position as the door: no position at all, or only an approximate or
    /// street-level one (drawn hollow and labelled "location approximate").
    /// </summary>
    public bool IsApproximate => Location is null || LocationTier.IsImprecise();

    public GeoPoint? Location =>
        Latitude is { } lat && Longitude is { } lng ? new GeoPoint(lat, lng) : null;

    public string Name(bool english) => english ? NameEn : NameZh;
    public string? Address(bool english) => english ? AddressEn ?? AddressZh : AddressZh;
    public string? HoursNote(bool english) => english ? HoursNoteEn : HoursNoteZh;
    public IReadOnlyList<string> Services(bool english) => english && ServicesEn.Count > 0 ? ServicesEn : ServicesZh;
    public string? Accessibility(bool english) => english ? AccessibilityEn : AccessibilityZh;
    public string? LocationNote(bool english) => english ? LocationNoteEn : LocationNoteZh;
    public string? Note(bool english) => english ? NoteEn : NoteZh;
    public StreetTown? StreetTown => Stations.StreetTown.Find(Street);

    /// <summary>The street/town's 9-digit division code (统计用区划代码), or null when the street/town is unknown.</summary>
    public string? StreetCode => StreetTown?.Code;

    /// <summary>
    /// Placed for staff's "place the unplaced" work: a position better than its street/town's representative point
    /// (surveyed, interpolated or approximate).
    /// </summary>
    public bool IsPlaced => Location is not null && LocationTier != LocationTier.StreetLevel;

    /// <summary>
    /// Whether a list shows the station when the resident asked for nothing in particular (no type, no search): every
    /// station, except a residents' committee that is not placed yet — 267 of them with no location would bury the
    /// places one can walk to. Search and the committee type filter find them all.
    /// </summary>
    public bool InDefaultList => Type != StationType.ResidentsCommittee || Location is not null;
}
