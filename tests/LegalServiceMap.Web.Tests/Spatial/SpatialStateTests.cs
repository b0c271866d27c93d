using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Tests.Infrastructure;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Web.Tests.Spatial;

public sealed class SpatialStateTests : IDisposable
{
    private readonly TestDatabase _db = new();

    private static LoadedNetwork Line(GeoPoint centre)
    {
        var b = new WalkingNetworkBuilder();
        var (cx, cy) = LocalProjection.Shanghai.Project(centre);
        for (var i = 0; i < 100; i++) b.AddSegment(i, LocalProjection.Shanghai.Unproject(cx - 500 + i * 10, cy), i + 1, LocalProjection.Shanghai.Unproject(cx - 490 + i * 10, cy));
        var g = b.Build();
        return new LoadedNetwork(g, new NetworkSummary("line", DateTimeOffset.UnixEpoch, g.NodeCount, g.EdgeCount, g.TotalLengthMetres), RoadSet.Empty);
    }

    [Fact]
    public void ANewSnapshot_KeepsWhatDidNotChange_AndRebuildsWhatDependsOnTheChange()
    {
        var state = _db.State;
        var stations = _db.Queries.Catalog.All.ToList();
        state.SetNetwork(Line(new GeoPoint(31.2485, 121.4680)));
        var before = state.Current;
        Assert.IsType<NetworkIsochroneEngine>(before.Engine);
        Assert.Same(before.PublicCatalog, before.Places.Catalog);

        // A station edit: new catalogs, places and geocoder; the same engine (its network index) and grid.
        var renamed = stations.Select(s => s.Id == "judicial-office-beizhan" ? Renamed(s, "测试改名司法所") : s).ToList();
        state.SetStations(renamed);
        var after = state.Current;
        Assert.True(after.Version > before.Version);
        Assert.Same(before.Engine, after.Engine);
        Assert.Same(before.StationSnapper, after.StationSnapper);
        Assert.NotSame(before.PublicCatalog, after.PublicCatalog);
        Assert.Same(after.PublicCatalog, after.Places.Catalog);
        // The geocoder follows the stations: the old name finds the station only in the old snapshot, which a reader
        // holding it still reads as one consistent world.
        Assert.Contains(before.Geocoder.Geocode("北站街道司法所", 3), c => c.StationId == "judicial-office-beizhan");
        Assert.DoesNotContain(after.Geocoder.Geocode("北站街道司法所", 3), c => c.StationId == "judicial-office-beizhan");
        Assert.Equal("北站街道司法所", before.PublicCatalog.Find("judicial-office-beizhan")!.NameZh);

        // Boundaries: a district grid for coverage; the engine stays.
        var f = new GeometryFactory();
        var square = f.CreatePolygon([new(121.44, 31.24), new(121.48, 31.24), new(121.48, 31.26), new(121.44, 31.26), new(121.44, 31.24)]);
        state.SetBoundaries(new BoundarySet([new NamedArea("静安区", square)], []));
        Assert.NotNull(state.Current.Grid);
        Assert.Same(after.Engine, state.Current.Engine);

        // No network: circles again.
        state.SetNetwork(null);
        Assert.IsType<CircleIsochroneEngine>(state.Current.Engine);
        Assert.Null(state.Current.Graph);
    }

    [Fact]
    public async Task DerivedResults_AreKeptPerSnapshot()
    {
        var state = _db.State;
        var first = state.Current;
        var calls = 0;
        int Compute() => ++calls;
        Assert.Equal(1, state.Derived(first, "k", Compute));
        Assert.Equal(1, state.Derived(first, "k", Compute)); // once per snapshot and key
        await _db.Store.LoadAsync(LegalServiceMap.Web.Data.DataPart.Stations);
        Assert.Equal(2, state.Derived(state.Current, "k", Compute)); // a new snapshot computes again
    }

    [Fact]
    public void AWalk_FollowsTheSnapshot_ItsStationsAndNetwork()
    {
        var walking = new WalkQueries(_db.State, _db.Metrics, Microsoft.Extensions.Options.Options.Create(new IsochroneOptions()));
        var request = new IsochroneRequest(new GeoPoint(31.2485, 121.4680), 10, 5);
        var circle = walking.Compute(request).Value!;
        Assert.Equal(IsochroneMethod.Circle, circle.Method);
        _db.State.SetNetwork(Line(request.Origin));
        var network = walking.Compute(request).Value!;
        Assert.Equal(IsochroneMethod.Network, network.Method);
        Assert.NotSame(circle, network);
    }

    private static Station Renamed(Station s, string name)
    {
        var copy = new Station { Id = s.Id, NameZh = "", NameEn = "" };
        StationFields.Copy(s, copy);
        copy.NameZh = name;
        return copy;
    }

    public void Dispose() => _db.Dispose();
}
