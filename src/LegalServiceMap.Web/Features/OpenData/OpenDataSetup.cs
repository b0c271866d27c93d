namespace LegalServiceMap.Web.Features.OpenData;

/// <summary>The open-data slice: the Open Referral HSDS 3.0 API (<c>/api/hsds/</c>) and its datapackage export.</summary>
public static class OpenDataSetup
{
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddSingleton<HsdsQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app) => app.MapHsdsApi();
}
