using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Features.Map;
using Microsoft.AspNetCore.WebUtilities;

namespace LegalServiceMap.Web.Tests.Features.Map;

/// <summary>The map page's address: read leniently from what a link or a plain form sends, written back canonically.</summary>
public sealed class MapStateTests
{
    private static readonly IsochroneOptions Options = new();
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0); // Tuesday, China Standard Time

    private static MapState Parse(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        return MapState.Parse(k => values.GetValueOrDefault(k), Options, Now);
    }

    [Fact]
    public void Parse_TheCanonicalAddress_ReadsEveryChoice_AndWritesTheSameAddressBack()
    {
        const string address = "?type=notary,judicial-office&q=%E9%9D%99%E5%AE%89&lat=31.2304123&lng=121.4737123&station=notary-jingan&minutes=10&speed=elder&depart=2026-12-07T09:30&open=1&all=1";
        var state = Parse(address);

        Assert.Equal(new HashSet<StationType> { StationType.Notary, StationType.JudicialOffice }, state.Types);
        Assert.Equal("静安", state.Search);
        Assert.Equal(new GeoPoint(31.2304123, 121.4737123), state.Location.Point);
        Assert.Equal("notary-jingan", state.StationId);
        Assert.Equal(10, state.Minutes);
        Assert.True(state.Elder);
        Assert.Equal(new DateTime(2026, 12, 7, 9, 30, 0), state.DepartLocal);
        Assert.True(state.OnlyOpen);
        Assert.True(state.ShowAll);
        Assert.Equal(address, state.Href);
    }

    [Fact]
    public void Parse_WhatAPlainFormSends_ReadsTheSame()
    {
        // A browser without script submits every control: empty search, one parameter per ticked type, "leave at" + time.
        var state = Parse("?q=&type=notary&type=judicial-office&minutes=15&speed=normal&leave=at&depart=2026-12-07T09:30&open=1&lat=31.2304&lng=121.4737");
        Assert.Null(state.Search);
        Assert.Equal(new HashSet<StationType> { StationType.Notary, StationType.JudicialOffice }, state.Types);
        Assert.Equal(new DateTime(2026, 12, 7, 9, 30, 0), state.DepartLocal);
        Assert.Equal("?type=notary,judicial-office&lat=31.2304&lng=121.4737&minutes=15&speed=normal&depart=2026-12-07T09:30&open=1", state.Href);

        // "Leave now" ignores the picker's value, which a plain form sends all the same.
        Assert.Null(Parse("?leave=now&depart=2026-12-07T09:30").DepartLocal);
    }

    [Theory]
    [InlineData("?type=nonsense,notary", "?type=notary")]        // an unknown type is dropped, the known one kept
    [InlineData("?minutes=600", "?minutes=60")]                  // clamped to the range the walks allow
    [InlineData("?minutes=0", "?minutes=1")]
    [InlineData("?minutes=ten", ".")]                           // not a number: the default
    [InlineData("?speed=fast", ".")]
    [InlineData("?depart=next%20monday", ".")]                  // not a time the picker writes
    [InlineData("?depart=2028-01-01T10:00", ".")]               // more than a year ahead
    [InlineData("?depart=2026-11-30T10:00", ".")]               // already past
    [InlineData("?depart=2026-12-07T09:30:00", "?depart=2026-12-07T09:30")] // as some pickers send it, with seconds
    [InlineData("?open=yes&all=2", ".")]
    [InlineData("?q=%20%20", ".")]
    public void Parse_BadOrOddValues_AreDroppedOrMended_NeverAnError(string query, string href) =>
        Assert.Equal(href, Parse(query).Href);

    [Fact]
    public void Parse_ALongSearch_IsCutToTheLongestQueryTaken() =>
        Assert.Equal(100, Parse("?q=" + new string('x', 500)).Search!.Length);

    [Fact]
    public void ParseLocation_GcjFromTheHostApp_IsStoredAsWgs84_AndBadLocationsAreMarkedInvalid()
    {
        var wgs = new GeoPoint(31.2304, 121.4737);
        var gcj = ChinaCoordinates.WgsToGcj(wgs);
        var read = Parse(FormattableString.Invariant($"?lat={gcj.Latitude:R}&lng={gcj.Longitude:R}&coord=GCJ02"));
        Assert.Equal(wgs.Latitude, read.Location.Point!.Value.Latitude, 1e-6);
        Assert.Equal(wgs.Longitude, read.Location.Point!.Value.Longitude, 1e-6);
        Assert.DoesNotContain("coord=", read.Href); // written back as the WGS-84 point it is

        Assert.True(MapState.ParseLocation("north", "121.4", null).Invalid);
        Assert.True(MapState.ParseLocation("31.2", "121.4", "mars").Invalid);
        Assert.True(MapState.ParseLocation("95", "121.4", null).Invalid);
        Assert.True(MapState.ParseLocation("31.2", null, null).Invalid);
        Assert.Equal(MapLocation.None, MapState.ParseLocation(null, null, "gcj02"));
        Assert.Equal(MapLocation.None, MapState.ParseLocation("", "", null));
    }

    [Fact]
    public void Format_WritesSevenDecimals_WhichReadBackAsTheSamePoint()
    {
        var (lat, lng) = MapState.Format(new GeoPoint(31.23041234567, 121.47371234567));
        Assert.Equal(("31.2304123", "121.4737123"), (lat, lng));
        Assert.Equal(MapState.ParseLocation(lat, lng, null).Point, new GeoPoint(31.2304123, 121.4737123));
    }

    [Fact]
    public void WithPointAndStation_ChangeOnlyThat_AndAnEmptyStateIsTheBareMap()
    {
        var state = Parse("?type=notary&station=notary-jingan&minutes=20");
        Assert.Equal("?type=notary&lat=31.25&lng=121.45&station=notary-jingan&minutes=20", state.WithPoint(new GeoPoint(31.25, 121.45)).Href);
        Assert.Equal("?type=notary&minutes=20", state.WithStation(null).Href);
        Assert.Equal(".", MapState.Empty.Href);
    }

    [Fact]
    public void ElderPace_FollowsTheDisplayModeUnlessChosen()
    {
        Assert.True(Parse("").ElderPace(elderMode: true));
        Assert.False(Parse("?speed=normal").ElderPace(elderMode: true));
        Assert.True(Parse("?speed=elder").ElderPace(elderMode: false));
        Assert.Equal(Options.DefaultMinutes, Parse("").WalkMinutes(Options));
    }
}
