namespace LegalServiceMap.Web.Features.Coverage;

/// <summary>The coverage slice: <c>/coverage</c> and <c>/api/coverage</c>.</summary>
public static class CoverageSetup
{
    public static IServiceCollection AddCoverage(this IServiceCollection services) => services.AddSingleton<CoverageService>();

    public static IEndpointRouteBuilder MapCoverage(this IEndpointRouteBuilder app) => app.MapCoverageApi();
}
