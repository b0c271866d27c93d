using LegalServiceMap.Web.Features.Staff.Accounts;
using LegalServiceMap.Web.Data;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Staff.Import;

/// <summary>Staff-only API (Editor or Admin; anonymous → 401, other roles → 403). GET /api/staff/export?format=csv|xlsx|geojson|hsds.</summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff").RequireAuthorization(StaffRoles.StaffPolicy).WithTags("Staff");
        group.MapGet("/export", Export);
        return app;
    }

    private static async Task<IResult> Export(string? format, StationTransferService transfer, OpenData.HsdsQueries hsds, Audit.SecurityEvents security,
        TimeProvider clock, HttpContext http, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var requested = (format ?? "csv").ToLowerInvariant();
        TransferFormat? f = requested switch
        {
            "csv" => TransferFormat.Csv,
            "xlsx" => TransferFormat.Xlsx,
            "geojson" => TransferFormat.GeoJson,
            _ => null,
        };
        var day = $"{LegalServiceMap.Core.Stations.OpeningHours.ToShanghai(clock.GetUtcNow()):yyyyMMdd}";
        if (requested == "hsds")
        {
            // The open-data datapackage (HSDS 3.0 tables and datapackage.json), in Chinese with English alternate names.
            await security.RecordAsync(Audit.SecurityEventKind.Exported, http.User.Identity?.Name, http, "hsds");
            var view = await hsds.ViewAsync(L, english: false, ct);
            return Results.Stream(stream => OpenData.HsdsDataPackage.WriteAsync(stream, view, hsds.Stations, CancellationToken.None),
                "application/zip", $"jingan-legal-services-hsds-{day}.zip");
        }
        if (f is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [L["Api_FormatInvalid"]] }, title: L["Api_InvalidTitle"]);
        }
        var (type, extension) = f switch
        {
            TransferFormat.Csv => ("text/csv; charset=utf-8", "csv"),
            TransferFormat.Xlsx => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            _ => ("application/geo+json", "geojson"),
        };
        var name = $"jingan-legal-stations-{day}.{extension}";
        await security.RecordAsync(Audit.SecurityEventKind.Exported, http.User.Identity?.Name, http, extension);
        return Results.Stream(stream => transfer.ExportAsync(stream, f.Value), type, name);
    }
}
