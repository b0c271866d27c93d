using FsCheck.Xunit;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Tests.Fixtures;
using Xunit.Abstractions;

namespace LegalServiceMap.Core.Tests.Geocoding;

public class AddressParserTests(ITestOutputHelper output)
{
    [Fact]
    public void Parse_FullChineseAddress_SplitsEveryPart()
    {
        var a = AddressParser.Parse("上海市静安区南京西路1266号恒隆广场二期15楼");
        Assert.Equal("上海市", a.Province);
        Assert.Equal("静安区", a.District);
        Assert.Equal("南京西路", a.Road);
        Assert.Equal("1266", a.Number);
        Assert.Equal("恒隆广场", a.Poi);
        Assert.Equal("15", a.Floor);
    }

    [Fact]
    public void Parse_LaneSubLaneNumberBuildingRoom()
    {
        var a = AddressParser.Parse("静安区武定路930弄14号");
        Assert.Equal(("武定路", "930", "14"), (a.Road, a.Lane, a.Number));
        var b = AddressParser.Parse("鹤庆路358弄2支弄81号3号楼502室");
        Assert.Equal(("鹤庆路", "358", "2", "81", "3", "502"), (b.Road, b.Lane, b.SubLane, b.Number, b.Building, b.Room));
    }

    [Fact]
    public void Parse_FullWidthDigitsSpacesAndChineseNumerals()
    {
        var a = AddressParser.Parse("茂名北路 一百二十弄　３号 三楼");
        Assert.Equal(("茂名北路", "120", "3", "3"), (a.Road, a.Lane, a.Number, a.Floor));
        // Numerals that are part of a road name stay.
        Assert.Equal("石门二路", AddressParser.Parse("石门二路333号").Road);
        Assert.Equal("江场三路", AddressParser.Parse("上海市闸北区江场三路76、78号103室").Road);
    }

    [Fact]
    public void Parse_FormerZhabeiDistrict_IsJinganToday()
    {
        var a = AddressParser.Parse("上海市闸北区江场西路299弄中铁中环时代广场701A");
        Assert.Equal("静安区", a.District);
        Assert.True(a.FormerZhabei);
        Assert.Equal(("江场西路", "299"), (a.Road, a.Lane));
    }

    [Theory]
    [InlineData("江宁路康定路路口", "江宁路", "康定路")]
    [InlineData("成都北路与北京西路交叉口", "成都北路", "北京西路")]
    [InlineData("威海路陕西北路口", "威海路", "陕西北路")]
    public void Parse_Intersections(string text, string road, string cross)
    {
        var a = AddressParser.Parse(text);
        Assert.True(a.IsIntersection);
        Assert.Equal((road, cross), (a.Road, a.CrossRoad));
    }

    [Fact]
    public void Parse_NearClause_IsNotTheRoad()
    {
        var a = AddressParser.Parse("上海市闸北区沪太支路538号（近平遥路）飞马旅5I中心");
        Assert.Equal(("沪太支路", "538", "平遥路"), (a.Road, a.Number, a.NearRoad));
        var b = AddressParser.Parse("上海经静安区大田路靠近北京西路");
        Assert.Equal(("大田路", "北京西路", "静安区"), (b.Road, b.NearRoad, b.District));
    }

    [Fact]
    public void Parse_StreetTownPrefix()
    {
        var a = AddressParser.Parse("静安区天目西路街道恒丰路");
        Assert.Equal(("天目西路", "恒丰路"), (a.StreetTown, a.Road));
        Assert.Equal("彭浦", AddressParser.Parse("静安区彭浦镇共和新路3088弄").StreetTown);
    }

    [Fact]
    public void Parse_StreetNameWithoutSuffixBeforeTheRoad()
    {
        var a = AddressParser.Parse("静安寺南京西路1717号");
        Assert.Equal(("静安寺", "南京西路", "1717"), (a.StreetTown, a.Road, a.Number));
    }

    [Fact]
    public void Parse_TraditionalCharacters()
    {
        var a = AddressParser.Parse("上海市靜安區南京西路1266號");
        Assert.Equal(("静安区", "南京西路", "1266"), (a.District, a.Road, a.Number));
    }

    [Theory]
    [InlineData("Lane 120, North Maoming Road", "North Maoming Road", "120", null)]
    [InlineData("1266 West Nanjing Road, Jing'an District", "West Nanjing Road", null, "1266")]
    [InlineData("No. 30, Lane 7, North Laochengdu Road", "North Laochengdu Road", "7", "30")]
    [InlineData("N. Chengdu Rd. 893", "North Chengdu Road", null, null)]
    [InlineData("Chengdu Road North", "North Chengdu Road", null, null)]
    public void Parse_EnglishForms(string text, string road, string? lane, string? number)
    {
        var a = AddressParser.Parse(text);
        Assert.Equal("en", a.Language);
        Assert.Equal(road, a.Road);
        Assert.Equal(lane, a.Lane);
        Assert.Equal(number, a.Number);
    }

    [Fact]
    public void Parse_EnglishDistrictAndIntersection()
    {
        var a = AddressParser.Parse("1266 West Nanjing Road, Jing'an District, Shanghai");
        Assert.Equal("静安区", a.District);
        var b = AddressParser.Parse("Corner of Weihai Road and North Shaanxi Road");
        Assert.Equal(("Weihai Road", "North Shaanxi Road"), (b.Road, b.CrossRoad));
    }

    [Property(MaxTest = 2000)]
    public bool Parse_NeverThrows(string input)
    {
        AddressParser.Parse(input);
        return true;
    }

    [Property(MaxTest = 2000)]
    public bool Normalize_IsIdempotent(string input)
    {
        var once = AddressNormalizer.Normalize(input);
        return once == AddressNormalizer.Normalize(once);
    }

    [Fact]
    public void Normalize_IsIdempotentOnAddressLikeStrings()
    {
        var random = new Random(3);
        const string alphabet = "上海市静安区闸北區南京西路一二三十百〇两号號弄支弄楼层室幢座近与口( )（）,，、0123456789０１２ABC-";
        for (var i = 0; i < 5_000; i++)
        {
            var s = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var once = AddressNormalizer.Normalize(s);
            Assert.Equal(once, AddressNormalizer.Normalize(once));
            AddressParser.Parse(s);
        }
    }

    private static Landmarks ShippedLandmarks()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.Root, "data", "landmarks.json"));
        return Landmarks.Read(stream);
    }

    [Fact]
    public void Landmarks_FindTheLongestNameInAnAddress()
    {
        var landmarks = ShippedLandmarks();
        Assert.Equal("南京西路", landmarks.FindIn(AddressNormalizer.Normalize("静安区中信泰富广场"))?.Road);
        Assert.Equal("1515", landmarks.FindIn(AddressNormalizer.Normalize("上海市静安区嘉里中心2座39层"))?.Number);
        Assert.Equal("355", landmarks.FindIn(AddressNormalizer.Normalize("闸北区宝华·中心"))?.Number);
        Assert.Null(landmarks.FindIn(AddressNormalizer.Normalize("静安区")));
    }

    [SkippableFact]
    public void RealAddresses_YieldARoad()
    {
        RepoPaths.RequireSharedData();
        var lines = File.ReadLines(Path.Combine(RepoPaths.SharedData, "DQinYuan__chinese_province_city_area_mapper", "addr_jingan_zhabei.csv")).Skip(1)
            .Select(l => l[..l.LastIndexOf(',')])
            .ToList();
        Assert.Equal(188, lines.Count);
        var landmarks = ShippedLandmarks();
        string? RoadOf(string line)
        {
            var parsed = AddressParser.Parse(line);
            return parsed.Road ?? landmarks.FindIn(parsed.Normalized)?.Road;
        }
        // Lines that name nothing below a district ("静安区", "上海市闸北区", lists of districts) cannot yield a road.
        var districtOnly = lines.Where(l => AddressParser.Parse(l) is { Road: null, Poi: null or "上海" }
            || System.Text.RegularExpressions.Regex.IsMatch(AddressNormalizer.Normalize(l), "^(上海市?)?(静安区|闸北区)?$")).ToList();
        var withRoad = lines.Count(l => RoadOf(l) is not null);
        var parserOnly = lines.Count(l => AddressParser.Parse(l).Road is not null);
        var streetLevel = lines.Count - districtOnly.Count;
        output.WriteLine($"parser alone: road in {parserOnly}/{lines.Count} = {(double)parserOnly / lines.Count:P1}");
        output.WriteLine($"with landmarks: road in {withRoad}/{lines.Count} = {(double)withRoad / lines.Count:P1}");
        output.WriteLine($"lines naming anything below the district: {streetLevel}; road in {withRoad}/{streetLevel} = {(double)withRoad / streetLevel:P1}");
        foreach (var l in lines.Where(l => RoadOf(l) is null)) output.WriteLine("  no road: " + l);
        foreach (var road in lines.Select(RoadOf).Where(r => r is not null).Distinct().Order()) output.WriteLine("  road: " + road);
        Assert.True((double)withRoad / streetLevel >= 0.95, $"only {(double)withRoad / streetLevel:P1}");
        Assert.True(districtOnly.Count <= 12, string.Join(" | ", districtOnly));
    }
}
