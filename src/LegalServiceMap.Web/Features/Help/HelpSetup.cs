namespace LegalServiceMap.Web.Features.Help;

/// <summary>The help slice: "Which legal help do I need?" — /help, its API (<c>/api/help</c>) and the staff's read-only view of the tree.</summary>
public static class HelpSetup
{
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddSingleton<HelpCatalog>();
        services.AddSingleton<HelpService>();
        return services;
    }

    public static IEndpointRouteBuilder MapHelp(this IEndpointRouteBuilder app)
    {
        app.ServiceProvider.GetRequiredService<HelpCatalog>(); // read and checked now: a broken tree stops the start
        return app.MapHelpApi();
    }
}
