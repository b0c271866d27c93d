using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Spatial.Coverage;

/// <summary>
/// A placed residents' committee and, per service type, the walk in minutes from its office to the nearest station of
/// that type within the budget (types not reached are absent). <see cref="OffNetwork"/>: the office is too far from any
/// street to walk from.
/// </summary>
public sealed record CommitteeReach(Station Committee, IReadOnlyDictionary<StationType, double> NearestMinutes, bool OffNetwork);

/// <summary>
/// For the 居村 points the district counts: whether each committee's office is within the walk of each service type.
/// One walking area per placed committee (the walk is the same both ways on a footway network). Pure; thread-safe.
/// </summary>
public static class CommitteeCoverage
{
    /// <summary>The service types a committee is measured against: every type but committees themselves.</summary>
    public static IReadOnlyList<StationType> ServiceTypes { get; } = StationTypes.All.Where(t => t != StationType.ResidentsCommittee).ToList();

    public static IReadOnlyList<CommitteeReach> Compute(IEnumerable<Station> stations, double minutes, double speedKmh, Func<IsochroneRequest, IsochroneResult> walk) =>
        stations.Where(s => s.Type == StationType.ResidentsCommittee && s.Location is not null)
            .OrderBy(s => s.DivisionCode ?? s.Id, StringComparer.Ordinal)
            .Select(committee =>
            {
                var result = walk(new IsochroneRequest(committee.Location!.Value, minutes, speedKmh));
                if (result.Value is not { } area) return new CommitteeReach(committee, new Dictionary<StationType, double>(), OffNetwork: true);
                var nearest = area.Stations.Where(s => s.Station.Type != StationType.ResidentsCommittee)
                    .GroupBy(s => s.Station.Type)
                    .ToDictionary(g => g.Key, g => Math.Round(g.Min(s => s.WalkSeconds) / 60, 1));
                return new CommitteeReach(committee, nearest, OffNetwork: false);
            }).ToList();
}
