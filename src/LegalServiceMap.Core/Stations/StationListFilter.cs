using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Core.Stations;

/// <summary>Whether staff have confirmed a station, and how long ago.</summary>
public enum Verification { Verified, Unverified, Stale }

/// <summary>
/// The staff stations list's filters: type, street/town, status, verification (stale = verified longer ago than
/// <see cref="Station.StaleDays"/>), location tier, only unplaced, and a quick search over both languages' names,
/// addresses, street/town names and codes. Null means "any". Pure.
/// </summary>
public sealed record StationListFilter(
    StationType? Type = null,
    string? Street = null,
    StationStatus? Status = null,
    Verification? Verification = null,
    LocationTier? Tier = null,
    bool UnplacedOnly = false,
    string? Search = null)
{
    public bool Matches(Station s, DateOnly today) =>
        (Type is null || s.Type == Type)
        && (Street is null || s.Street == Street)
        && (Status is null || s.Status == Status)
        && (Verification is null || VerificationOf(s, today) == Verification)
        && (Tier is null || (s.Location is not null && s.LocationTier == Tier))
        && (!UnplacedOnly || !s.IsPlaced)
        && (SearchText.Fold(Search) is not { Length: > 0 } q || StationText.Document(s).Contains(q, StringComparison.Ordinal));

    public static Verification VerificationOf(Station s, DateOnly today) =>
        s.LastVerified is not { } d ? Stations.Verification.Unverified
        : s.IsStaleOn(today) ? Stations.Verification.Stale
        : Stations.Verification.Verified;

    public IReadOnlyList<Station> Apply(IEnumerable<Station> stations, DateOnly today) => stations.Where(s => Matches(s, today)).ToList();
}

/// <summary>A station's searchable text: names, addresses, street/town names in both languages and the codes, folded (<see cref="SearchText"/>).</summary>
public static class StationText
{
    public static string Document(Station s) =>
        SearchText.Document(s.NameZh, s.NameEn, s.AddressZh, s.AddressEn, s.StreetTown?.NameZh, s.StreetTown?.NameEn, s.DivisionCode);
}
