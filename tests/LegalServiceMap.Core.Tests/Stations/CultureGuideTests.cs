using LegalServiceMap.Core.Tests.Fixtures;
using System.Text;
using System.Text.RegularExpressions;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Stations;

public sealed class CultureGuideTests
{
    private static CultureGuide Shipped()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.Root, "data", "culture.json"));
        return CultureGuide.Read(stream);
    }

    private static CultureGuide Parse(string json) => CultureGuide.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void ShippedGuide_DescribesOnlyCultureSitesOfTheSeed_InBothLanguages()
    {
        using var seedStream = File.OpenRead(RepoPaths.StationsSeed);
        var seed = StationSeedFile.Read(seedStream).Stations.ToDictionary(s => s.Id);
        var guide = Shipped();

        Assert.NotEmpty(guide.Entries);
        foreach (var e in guide.Entries)
        {
            Assert.True(seed.TryGetValue(e.StationId, out var station), $"{e.StationId} is not in the seed");
            Assert.Equal(StationType.CultureSite, station!.Type);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.AboutZh);
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", e.AboutEn);
        }
        // Every culture site of the seed has a description.
        Assert.All(seed.Values.Where(s => s.Type == StationType.CultureSite), s => Assert.NotNull(guide.For(s.Id)));
    }

    [Fact]
    public void ShippedGuide_CitesOnlySourcesListedInSourcesMd()
    {
        var listed = Regex.Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "data", "SOURCES.md")), @"^- (S\d+) ", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet();
        foreach (var e in Shipped().Entries)
        {
            foreach (var source in e.Sources)
            {
                var key = Regex.Match(source, @"^\[(S\d+)\]");
                Assert.True(key.Success, $"{e.StationId}: '{source}' does not start with a source key");
                Assert.Contains(key.Groups[1].Value, listed);
            }
        }
    }

    [Theory]
    [InlineData("""{"schema":"something-else","sites":[]}""")]
    [InlineData("""{"schema":"legal-service-map/culture-guide","sites":[{"station":"x","about":{"zh":"介绍"},"sources":["[S1]"]}]}""")]
    [InlineData("""{"schema":"legal-service-map/culture-guide","sites":[{"station":"x","about":{"zh":"介绍","en":"About"},"sources":[]}]}""")]
    [InlineData("""{"schema":"legal-service-map/culture-guide","sites":[{"about":{"zh":"介绍","en":"About"},"sources":["[S1]"]}]}""")]
    [InlineData("""{"schema":"legal-service-map/culture-guide","sites":[{"station":"x","about":{"zh":"甲","en":"A"},"sources":["[S1]"]},{"station":"X","about":{"zh":"乙","en":"B"},"sources":["[S2]"]}]}""")]
    [InlineData("""not json""")]
    public void Read_RejectsIncompleteOrUncitedEntries(string json) =>
        Assert.Throws<FormatException>(() => Parse(json));
}
