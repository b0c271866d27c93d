using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Web.Setup;

namespace LegalServiceMap.Web.Spatial;

/// <summary>The spatial state every slice reads: the snapshot, its one writer, walks, and the geocoder's sources.</summary>
public static class SpatialSetup
{
    public static IServiceCollection AddSpatial(this IServiceCollection services)
    {
        services.AddValidatedOptions<IsochroneOptions>(IsochroneOptions.Section);
        services.AddValidatedOptions<BoundaryOptions>(BoundaryOptions.Section);
        services.AddSingleton<Gazetteer>();
        services.AddSingleton<SpatialState>();
        services.AddSingleton<SpatialStore>();
        services.AddSingleton<WalkQueries>();
        return services;
    }
}
