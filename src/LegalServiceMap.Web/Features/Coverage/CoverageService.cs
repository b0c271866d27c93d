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

    /// <summary>True when a district (or street/town) boundary has been imported.</summary>
    public bool HasDistrict => state.Current.Grid is not null;

    /// <summary>Coverage of one type, or null when no district boundary is imported.</summary>
    public CoverageResult? Compute(StationType type, double minutes, double speedKmh)
    {
        var snapshot = state.Current;
        if (snapshot.Grid is not { } grid) return null;
        return state.Derived(snapshot, new Key(type, minutes, speedKmh), () => metrics.TimeCoverage(() =>
            new CoverageCalculator(options.Value).Compute(grid, snapshot.Graph, snapshot.PublicCatalog, type, minutes, speedKmh)));
    }
}
