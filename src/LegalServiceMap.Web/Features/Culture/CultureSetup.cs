namespace LegalServiceMap.Web.Features.Culture;

/// <summary>The rule-of-law culture walk: <c>/culture</c> and <c>/api/culture</c>.</summary>
public static class CultureSetup
{
    public static IServiceCollection AddCulture(this IServiceCollection services) => services.AddSingleton<CultureService>();

    public static IEndpointRouteBuilder MapCulture(this IEndpointRouteBuilder app) => app.MapCultureApi();
}
