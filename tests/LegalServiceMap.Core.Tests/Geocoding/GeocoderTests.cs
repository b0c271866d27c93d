using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Tests.Fixtures;
using LegalServiceMap.Core.Tests.Spatial.Fixtures;
using NetTopologySuite.Geometries;
using static LegalServiceMap.Core.Tests.Spatial.Fixtures.SyntheticNetworks;

namespace LegalServiceMap.Core.Tests.Geocoding;

public class GeocoderTests
{
    // A small made-up town: 南京西路 runs east–west for 2 km, 成都北路 north–south across it at x = 1000 m,
    // 江宁路 north–south at x = 400 m. Numbers on 南京西路: odd on the north side, even on the south side.
    private static readonly IReadOnlyDictionary<char, string> Pinyin = new Dictionary<char, string>
    {
        ['南'] = "nan", ['京'] = "jing", ['成'] = "cheng", ['都'] = "dou", ['江'] = "jiang", ['宁'] = "ning",
    };

    private static Road Line(string name, params (double E, double N)[] points) => new(name, null, [points.Select(p => At(p.E, p.N)).ToList()]);

    private static Geocoder Build(IEnumerable<Station>? stations = null, IReadOnlyList<NamedArea>? streets = null)
    {
        var roads = new RoadSet(
            [
                Line("南京西路", (0, 0), (1000, 0), (2000, 0)),
                Line("成都北路", (1000, -800), (1000, 0), (1000, 800)),
                Line("江宁路", (400, -500), (400, 500)),
            ],
            [
                new AddressPoint("南京西路", "101", At(100, 15)),
                new AddressPoint("南京西路", "301", At(1100, 15)),
                new AddressPoint("南京西路", "100", At(100, -15)),
                new AddressPoint("南京西路", "300", At(1100, -15)),
                new AddressPoint("南京西路", "202", At(600, -15)),
            ]);
        using var landmarks = new MemoryStream("""
            { "schema": "legal-service-map/landmarks", "version": 1, "landmarks": [
              { "name": { "zh": "测试广场", "en": "Test Plaza" }, "aliases": [], "road": "南京西路", "number": "251", "sources": ["test"] } ] }
            """u8.ToArray());
        var english = new EnglishRoadNames(Pinyin);
        return new Geocoder(new GazetteerData
        {
            Roads = roads,
            Stations = stations?.ToList() ?? [],
            Landmarks = Landmarks.Read(landmarks),
            Streets = streets ?? [],
            EnglishRoadName = english.Translate,
        });
    }

    [Fact]
    public void KnownNumber_IsAnExactPoint()
    {
        var c = Build().Geocode("南京西路301号")[0];
        Assert.Equal(GeocodeMatchType.ExactPoint, c.MatchType);
        Assert.True(c.Location.DistanceTo(At(1100, 15)) < 0.5);
    }

    [Fact]
    public void UnknownNumber_IsInterpolatedOnItsOwnSide()
    {
        var odd = Build().Geocode("南京西路201号")[0];
        Assert.Equal(GeocodeMatchType.InterpolatedNumber, odd.MatchType);
        // Halfway between 101 (x=100) and 301 (x=1100), snapped onto the road.
        Assert.True(odd.Location.DistanceTo(At(600, 0)) < 1, odd.Location.ToString());
        var even = Build().Geocode("南京西路250号")[0];
        // Between 202 (x=600) and 300 (x=1100): 48/98 of the way.
        Assert.True(even.Location.DistanceTo(At(600 + 500 * 48.0 / 98, 0)) < 1);
    }

    [Fact]
    public void Intersection_IsWhereTheRoadsMeet()
    {
        var c = Build().Geocode("成都北路南京西路口")[0];
        Assert.Equal(GeocodeMatchType.Intersection, c.MatchType);
        Assert.True(c.Location.DistanceTo(At(1000, 0)) < 1);
        var alt = Build().Geocode("南京西路与成都北路交叉口")[0];
        Assert.True(alt.Location.DistanceTo(At(1000, 0)) < 1);
    }

    [Fact]
    public void RoadOnly_IsARoadMatchOnTheRoad()
    {
        var c = Build().Geocode("江宁路")[0];
        Assert.Equal(GeocodeMatchType.Road, c.MatchType);
        Assert.Equal(400, SyntheticNetworks.Projection.Project(c.Location).X - Origin.X, 1.0);
    }

    [Theory]
    [InlineData("南京西")]        // 路 omitted
    [InlineData("南經西路")]      // a typo (one character)
    [InlineData("南京西路 88 號")] // traditional, spaces
    public void FuzzyRoadNames_StillFindTheRoad(string query)
    {
        var c = Build().Geocode(query)[0];
        Assert.Equal("南京西路", c.Road);
        Assert.True(c.Confidence < 0.95);
    }

    [Theory]
    [InlineData("301 West Nanjing Road")]
    [InlineData("No. 301, Nanjing Road West")]
    [InlineData("301 W. Nanjing Rd")]
    public void EnglishForms_MatchThePinyinName(string query)
    {
        var c = Build().Geocode(query)[0];
        Assert.Equal(GeocodeMatchType.ExactPoint, c.MatchType);
        Assert.Equal("301", c.Number);
        Assert.Equal("West Nanjing Road", c.LabelEn);
    }

    [Fact]
    public void EnglishIntersection_IsFound()
    {
        var c = Build().Geocode("Corner of North Chengdu Road and West Nanjing Road")[0];
        Assert.Equal(GeocodeMatchType.Intersection, c.MatchType);
        Assert.Equal("North Chengdu Road & West Nanjing Road", c.LabelEn);
    }

    [Fact]
    public void Landmark_IsPlacedAtItsAddress()
    {
        var c = Build().Geocode("测试广场")[0];
        Assert.Equal("测试广场", c.Label);
        Assert.Equal(GeocodeMatchType.InterpolatedNumber, c.MatchType);
        Assert.True(c.Location.DistanceTo(At(850, 0)) < 1); // 251: between 101 and 301
    }

    [Fact]
    public void Station_IsFoundByNameInEitherLanguage_WithItsLocationTier()
    {
        var p = At(300, 300);
        var station = new Station { Id = "x", NameZh = "北站街道司法所", NameEn = "Judicial Office of Beizhan Sub-district", Type = StationType.JudicialOffice, Street = "beizhan", Latitude = p.Latitude, Longitude = p.Longitude };
        var g = Build([station]);
        var zh = g.Geocode("北站街道司法所")[0];
        Assert.Equal(("x", GeocodeMatchType.StreetTown), (zh.StationId, zh.MatchType));
        Assert.Equal("x", g.Geocode("judicial office of beizhan")[0].StationId);
    }

    [Fact]
    public void StreetTown_UsesItsPolygon()
    {
        var f = new GeometryFactory();
        Coordinate C(double e, double n) { var p = At(e, n); return new(p.Longitude, p.Latitude); }
        var area = new NamedArea("北站街道", f.CreatePolygon([C(0, 0), C(500, 0), C(500, 500), C(0, 500), C(0, 0)]));
        var c = Build(streets: [area]).Geocode("北站街道")[0];
        Assert.Equal(GeocodeMatchType.StreetTown, c.MatchType);
        Assert.True(area.Geometry.Contains(f.CreatePoint(new Coordinate(c.Location.Longitude, c.Location.Latitude))));
    }

    private static Station Committee(GeoPoint? at = null) => new()
    {
        Id = "rc-310106006005", DivisionCode = "310106006005", Type = StationType.ResidentsCommittee,
        NameZh = "联宝里居委会", NameEn = "Lianbaoli Residents' Committee", Street = "jiangninglu",
        Latitude = at?.Latitude, Longitude = at?.Longitude, LocationTier = at is null ? LocationTier.StreetLevel : LocationTier.Surveyed,
    };

    private static NamedArea Jiangninglu()
    {
        var f = new GeometryFactory();
        Coordinate C(double e, double n) { var p = At(e, n); return new(p.Longitude, p.Latitude); }
        return new NamedArea("江宁路街道", f.CreatePolygon([C(0, 0), C(500, 0), C(500, 500), C(0, 500), C(0, 0)]));
    }

    [Theory]
    [InlineData("联宝里")]
    [InlineData("联宝里居委会")]
    [InlineData("联宝")]
    [InlineData("江宁路街道联宝里")]
    [InlineData("Lianbaoli")]
    [InlineData("lianbaoli residents committee")]
    public void UnplacedCommittee_IsFoundAsPartOfItsStreetTown_MatchTypeStreetTown(string query)
    {
        var area = Jiangninglu();
        var c = Build([Committee()], [area]).Geocode(query).First(c => c.Source == "committee");
        Assert.Equal((GeocodeMatchType.StreetTown, "jiangninglu", "联宝里居委会 · 江宁路街道", "Lianbaoli Residents' Committee · Jiangning Road Sub-district"),
            (c.MatchType, c.StreetTown, c.Label, c.LabelEn));
        Assert.True(area.Geometry.Contains(new GeometryFactory().CreatePoint(new Coordinate(c.Location.Longitude, c.Location.Latitude))));
    }

    [Fact]
    public void PlacedCommittee_IsFoundAtItsOwnPoint()
    {
        var door = At(250, 300);
        var c = Build([Committee(door)], [Jiangninglu()]).Geocode("联宝里居委会")[0];
        Assert.Equal(("rc-310106006005", GeocodeMatchType.ExactPoint), (c.StationId, c.MatchType));
        Assert.True(c.Location.DistanceTo(door) < 0.5);
        Assert.DoesNotContain(Build([Committee(door)], [Jiangninglu()]).Geocode("联宝里居委会"), x => x.Source == "committee");
    }

    [Theory]
    [InlineData("宝里")]          // not how the name begins
    [InlineData("北京西路联宝")]   // a partial name inside a longer query
    [InlineData("联")]
    public void Committee_IsNotFoundByAFragment(string query) =>
        Assert.DoesNotContain(Build([Committee()], [Jiangninglu()]).Geocode(query), c => c.Source == "committee");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("%%%$$$")]
    [InlineData("火星基地")]
    public void Garbage_GivesNoCandidates(string query) => Assert.Empty(Build().Geocode(query));

    [Fact]
    public void Reverse_GivesTheNearestRoadAndNumber()
    {
        var r = Build().Reverse(At(1090, 20));
        Assert.Equal("南京西路", r.Road);
        Assert.Equal("West Nanjing Road", r.RoadEn);
        Assert.Equal("301", r.EstimatedNumber);
        Assert.Equal(20, r.RoadDistanceMetres!.Value, 1.0);
        Assert.Null(r.InDistrict); // no boundary known
        Assert.Null(Build().Reverse(At(5000, 5000)).Road);
    }

    [Fact]
    public void EnglishRoadNames_FollowShanghaiSignConventions()
    {
        var e = new EnglishRoadNames(new Dictionary<char, string> { ['江'] = "jiang", ['场'] = "chang", ['中'] = "zhong", ['山'] = "shan", ['沪'] = "hu", ['太'] = "tai", ['成'] = "cheng", ['都'] = "dou" });
        Assert.Equal("Jiangchang No. 3 Road", e.Translate("江场三路"));
        Assert.Equal("East Zhongshan No. 1 Road", e.Translate("中山东一路"));
        Assert.Equal("Hutai Branch Road", e.Translate("沪太支路"));
        Assert.Equal("North Chengdu Road", e.Translate("成都北路")); // 都 read as du in place names
        Assert.Null(e.Translate("火星路"));
        Assert.Equal(EnglishRoadNames.Key("Jiangchang No. 3 Road"), EnglishRoadNames.Key("Jiangchang 3rd Rd"));
        Assert.Equal(EnglishRoadNames.Key("North Chengdu Road"), EnglishRoadNames.Key("Chengdu Rd. N."));
    }

    [Fact]
    public void GeneratedPinyinTable_GivesTheRealNames()
    {
        var path = Path.Combine(RepoPaths.Root, "data", "generated", "pinyin.tsv");
        Assert.True(File.Exists(path), "data/generated/pinyin.tsv is written by `npm ci` (scripts/copy-web-libs.mjs)");
        using var reader = File.OpenText(path);
        var e = EnglishRoadNames.FromTable(reader);
        Assert.Equal("West Nanjing Road", e.Translate("南京西路"));
        Assert.Equal("North Maoming Road", e.Translate("茂名北路"));
        Assert.Equal("Shimen No. 2 Road", e.Translate("石门二路"));
        Assert.Equal("Changshou Road", e.Translate("长寿路"));
        Assert.Equal("Middle Yan'an Road", e.Translate("延安中路"));
    }
}
