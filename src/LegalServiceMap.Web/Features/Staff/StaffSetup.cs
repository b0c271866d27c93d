using LegalServiceMap.Web.Features.Staff.Accounts;
using LegalServiceMap.Web.Features.Staff.Audit;
using LegalServiceMap.Web.Features.Staff.District;
using LegalServiceMap.Web.Features.Staff.Import;
using LegalServiceMap.Web.Features.Staff.Requests;
using LegalServiceMap.Web.Features.Staff.Stations;
using LegalServiceMap.Web.Setup;

namespace LegalServiceMap.Web.Features.Staff;

/// <summary>
/// The staff workspace under /staff (Interactive Server, MudBlazor), in sub-slices: Accounts (sign-in, roles, users),
/// Overview, Stations (grid, editor, placing), Requests (the residents' submissions), District (street network and
/// boundaries from the browser), Import (stations in and out), Audit (security events).
/// </summary>
public static class StaffSetup
{
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddStaffAuthentication();
        services.AddSingleton<AccountQueries>();
        services.AddScoped<StationEditService>();
        services.AddScoped<StationTransferService>();
        services.AddValidatedOptions<ImportOptions>(ImportOptions.Section);
        services.AddScoped<SubmissionQueue>();
        services.AddSingleton<OverdueWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueWatch>());
        // District data uploaded from the browser: imported in the background, one job at a time.
        services.AddValidatedOptions<DistrictDataOptions>(DistrictDataOptions.Section);
        services.AddSingleton<DistrictImports>();
        services.AddHostedService(sp => sp.GetRequiredService<DistrictImports>());
        services.AddValidatedOptions<AuditOptions>(AuditOptions.Section);
        services.AddSingleton<SecurityEvents>();
        return services;
    }

    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder app) => app.MapStaffAuthentication().MapExportApi();
}
