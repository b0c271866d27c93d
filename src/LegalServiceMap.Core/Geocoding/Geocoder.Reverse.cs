using System.Globalization;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace LegalServiceMap.Core.Geocoding;

/// <summary>Reverse geocoding: a point to its nearest road and house number, its street/town and whether it is in the district.</summary>
public sealed partial class Geocoder
{
    /// <summary>Nearest road within <paramref name="maxMetres"/>, an estimated house number, the street/town and whether the point is in the district.</summary>
    public ReverseGeocode Reverse(GeoPoint point, double maxMetres = 300)
    {
        var (x, y) = _projection.Project(point);
        string? road = null, roadEn = null, number = null;
        double? roadDistance = null;
        if (_roads.Count > 0)
        {
            var probe = new Segment(null!, x, y, x, y);
            var nearest = _segments.NearestNeighbour(new Envelope(x, x, y, y), probe, new SegmentDistance());
            if (nearest is not null)
            {
                var (_, _, d) = Closest(x, y, nearest.X1, nearest.Y1, nearest.X2, nearest.Y2);
                if (d <= maxMetres)
                {
                    road = nearest.Road.Road.Name;
                    roadEn = nearest.Road.English;
                    roadDistance = Math.Round(d, 1);
                    var known = nearest.Road.Numbers.OrderBy(k => k.Point.DistanceTo(point)).FirstOrDefault();
                    if (known.Text is not null && known.Point.DistanceTo(point) <= 150) number = known.Text;
                }
            }
        }
        var p = Factory.CreatePoint(new Coordinate(point.Longitude, point.Latitude));
        var streetArea = _data.Streets.FirstOrDefault(s => s.Geometry.Covers(p));
        var street = StreetAt(point);
        bool? inDistrict = _data.District is { } district ? district.Covers(p) : _data.Streets.Count > 0 ? streetArea is not null : null;
        return new ReverseGeocode(road, roadEn, roadDistance, number, street, inDistrict);
    }

    private StreetTown? StreetAt(GeoPoint point)
    {
        if (_data.Streets.Count == 0) return null;
        var p = Factory.CreatePoint(new Coordinate(point.Longitude, point.Latitude));
        var area = _data.Streets.FirstOrDefault(s => s.Geometry.Covers(p));
        return area is null ? null : Stations.StreetTown.All.FirstOrDefault(s => s.NameZh == area.Name);
    }

    private sealed class SegmentDistance : IItemDistance<Envelope, Segment>
    {
        public double Distance(IBoundable<Envelope, Segment> a, IBoundable<Envelope, Segment> b)
        {
            var (p, s) = a.Item.Road is null ? (a.Item, b.Item) : (b.Item, a.Item);
            return Closest(p.X1, p.Y1, s.X1, s.Y1, s.X2, s.Y2).D;
        }
    }

    private static (double X, double Y, double D) Closest(double px, double py, double x1, double y1, double x2, double y2)
    {
        double dx = x2 - x1, dy = y2 - y1, len2 = dx * dx + dy * dy;
        var t = len2 == 0 ? 0 : Math.Clamp(((px - x1) * dx + (py - y1) * dy) / len2, 0, 1);
        double cx = x1 + t * dx, cy = y1 + t * dy;
        return (cx, cy, Math.Sqrt((cx - px) * (cx - px) + (cy - py) * (cy - py)));
    }
}
