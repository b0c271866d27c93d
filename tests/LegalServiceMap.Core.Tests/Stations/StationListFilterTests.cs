using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Stations;

public class StationListFilterTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static Station S(string id, StationType type = StationType.Notary, string? street = "beizhan", DateOnly? verified = null,
        double? lat = null, LocationTier tier = LocationTier.StreetLevel, StationStatus status = StationStatus.Active, string? code = null) => new()
    {
        Id = id, Type = type, NameZh = "名" + id, NameEn = "Name " + id, Street = street, LastVerified = verified,
        Latitude = lat, Longitude = lat is null ? null : 121.46, LocationTier = tier, Status = status, DivisionCode = code,
    };

    private static readonly Station[] All =
    [
        S("a", verified: Today.AddDays(-10), lat: 31.25, tier: LocationTier.Surveyed),
        S("b", verified: Today.AddDays(-181)),
        S("c", type: StationType.ResidentsCommittee, code: "310106016001"),
        S("d", street: "pengpu", lat: 31.3, status: StationStatus.TemporarilyClosed),
    ];

    private static string[] Ids(StationListFilter f) => f.Apply(All, Today).Select(s => s.Id).ToArray();

    [Fact]
    public void Verification_IsVerifiedStaleOrUnverified_WithTheHundredAndEightyDayRule()
    {
        Assert.Equal(["a"], Ids(new(Verification: Verification.Verified)));
        Assert.Equal(["b"], Ids(new(Verification: Verification.Stale)));
        Assert.Equal(["c", "d"], Ids(new(Verification: Verification.Unverified)));
        Assert.False(S("x", verified: Today.AddDays(-180)).IsStaleOn(Today)); // the 180th day is still fresh
    }

    [Fact]
    public void Filters_Combine()
    {
        Assert.Equal(["c"], Ids(new(Type: StationType.ResidentsCommittee)));
        Assert.Equal(["d"], Ids(new(Street: "pengpu")));
        Assert.Equal(["d"], Ids(new(Status: StationStatus.TemporarilyClosed)));
        Assert.Equal(["d"], Ids(new(Tier: LocationTier.StreetLevel))); // a tier needs a location: b and c have none
        Assert.Equal(["b", "c", "d"], Ids(new(UnplacedOnly: true)));
        Assert.Equal(["b"], Ids(new(Street: "beizhan", UnplacedOnly: true, Type: StationType.Notary)));
        Assert.Equal(["a", "b", "c", "d"], Ids(new()));
    }

    [Theory]
    [InlineData("名c")]
    [InlineData("name C")]
    [InlineData("310106016001")]
    [InlineData("ＮＡＭＥ Ｃ")] // full-width, as some input methods type it
    public void QuickSearch_MatchesEitherLanguageAndTheCode(string q) => Assert.Equal(["c"], Ids(new(Search: q)));
}
