using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Portal;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Core.Tests.Text;

public sealed class WireNameTests
{
    [Fact]
    public void WireNames_AreThePublishedNames()
    {
        // These names are in the API, URLs, exports, imports and the database: a change here is a breaking change.
        Assert.Equal(["service-centre", "legal-aid", "notary", "mediation", "commercial-mediation", "judicial-office", "residents-committee", "law-firm", "judicial-appraisal", "culture-site"],
            WireName.All<StationType>());
        Assert.Equal(["active", "temporarily-closed", "closed"], WireName.All<StationStatus>());
        Assert.Equal(["surveyed", "interpolated", "approximate", "street-level"], WireName.All<LocationTier>());
        Assert.Equal(["consultation", "error-report", "legal-aid"], WireName.All<SubmissionKind>());
        Assert.Equal(["received", "in-progress", "answered", "closed"], WireName.All<SubmissionStatus>());
        Assert.Equal(["network", "circle"], WireName.All<IsochroneMethod>());
        Assert.Contains("exact-point", WireName.All<GeocodeMatchType>());
        Assert.Contains("interpolated-number", WireName.All<GeocodeMatchType>());
    }

    [Theory]
    [InlineData("temporarily-closed", StationStatus.TemporarilyClosed)]
    [InlineData(" Temporarily-Closed ", StationStatus.TemporarilyClosed)]
    [InlineData("ACTIVE", StationStatus.Active)]
    public void TryParse_IgnoresCaseAndSpaces(string text, StationStatus expected)
    {
        Assert.True(WireName.TryParse(text, out StationStatus status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("temporarily closed")]
    [InlineData("TemporarilyClosed")]
    [InlineData("1")]
    public void TryParse_RefusesAnythingElse(string? text)
    {
        Assert.False(WireName.TryParse(text, out StationStatus _));
    }
}
