namespace LegalServiceMap.Web.Features.Map;

/// <summary>The map slice: the page's view of an address and arrivals; <c>/api/isochrone</c>.</summary>
public static class MapSetup
{
    public static IServiceCollection AddMap(this IServiceCollection services)
    {
        services.AddSingleton<MapViewService>();
        services.AddSingleton<Arrivals>();
        return services;
    }

    public static IEndpointRouteBuilder MapMap(this IEndpointRouteBuilder app) => app.MapWalkApi();
}
