using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using static LegalServiceMap.Core.Tests.Spatial.Fixtures.SyntheticNetworks;

namespace LegalServiceMap.Core.Tests.Spatial;

/// <summary>
/// The walking area's exact outline on a known grid, pinned as WKT in local metres (east, north of the grid's corner,
/// 0.1 m): a change in tracing that still gives a valid polygon fails here, not only one that breaks validity.
/// </summary>
public sealed class GoldenOutlineTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Spatial", "Fixtures", "grid-walk-500m.wkt");

    /// <summary>The 500 m walk from the centre of a 21 × 21 grid of 100 m blocks, its outline in local metres.</summary>
    private static Geometry Outline()
    {
        var engine = new NetworkIsochroneEngine(Grid(21, 100), new IsochroneOptions { SimplifyMetres = 0 }); // the tracing itself, before the outline is simplified for drawing
        var iso = engine.Compute(new IsochroneRequest(At(1000, 1000), 500 / (5000.0 / 60), 5), engine.Place(new StationCatalog([]))).Value!;
        var metres = iso.Area.Copy();
        metres.Apply(new ToLocalMetres());
        metres.GeometryChanged();
        return metres.Normalized();
    }

    [Fact]
    public void Walk500mOnTheGrid_HasThePinnedOutline()
    {
        var actual = Outline();
        var expected = new WKTReader().Read(File.ReadAllText(Fixture)).Normalized();
        Assert.True(actual.EqualsExact(expected, 0.15), "outline changed; now:\n" + new WKTWriter().Write(actual));
        Assert.True(actual.IsValid);
    }

    private sealed class ToLocalMetres : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = Projection.Project(new Core.Geo.GeoPoint(seq.GetY(i), seq.GetX(i)));
            seq.SetX(i, Math.Round(x - Origin.X, 1));
            seq.SetY(i, Math.Round(y - Origin.Y, 1));
        }
    }
}
