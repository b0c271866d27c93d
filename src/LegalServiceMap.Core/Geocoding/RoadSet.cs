using System.Text.Json;
using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Core.Geocoding;

/// <summary>A named road: its Chinese name, an English name when the source has one, and its lines (WGS-84).</summary>
public sealed record Road(string Name, string? NameEn, IReadOnlyList<IReadOnlyList<GeoPoint>> Lines);

/// <summary>A house number placed by the source (OSM addr:street + addr:housenumber).</summary>
public sealed record AddressPoint(string Street, string HouseNumber, GeoPoint Location);

/// <summary>
/// Named roads and address points taken from an OSM import, for the geocoder. Immutable; serialises to compact JSON
/// (coordinates rounded to 1e-6°, about 10 cm) for storage in the database.
/// </summary>
public sealed class RoadSet(IReadOnlyList<Road> roads, IReadOnlyList<AddressPoint> addresses)
{
    public static RoadSet Empty { get; } = new([], []);

    public IReadOnlyList<Road> Roads { get; } = roads;
    public IReadOnlyList<AddressPoint> Addresses { get; } = addresses;

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(new Doc(
        Roads.Select(r => new RoadDoc(r.Name, r.NameEn, r.Lines.Select(l => l.SelectMany(p => new[] { Math.Round(p.Longitude, 6), Math.Round(p.Latitude, 6) }).ToArray()).ToList())).ToList(),
        Addresses.Select(a => new AddressDoc(a.Street, a.HouseNumber, Math.Round(a.Location.Longitude, 6), Math.Round(a.Location.Latitude, 6))).ToList()));

    public static RoadSet FromJson(ReadOnlySpan<byte> json)
    {
        var doc = JsonSerializer.Deserialize<Doc>(json) ?? throw new FormatException("empty road set");
        return new RoadSet(
            (doc.Roads ?? []).Select(r => new Road(r.Name, r.NameEn, (r.Lines ?? []).Select(ToPoints).ToList())).ToList(),
            (doc.Addresses ?? []).Select(a => new AddressPoint(a.Street, a.Number, new GeoPoint(a.Lat, a.Lng))).ToList());
    }

    private static IReadOnlyList<GeoPoint> ToPoints(double[] flat)
    {
        var points = new GeoPoint[flat.Length / 2];
        for (var i = 0; i < points.Length; i++) points[i] = new GeoPoint(flat[2 * i + 1], flat[2 * i]);
        return points;
    }

    private sealed record Doc(List<RoadDoc>? Roads, List<AddressDoc>? Addresses);
    private sealed record RoadDoc(string Name, string? NameEn, List<double[]>? Lines);
    private sealed record AddressDoc(string Street, string Number, double Lng, double Lat);
}
