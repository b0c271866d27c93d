namespace LegalServiceMap.Web.Features.Geocoding;

/// <summary>Addresses and coordinates for the host app: <c>/api/geocode</c>, <c>/api/reverse</c>, <c>/api/coords</c> (the geocoder itself is in the spatial snapshot).</summary>
public static class GeocodingSetup
{
    public static IEndpointRouteBuilder MapGeocoding(this IEndpointRouteBuilder app) => app.MapGeocodingApi().MapCoordsApi();
}
