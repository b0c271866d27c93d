using System.Text;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Tests.Fixtures;

namespace LegalServiceMap.Core.Tests.Stations;

public class StationSeedFileTests
{
    private static StationSeedFile.Contents Shipped()
    {
        using var stream = File.OpenRead(RepoPaths.StationsSeed);
        return StationSeedFile.Read(stream);
    }

    private static StationSeedFile.Contents Parse(string json) =>
        StationSeedFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void ShippedSeed_HasAtLeastFortyValidRecords()
    {
        var seed = Shipped();
        Assert.True(seed.Version >= 1);
        Assert.True(seed.Stations.Count >= 40, $"only {seed.Stations.Count} records");
    }

    [Fact]
    public void ShippedSeed_HasAJudicialOfficeAndARuleOfLawCentreInEachOfTheFourteenStreets()
    {
        var stations = Shipped().Stations;
        foreach (var street in StreetTown.All)
        {
            Assert.Single(stations, s => s.Type == StationType.JudicialOffice && s.Street == street.Slug);
            Assert.Single(stations, s => s.Type == StationType.ServiceCentre && s.Street == street.Slug && s.NameZh == street.NameZh + "法治服务中心");
        }
    }

    [Theory]
    [InlineData("恒隆广场", "南京西路1266号")]
    [InlineData("中共二大会址纪念馆", "老成都北路7弄30号")]
    [InlineData("中国劳动组合书记部旧址陈列馆", "成都北路893弄")]
    [InlineData("静安法治文化绿地", "威海路陕西北路口")]
    public void ShippedSeed_IncludesTheNamedBodiesAtTheirSourcedAddresses(string name, string address)
    {
        var station = Assert.Single(Shipped().Stations, s => s.NameZh.Contains(name));
        Assert.Contains(address, station.AddressZh);
        Assert.NotEmpty(station.Sources);
    }

    [Theory]
    [InlineData("静安区法治服务中心", StationType.ServiceCentre)]
    [InlineData("静安区法律援助中心", StationType.LegalAid)]
    [InlineData("静安公证处", StationType.Notary)]
    [InlineData("闸北公证处", StationType.Notary)]
    [InlineData("静安区人民调解中心（静安区非诉讼争议解决中心）", StationType.Mediation)]
    public void ShippedSeed_IncludesTheDistrictBodies(string name, StationType type) =>
        Assert.Single(Shipped().Stations, s => s.NameZh == name && s.Type == type);

    [Fact]
    public void ShippedSeed_NothingIsMarkedVerifiedAndNothingUnsourcedIsPrecise()
    {
        foreach (var s in Shipped().Stations)
        {
            Assert.False(s.IsVerified, s.Id);
            Assert.NotEmpty(s.Sources);
            // No source gave coordinates: every located record is drawn as approximate.
            if (s.Location is not null)
            {
                Assert.True(s.LocationTier.IsImprecise(), s.Id);
                Assert.NotNull(s.Street);
            }
        }
    }

    [Fact]
    public void ShippedSeed_EveryRecordHasBothNames()
    {
        Assert.All(Shipped().Stations, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.NameZh));
            Assert.False(string.IsNullOrWhiteSpace(s.NameEn));
            Assert.DoesNotMatch("[\u4e00-\u9fff]", s.NameEn);
        });
    }

    [Fact]
    public void Read_InvalidRecords_ReportsEveryProblem()
    {
        const string json = """
        { "schema": "legal-service-map/stations", "version": 2, "stations": [
          { "id": "a", "type": "notary", "name": { "zh": "甲", "en": "A" } },
          { "id": "a", "type": "notary", "name": { "zh": "乙", "en": "B" } },
          { "id": "c", "type": "spaceport", "name": { "zh": "丙", "en": "C" } },
          { "id": "d", "type": "notary", "name": { "zh": "丁" } },
          { "id": "e", "type": "notary", "name": { "zh": "戊", "en": "E" }, "street": "nowhere" },
          { "id": "f", "type": "notary", "name": { "zh": "己", "en": "F" }, "street": "jingansi",
            "hours": [ { "day": "mon", "opens": "17:00", "closes": "09:00" } ] },
          { "id": "g", "type": "notary", "name": { "zh": "庚", "en": "G" }, "street": "jingansi",
            "location": { "lat": 131.2, "lng": 121.4, "tier": "street-level" } }
        ] }
        """;
        var ex = Assert.Throws<SeedFormatException>(() => Parse(json));
        Assert.Contains(ex.Problems, p => p.Contains("duplicate id"));
        Assert.Contains(ex.Problems, p => p.Contains("unknown type 'spaceport'"));
        Assert.Contains(ex.Problems, p => p.Contains("(d)") && p.Contains("zh and en"));
        Assert.Contains(ex.Problems, p => p.Contains("unknown street/town 'nowhere'"));
        Assert.Contains(ex.Problems, p => p.Contains("(f)") && p.Contains("opening period"));
        Assert.Contains(ex.Problems, p => p.Contains("(g)") && p.Contains("WGS-84"));
    }

    [Fact]
    public void Read_LocationInGcj02_IsStoredAsWgs84()
    {
        var wgs = new LegalServiceMap.Core.Geo.GeoPoint(31.248, 121.467);
        var gcj = LegalServiceMap.Core.Geo.ChinaCoordinates.WgsToGcj(wgs);
        var json = $$"""
        { "schema": "legal-service-map/stations", "version": 1, "stations": [
          { "id": "x", "type": "notary", "name": { "zh": "甲", "en": "A" }, "street": "beizhan",
            "location": { "lat": {{gcj.Latitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}, "lng": {{gcj.Longitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}, "tier": "surveyed", "coord": "gcj02" } } ] }
        """;
        var s = Assert.Single(Parse(json).Stations);
        Assert.True(s.Location!.Value.DistanceTo(wgs) < 0.01);
        Assert.Throws<SeedFormatException>(() => Parse(json.Replace("gcj02", "mars")));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "schema": "something-else", "version": 1, "stations": [] }""")]
    public void Read_WrongFile_Throws(string json) =>
        Assert.Throws<SeedFormatException>(() => Parse(json));

    [Fact]
    public void Read_ValidRecord_MapsEveryField()
    {
        const string json = """
        { "schema": "legal-service-map/stations", "version": 3, "stations": [
          { "id": "x", "type": "culture-site", "name": { "zh": "某馆", "en": "A Hall" },
            "address": { "zh": "某路1号", "en": "No. 1 Some Road" }, "street": "beizhan", "phone": "021-1234",
            "hours": [ { "day": "sun", "opens": "09:00", "closes": "11:30" } ],
            "services": { "zh": ["展览"], "en": ["Exhibition"] }, "languages": ["zh"],
            "location": { "lat": 31.248, "lng": 121.467, "tier": "surveyed" },
            "sources": ["S1"], "lastVerified": "2026-11-01" } ] }
        """;
        var s = Assert.Single(Parse(json).Stations);
        Assert.Equal(StationType.CultureSite, s.Type);
        Assert.Equal("No. 1 Some Road", s.Address(english: true));
        Assert.Equal(new OpeningPeriod(DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(11, 30)), Assert.Single(s.Hours));
        Assert.Equal(LocationTier.Surveyed, s.LocationTier);
        Assert.Equal(new DateOnly(2026, 11, 1), s.LastVerified);
        Assert.Equal(3, s.SeedVersion);
        Assert.Equal(["Exhibition"], s.Services(english: true));
    }
}
