using System.Collections.Concurrent;
using LegalServiceMap.Core.Spatial.Coverage;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Stations;

namespace LegalServiceMap.Web.Features.Coverage;

/// <summary>
/// District coverage per station type, on the current network, stations and boundaries. Results are cached per
/// (data snapshot, type, minutes, speed): any import or data change makes new snapshots and so new keys. Singleton.
/// </summary>
public sealed class CoverageService(WalkingAreaService walking, StationQueries stations, BoundaryService boundaries)
{
    public const double CellMetres = 25;

    private sealed record Key(StationCatalog Catalog, WalkingNetwork? Network, BoundarySet Boundaries, StationType Type, double Minutes, double Speed);

    private readonly ConcurrentDictionary<Key, CoverageResult> _cache = new();
    private (BoundarySet Set, DistrictGrid Grid)? _grid;
    private readonly Lock _gridLock = new();

    /// <summary>True when a district (or street/town) boundary has been imported.</summary>
    public bool HasDistrict => boundaries.Current.District is not null;

    /// <summary>Coverage of one type, or null when no district boundary is imported.</summary>
    public CoverageResult? Compute(StationType type, double minutes, double speedKmh)
    {
        var set = boundaries.Current;
        if (set.District is null)
        {
            return null;
        }
        var key = new Key(stations.PublicCatalog, walking.CurrentNetwork, set, type, minutes, speedKmh);
        if (_cache.Count > 500)
        {
            _cache.Clear();
        }
        return _cache.GetOrAdd(key, k =>
            new CoverageCalculator(walking.Options).Compute(GridFor(k.Boundaries), k.Network, k.Catalog, k.Type, k.Minutes, k.Speed));
    }

    private DistrictGrid GridFor(BoundarySet set)
    {
        lock (_gridLock)
        {
            if (_grid is { } g && ReferenceEquals(g.Set, set))
            {
                return g.Grid;
            }
            var grid = new DistrictGrid(set.District!, set.Streets, CellMetres);
            _grid = (set, grid);
            return grid;
        }
    }
}
