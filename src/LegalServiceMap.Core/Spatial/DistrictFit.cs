using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace LegalServiceMap.Core.Spatial;

/// <summary>What an imported street network holds, in the figures staff read after an import.</summary>
public sealed record NetworkFacts(int Nodes, int Edges, double Kilometres, int NamedRoads, int AddressPoints, int LargestPartNodes)
{
    public static NetworkFacts Of(WalkingNetwork network, RoadSet roads) => new(
        network.NodeCount, network.EdgeCount, network.TotalLengthMetres / 1000, roads.Roads.Count, roads.Addresses.Count,
        network.ComponentSize.Length == 0 ? 0 : network.ComponentSize[0]);
}

/// <summary>A station whose recorded street/town is not the one its pin lies in (<see cref="Found"/> null: in none of them).</summary>
public sealed record StreetMismatch(string StationId, StreetTown? Recorded, StreetTown? Found);

/// <summary>How the stations fit the district's data: how many meet the street network, and whose street/town the boundaries contradict.</summary>
public sealed record StationFit(int Placed, int OnNetwork, IReadOnlyList<StreetMismatch> Mismatches)
{
    /// <summary>
    /// <paramref name="onNetwork"/>: the ids of stations the walking engine placed on the network (null: no network);
    /// <paramref name="streets"/>: the imported street/town boundaries under their official names (empty: none, so no
    /// mismatch can be told). Only stations with a location count.
    /// </summary>
    public static StationFit Of(IEnumerable<Station> stations, IReadOnlySet<string>? onNetwork, IReadOnlyList<NamedArea> streets)
    {
        var placed = stations.Where(s => s.Location is not null).ToList();
        var areas = streets
            .Select(a => (Street: StreetTown.Resolve(a.Name), Area: PreparedGeometryFactory.Prepare(a.Geometry)))
            .Where(a => a.Street is not null)
            .ToList();
        var factory = new GeometryFactory();
        var mismatches = new List<StreetMismatch>();
        if (areas.Count > 0)
        {
            foreach (var s in placed)
            {
                var p = s.Location!.Value;
                var point = factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude));
                var found = areas.FirstOrDefault(a => a.Area.Covers(point)).Street;
                if (found != s.StreetTown) mismatches.Add(new StreetMismatch(s.Id, s.StreetTown, found));
            }
        }
        return new StationFit(placed.Count, onNetwork is null ? 0 : placed.Count(s => onNetwork.Contains(s.Id)), mismatches);
    }
}
