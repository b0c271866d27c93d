using System.Globalization;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Features.Staff.Stations;
using LegalServiceMap.Web.Tests.Infrastructure;

namespace LegalServiceMap.Web.Tests.Features.Staff.Stations;

/// <summary>The stations grid's address: read leniently, written without defaults, and the rows in its order.</summary>
public sealed class StationsGridStateTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private static readonly DateOnly Today = new(2026, 12, 7);

    public void Dispose() => _db.Dispose();

    private static StationsGridState Parse(params (string Key, string Value)[] query) =>
        StationsGridState.Parse(k => query.FirstOrDefault(q => q.Key == k).Value);

    [Fact]
    public void Parse_KeepsWhatItKnows_AndDropsTheRest()
    {
        var state = Parse(("type", "judicial-office"), ("street", "beizhan"), ("sort", "street"), ("desc", "1"), ("tier", "nonsense"), ("verified", "42"));
        Assert.Equal(StationType.JudicialOffice, state.Filter.Type);
        Assert.Equal("beizhan", state.Filter.Street);
        Assert.Null(state.Filter.Tier);
        Assert.Null(state.Filter.Verification);
        Assert.Equal("street", state.SortBy);
        Assert.True(state.Descending);

        var unknown = Parse(("sort", "password"), ("desc", "1"), ("street", "not-a-street"));
        Assert.Null(unknown.SortBy);
        Assert.False(unknown.Descending); // no direction without a column
        Assert.Null(unknown.Filter.Street);
    }

    [Fact]
    public void Query_RoundTrips_AndLeavesOutTheDefaults()
    {
        var state = new StationsGridState(new StationListFilter(StationType.Notary, Search: "静安"), "verified", Descending: true);
        var query = state.Query();
        Assert.Equal(state, StationsGridState.Parse(k => query.GetValueOrDefault(k) as string));
        var plain = new StationsGridState(new StationListFilter()).Query();
        Assert.All(plain.Values, Assert.Null);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void Rows_FollowTheSort_InTheReadersLanguage(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var english = culture == "en-US";
            var comparer = StringComparer.Create(CultureInfo.CurrentCulture, false);
            var all = _db.Queries.Catalog.All;
            var up = Parse(("type", "judicial-office"), ("sort", "name")).Rows(all, english, Today).Select(s => s.Name(english)).ToList();
            Assert.Equal(14, up.Count);
            Assert.Equal(up.Order(comparer), up);
            if (!english) Assert.Equal("宝山路街道司法所", up[0]); // pinyin (bao), not code point order (临 would be first)
            var down = Parse(("type", "judicial-office"), ("sort", "name"), ("desc", "1")).Rows(all, english, Today).Select(s => s.Name(english));
            Assert.Equal(up.AsEnumerable().Reverse(), down);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
