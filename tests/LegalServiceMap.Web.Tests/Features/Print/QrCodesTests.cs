using System.Net;
using LegalServiceMap.Web.Tests.Infrastructure;

namespace LegalServiceMap.Web.Tests.Features.Print;

/// <summary>/api/qr: the QR code printed with a page, only ever of a page of this site.</summary>
public sealed class QrCodesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("https://example.org/")]
    [InlineData("//example.org/x")]
    [InlineData("/\\example.org")]
    [InlineData("")]
    public async Task QrCodes_AreOnlyOfThisSitesOwnPages(string path)
    {
        var response = await factory.CreateClient().GetAsync("/api/qr?lang=en&path=" + Uri.EscapeDataString(path));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AQrCode_OfAPageOfThisSite_IsAnSvgImage_CachedForADay()
    {
        var response = await factory.CreateClient().GetAsync("/api/qr?path=" + Uri.EscapeDataString("/?lat=31.2286&lng=121.4586"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await response.Content.ReadAsStringAsync()).TrimStart());
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl?.MaxAge);
    }
}
