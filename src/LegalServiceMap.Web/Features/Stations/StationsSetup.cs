namespace LegalServiceMap.Web.Features.Stations;

/// <summary>The stations slice: a station's page, queries and API (<c>/api/stations</c>).</summary>
public static class StationsSetup
{
    public static IServiceCollection AddStations(this IServiceCollection services)
    {
        services.AddSingleton<StationQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapStations(this IEndpointRouteBuilder app) => app.MapStationsApi();
}
