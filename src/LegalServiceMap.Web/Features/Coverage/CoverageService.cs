using LegalServiceMap.Core.Spatial.Coverage;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Spatial;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Features.Coverage;

/// <summary>
/// District coverage per station type on the current snapshot (network, public stations, district grid), computed
/// once per snapshot, type, minutes and speed. Singleton; thread-safe.
/// </summary>
public sealed class CoverageService(SpatialState state, Setup.AppMetrics metrics, IOptions<IsochroneOptions> options)
{
    private sealed record Key(StationType Type, double Minutes, double Speed);

    /// <summary>True when there is a district: imported (or its streets/towns), or the shipped approximate outline.</summary>
    public bool HasDistrict => state.Current.Grid is not null;

    /// <summary>The district is the shipped approximate outline, not an imported boundary.</summary>
    public bool DistrictIsOutline => state.Current.Boundaries.IsOutline;

    /// <summary>How the API names the district's source: <c>outline</c> (approximate, shipped) or <c>imported</c>.</summary>
    public string DistrictSource => DistrictIsOutline ? "outline" : "imported";

    private sealed record CommitteesKey(double Minutes, double Speed);

    /// <summary>Every residents' committee of the catalog (placed or not): the register's count.</summary>
    public int Committees => state.Current.PublicCatalog.All.Count(s => s.Type == StationType.ResidentsCommittee);

    /// <summary>Per placed residents' committee, the service types within the walk of its office (one walking area each, once per snapshot).</summary>
    public IReadOnlyList<CommitteeReach> CommitteeReach(double minutes, double speedKmh)
    {
        var snapshot = state.Current;
        return state.Derived(snapshot, new CommitteesKey(minutes, speedKmh), () =>
            CommitteeCoverage.Compute(snapshot.PublicCatalog.All, minutes, speedKmh, r => snapshot.Engine.Compute(r, snapshot.Places)));
    }

    /// <summary>Coverage of one type, or null when no district boundary is imported.</summary>
    public CoverageResult? Compute(StationType type, double minutes, double speedKmh)
    {
        var snapshot = state.Current;
        if (snapshot.Grid is not { } grid) return null;
        return state.Derived(snapshot, new Key(type, minutes, speedKmh), () => metrics.TimeCoverage(() =>
            new CoverageCalculator(options.Value).Compute(grid, snapshot.Graph, snapshot.PublicCatalog, type, minutes, speedKmh)));
    }
}
