using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Features.Coverage;
using LegalServiceMap.Web.Features.Culture;
using LegalServiceMap.Web.Features.Geocoding;
using LegalServiceMap.Web.Features.Help;
using LegalServiceMap.Web.Features.Map;
using LegalServiceMap.Web.Features.OpenData;
using LegalServiceMap.Web.Features.Portal;
using LegalServiceMap.Web.Features.Print;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Features.Stations;
using LegalServiceMap.Web.Spatial;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using MudBlazor;

namespace LegalServiceMap.Web.Setup;

public static class ApplicationSetup
{
    /// <summary>The app's services (<see cref="AddApplication"/>), and what only a real host has: its logging and Kestrel.</summary>
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        // Production logs: one JSON event per line on stdout, with the trace and span ids of the request (docs/operations.md).
        if (builder.Environment.IsProduction())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
            builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        }
        builder.Services.AddApplication(builder.Configuration, builder.Environment);
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// Everything the app registers: the platform (data, spatial state, security, operations, UI), then each feature slice
    /// through its own <c>Add…()</c>. The tests build their hosts from this same method.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddPlatform(configuration, environment);
        services.AddMap();
        services.AddStations();
        services.AddCoverage();
        services.AddCulture();
        services.AddPortal();
        services.AddOpenData();
        services.AddHelp();
        services.AddStaff();
        return services;
    }

    private static void AddPlatform(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Options, validated at start.
        services.AddValidatedOptions<MapOptions>(MapOptions.Section);
        services.AddValidatedOptions<SeedOptions>(SeedOptions.Section);
        services.AddValidatedOptions<EmbedOptions>(EmbedOptions.Section);
        services.AddSingleton(TimeProvider.System);

        // Data: an SQLite file under the content root, or PostgreSQL (Database:Provider); a factory because circuits live long.
        services.AddAppDatabase(configuration, environment.ContentRootPath);
        services.AddSingleton<StationSeeder>();
        // Instances follow each other's changes (DataSync: Cluster:SyncSeconds, 0 = off); leases for once-a-day work.
        services.AddSingleton<DataVersions>();
        services.AddSingleton<Leases>();
        services.AddHostedService<DataSync>();
        services.AddSingleton<DatabaseBackup>();
        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.Section);
        services.AddHostedService<RetentionJob>();
        services.AddSingleton(sp => HolidayCalendarProvider.Load(sp.GetRequiredService<ILoggerFactory>().CreateLogger("LegalServiceMap.Holidays")));

        // Stations, the walking network and boundaries: one snapshot, one writer (docs/architecture.md).
        services.AddSpatial();

        // The public surface: every bad request a localized 4xx, every door limited, nothing leaked (docs/operations.md).
        services.AddClientErrors();
        // API answers write NetTopologySuite geometries as GeoJSON (the one module: Core/Geo/GeoJson).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(LegalServiceMap.Core.Geo.GeoJson.Converter));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSharedState(configuration);
        services.AddCircuitDrain();
        services.AddRateLimits();
        services.AddReverseProxySupport(configuration);
        services.AddHealth();
        services.AddMetrics(configuration);
        // The host app's contract: GET /openapi/v1.json describes the API (docs/api.md).
        services.AddOpenApi(o => o.AddApiDocs());
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddCookiePolicy(o =>
        {
            // In Production (behind the TLS proxy) every cookie is Secure; Development and tests run on plain http.
            o.Secure = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.None;
        });

        // Two languages; MudBlazor's own texts go through our resources too.
        // Resource names follow the SharedResource class (Resources/SharedResource.cs), so no ResourcesPath.
        services.AddLocalization();
        services.AddTransient<MudLocalizer, ResxMudLocalizer>();

        // UI. Chinese text is written as UTF-8, not as numeric character references. Resident pages are static; the
        // staff workspace is Interactive Server: a laptop that sleeps drops the connection, the server keeps the circuit
        // for Blazor:Circuit's DisconnectedCircuitRetentionPeriod (3 min), then its persisted state for
        // PersistedCircuit…RetentionPeriod (15 min) to resume from; after that the page reloads (its filters are in the
        // URL). All are configurable (tests shorten them).
        services.AddSingleton(Components.Html.Encoder);
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddCircuitOptions(o =>
            {
                o.DisconnectedCircuitMaxRetained = 500;
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                // .NET keeps an evicted circuit's persisted state 2 hours (8 in Redis) by default; a quarter of an hour
                // more is worth resuming for (measured with residents' circuits: docs/measurements.md).
                o.PersistedCircuitInMemoryMaxRetained = 2000;
                o.PersistedCircuitInMemoryRetentionPeriod = TimeSpan.FromMinutes(15);
                o.PersistedCircuitDistributedRetentionPeriod = TimeSpan.FromMinutes(15);
                configuration.GetSection("Blazor:Circuit").Bind(o);
            })
            .AddHubOptions(o => configuration.GetSection("Blazor:Hub").Bind(o));
        services.AddMudServices();

        // Compress API JSON, and the HTML of the read-only public pages (ReadOnlyPages) only: pages with a form carry an
        // antiforgery token next to reflected input, which compression would expose (BREACH).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/json", "application/geo+json", "application/problem+json", "text/html"];
        });
        // The providers' default (Fastest: Brotli quality 1) leaves a walking area a third larger than gzip at its best;
        // Optimal (Brotli 4) costs well under a millisecond on these answers (docs/measurements.md).
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
    }

    /// <summary>Binds an options class to its configuration section, checked against its data annotations when the app starts.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>
    /// Public pages that show data and hold no form, so no antiforgery token: their HTML may be compressed without
    /// the BREACH risk (a test checks that none of them carries a token). Forms, status look-ups and staff pages are
    /// never compressed.
    /// </summary>
    public static bool IsReadOnlyPage(PathString path) =>
        path == "/" || path == "/culture" || path == "/coverage" || path == "/offline" ||
        (path.StartsWithSegments("/stations", out var rest) && rest.HasValue && rest.Value!.IndexOf('/', 1) < 0);

    public static WebApplication UseApplicationPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // The cookie policy before anything that writes a cookie (language, display modes, sign-in), so every cookie is
        // Secure in Production whoever writes it.
        app.UseCookiePolicy();
        app.UseMetricsAccess();
        app.UseCircuitDrain();
        // The language first, so every answer below (errors, 429s) is in the client's language.
        app.UseRequestLocalization(Localization.CreateOptions());
        app.UsePersistedLanguageChoice();
        if (!app.Environment.IsDevelopment())
        {
            // Unhandled exceptions: problem+json under /api (ClientErrors.ApiExceptionHandler), the localized error page
            // elsewhere; never details.
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseClientErrors();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseResponseCompression();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => HttpMethods.IsGet(c.Request.Method) && IsReadOnlyPage(c.Request.Path), pages => pages.UseResponseCompression());
        // Friendly pages for GETs only: re-executing a refused POST (e.g. a stale antiforgery token) would turn it into a 404.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(c.Request.Method),
            site => site.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(c.Request.Method), site => site.UseClientErrorBodies());

        app.UseDisplayModes();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseRefusedFormPages();

        app.MapStaticAssets();
        app.MapHealth();
        app.MapMetrics();
        app.MapOpenApi().WithName("OpenApiDocument");
        app.MapMap();
        app.MapStations();
        app.MapCoverage();
        app.MapCulture();
        app.MapGeocoding();
        app.MapPrint();
        app.MapPortal();
        app.MapOpenData();
        app.MapHelp();
        app.MapStaff();
        app.MapDisplayModes();
        // The whole Content-Security-Policy, frame-ancestors included, comes from SecurityHeaders (one header, not two).
        app.MapRazorComponents<Components.App>()
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
