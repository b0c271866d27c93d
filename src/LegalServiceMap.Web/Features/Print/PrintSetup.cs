namespace LegalServiceMap.Web.Features.Print;

/// <summary>Printing for a neighbour: the QR codes of this site's pages (<c>/api/qr</c>); the print stylesheet is css/app.css.</summary>
public static class PrintSetup
{
    public static IEndpointRouteBuilder MapPrint(this IEndpointRouteBuilder app) => app.MapQrCodes();
}
