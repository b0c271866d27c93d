using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Core.Spatial.Isochrones;

/// <summary>
/// The fallback when no street network is imported: a circle of radius speed × time ÷ detour factor, and walking
/// distances estimated as straight line × detour factor. Always labelled approximate. Thread-safe.
/// </summary>
public sealed class CircleIsochroneEngine(IsochroneOptions options) : IIsochroneEngine
{
    private static readonly GeometryFactory Factory = new();

    public IsochroneMethod Method => IsochroneMethod.Circle;

    public StationPlaces Place(StationCatalog stations) => new(stations);

    public IsochroneResult Compute(IsochroneRequest request, StationPlaces stations)
    {
        var radius = request.BudgetMetres / options.DetourFactor;
        var projection = LocalProjection.Shanghai;
        var (x, y) = projection.Project(request.Origin);
        var circle = Factory.CreatePoint(new Coordinate(x, y)).Buffer(radius, 16);
        var area = (Geometry)circle.Copy();
        area.Apply(new ProjectionFilter(projection));
        area.GeometryChanged();
        var speed = request.SpeedKmh / 3.6;
        var inside = stations.Catalog.WithinRadius(request.Origin, radius)
            .Select(s => new ReachableStation(s.Station, s.DistanceMetres * options.DetourFactor, s.DistanceMetres * options.DetourFactor / speed))
            .ToList();
        return IsochroneResult.Ok(new Isochrone(IsochroneMethod.Circle, request, null, area, inside));
    }

    /// <summary>Turns projected metres back into lon/lat in place.</summary>
    internal sealed class ProjectionFilter(LocalProjection projection) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var p = projection.Unproject(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, p.Longitude);
            seq.SetY(i, p.Latitude);
        }
    }
}
