using LegalServiceMap.Web.Setup;
namespace LegalServiceMap.Web.Features.Print;

/// <summary>QR codes of our own pages (posters, printed lists): SVG from QRCoder, black on white with its quiet zone.</summary>
public static class QrCodes
{
    public static string Svg(string url)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);
        return new QRCoder.SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true,
            sizingMode: QRCoder.SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>
    /// GET /api/qr?path=/…: the QR code (SVG) of one of this site's own pages, for printed lists. Only a path on this
    /// site (starting with one "/", up to 500 characters) is encoded; anything else is 400. Cached for a day.
    /// </summary>
    public static IEndpointRouteBuilder MapQrCodes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/qr", (string? path, HttpContext http, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) =>
        {
            if (path is not { Length: > 0 and <= 500 } || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal)
                || path.Any(char.IsControl))
            {
                var errors = new ParameterErrors(L);
                errors.Add("path", "Api_QrPath");
                return errors.Problem();
            }
            var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{path}";
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(Svg(url), "image/svg+xml");
        }).WithTags("Printing");
        return app;
    }
}
