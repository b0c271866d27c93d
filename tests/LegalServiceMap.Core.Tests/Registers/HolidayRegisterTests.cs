using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Tests.Fixtures;

namespace LegalServiceMap.Core.Tests.Registers;

/// <summary>The holiday calendar from the chinese-days package (written by npm ci) and data/holidays.json, merged.</summary>
public class HolidayRegisterTests
{
    private static HolidayCalendar Read(params string[] path)
    {
        var file = Path.Combine([RepoPaths.Root, "data", .. path]);
        Assert.True(File.Exists(file), $"{string.Join('/', path)} is missing (data/generated is written by `npm ci`)");
        using var stream = File.OpenRead(file);
        return HolidayCalendar.Read(stream);
    }

    private static HolidayCalendar Generated => Read("generated", "holidays.json");
    private static HolidayCalendar Overrides => Read("holidays.json");

    private static HolidayCalendar Calendar(string json) => HolidayCalendar.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Package_Covers2004To2026_WithTheStateCouncilsDates()
    {
        var package = Generated;
        Assert.Equal(Enumerable.Range(2004, 23), package.Years);
        Assert.Equal("国庆节", package.HolidayOn(new DateOnly(2026, 10, 7))!.NameZh);
        Assert.True(package.IsMakeUpWorkday(new DateOnly(2026, 2, 28)));
        Assert.True(package.IsMakeUpWorkday(new DateOnly(2025, 1, 26))); // 2025 Spring Festival: Sunday 26 January was worked
        Assert.Null(package.HolidayOn(new DateOnly(2026, 10, 8)));
    }

    [Fact]
    public void OverrideFile_AgreesWithThePackage_WhereverBothHaveAYear()
    {
        var (package, overrides) = (Generated, Overrides);
        Assert.NotEmpty(package.Years.Intersect(overrides.Years));
        Assert.Empty(HolidayCalendar.Disagreements(package, overrides));
    }

    [Fact]
    public void Disagreements_NameTheYearWhereTheDatesDiffer()
    {
        var a = Calendar("""{ "schema": "legal-service-map/holidays", "years": [ { "holidays": [ { "name": { "zh": "元旦", "en": "New Year" }, "from": "2027-01-01", "to": "2027-01-01" } ], "workdays": [] } ] }""");
        var b = Calendar("""{ "schema": "legal-service-map/holidays", "years": [ { "holidays": [ { "name": { "zh": "元旦", "en": "New Year" }, "from": "2027-01-01", "to": "2027-01-03" } ], "workdays": [] } ] }""");
        Assert.Equal([2027], HolidayCalendar.Disagreements(a, b));
        Assert.Empty(HolidayCalendar.Disagreements(a, a));
    }

    [Fact]
    public void Merge_AddsAYearThePackageDoesNotHave_AndTheOverrideWinsForItsYears()
    {
        var overrides = Calendar("""
            { "schema": "legal-service-map/holidays", "years": [
              { "holidays": [ { "name": { "zh": "元旦", "en": "New Year's Day" }, "from": "2027-01-01", "to": "2027-01-01" } ], "workdays": ["2027-01-09"] },
              { "holidays": [ { "name": { "zh": "国庆节", "en": "National Day" }, "from": "2026-10-01", "to": "2026-10-03" } ], "workdays": [] } ] }
            """);
        var merged = HolidayCalendar.Merge(Generated, overrides);
        Assert.Contains(2027, merged.Years);
        Assert.True(merged.IsMakeUpWorkday(new DateOnly(2027, 1, 9)));
        Assert.NotNull(merged.HolidayOn(new DateOnly(2027, 1, 1)));
        // 2026 is the override's: only its three days; the package's other 2026 dates are not mixed in.
        Assert.NotNull(merged.HolidayOn(new DateOnly(2026, 10, 3)));
        Assert.Null(merged.HolidayOn(new DateOnly(2026, 10, 5)));
        Assert.Null(merged.HolidayOn(new DateOnly(2026, 2, 17)));
        Assert.False(merged.IsMakeUpWorkday(new DateOnly(2026, 2, 28)));
        // Other years stay the package's.
        Assert.NotNull(merged.HolidayOn(new DateOnly(2025, 10, 1)));
    }

    [Fact]
    public void ShippedMerge_IsThePackagesCalendar_PlusNothingNew()
    {
        var merged = HolidayCalendar.Merge(Generated, Overrides);
        Assert.Equal(Generated.Years, merged.Years);
        Assert.Empty(HolidayCalendar.Disagreements(Generated, merged));
    }

    [Theory]
    [InlineData(2026, 11, 30, null)]    // next year's notice is not due yet
    [InlineData(2026, 12, 1, 2027)]     // from 1 December it is
    [InlineData(2026, 12, 31, 2027)]
    [InlineData(2027, 3, 1, 2027)]      // running in a year the calendar does not know at all
    [InlineData(2025, 12, 15, null)]    // 2026 is there
    public void MissingYear_FromFirstDecember(int year, int month, int day, int? missing) =>
        Assert.Equal(missing, HolidayCalendar.Merge(Generated, Overrides).MissingYear(new DateOnly(year, month, day)));

    [Fact]
    public void MissingYear_IsNoneOnceNextYearIsAdded()
    {
        var with2027 = HolidayCalendar.Merge(Generated, Calendar("""{ "schema": "legal-service-map/holidays", "years": [ { "holidays": [ { "name": { "zh": "元旦", "en": "New Year's Day" }, "from": "2027-01-01", "to": "2027-01-01" } ], "workdays": [] } ] }"""));
        Assert.Null(with2027.MissingYear(new DateOnly(2026, 12, 2)));
    }
}
