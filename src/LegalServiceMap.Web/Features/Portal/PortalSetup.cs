using LegalServiceMap.Web.Setup;

namespace LegalServiceMap.Web.Features.Portal;

/// <summary>The resident portal: consultation, error report and legal-aid pre-application forms, status, <c>/api/submissions</c>.</summary>
public static class PortalSetup
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        // Submissions are saved before success is shown, idempotent and rate-limited (Setup/RateLimits).
        services.AddValidatedOptions<PortalOptions>(PortalOptions.Section);
        services.AddScoped<SubmissionService>();
        services.AddSingleton<ReplyPromises>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app) => app.MapPortalApi();
}
