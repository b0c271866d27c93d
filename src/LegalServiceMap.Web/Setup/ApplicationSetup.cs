using LegalServiceMap.Web.Api;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Features.Coverage;
using LegalServiceMap.Web.Features.Culture;
using LegalServiceMap.Web.Features.Map;
using LegalServiceMap.Web.Features.Portal;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Stations;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using MudBlazor;

namespace LegalServiceMap.Web.Setup;

public static class ApplicationSetup
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        // Production logs: one JSON event per line on stdout, with the trace and span ids of the request (README "Operations").
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
        var services = builder.Services;

        // Options, validated at start.
        services.AddValidatedOptions<MapOptions>(MapOptions.Section);
        services.AddValidatedOptions<SeedOptions>(SeedOptions.Section);
        services.AddValidatedOptions<EmbedOptions>(EmbedOptions.Section);

        // Data: an SQLite file under the content root, or PostgreSQL (Database:Provider); a factory because circuits live long.
        services.AddAppDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton<StationSeeder>();
        services.AddSingleton<Spatial.Gazetteer>();
        services.AddSingleton<Spatial.SpatialState>();
        services.AddSingleton<StationQueries>();

        // Walking areas and boundaries: loaded at start, replaced by imports.
        services.AddValidatedOptions<LegalServiceMap.Core.Spatial.Isochrones.IsochroneOptions>(LegalServiceMap.Core.Spatial.Isochrones.IsochroneOptions.Section);
        services.AddSingleton<Spatial.WalkingAreaService>();
        services.AddValidatedOptions<Spatial.BoundaryOptions>(Spatial.BoundaryOptions.Section);
        services.AddSingleton<Spatial.BoundaryService>();
        // District data uploaded from the browser: imported in the background, one job at a time.
        services.AddValidatedOptions<Spatial.DistrictDataOptions>(Spatial.DistrictDataOptions.Section);
        services.AddSingleton<Spatial.DistrictImports>();
        services.AddHostedService(sp => sp.GetRequiredService<Spatial.DistrictImports>());
        services.AddSingleton<Features.Coverage.CoverageService>();
        services.AddSingleton<Features.Culture.CultureService>();
        services.AddSingleton<Features.Map.MapViewService>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Features.Map.Arrivals>();
        services.AddSingleton(sp => HolidayCalendarProvider.Load(sp.GetRequiredService<ILoggerFactory>().CreateLogger("LegalServiceMap.Holidays")));

        // Staff sign-in and the station editor.
        services.AddStaffAuthentication();
        services.AddScoped<Features.Staff.StationEditService>();
        services.AddScoped<Features.Staff.StationTransferService>();
        services.AddValidatedOptions<Features.Staff.ImportOptions>(Features.Staff.ImportOptions.Section);

        // The resident portal: submissions saved before success is shown, idempotent, rate-limited.
        services.AddValidatedOptions<Features.Portal.PortalOptions>(Features.Portal.PortalOptions.Section);
        services.AddScoped<Features.Portal.SubmissionService>();
        services.AddScoped<Features.Portal.SubmissionQueue>();
        if (!builder.Environment.IsEnvironment("Testing")) services.AddHostedService<Features.Portal.SubmissionPurgeJob>();
        // Instances follow each other's changes (tests turn it on where they run two instances).
        services.AddSingleton<DataVersions>();
        services.AddSingleton<Leases>();
        if (!builder.Environment.IsEnvironment("Testing") || builder.Configuration[DataSync.SecondsKey] is not null) services.AddHostedService<DataSync>();

        // The public surface: every bad request a localized 4xx, every door limited, nothing leaked (README, "Production").
        services.AddClientErrors();
        // API answers write NetTopologySuite geometries as GeoJSON (the one module: Core/Geo/GeoJson).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(LegalServiceMap.Core.Geo.GeoJson.Converter));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSharedState(builder.Configuration);
        services.AddCircuitDrain();
        services.AddRateLimits();
        services.AddReverseProxySupport(builder.Configuration);
        services.AddHealth();
        services.AddMetrics(builder.Configuration);
        // The host app's contract: GET /openapi/v1.json describes the API (README "Public API").
        services.AddOpenApi(o => o.AddApiDocs());
        services.AddValidatedOptions<Features.Audit.AuditOptions>(Features.Audit.AuditOptions.Section);
        services.AddSingleton<Features.Audit.SecurityEvents>();
        services.AddSingleton<DatabaseBackup>();
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddCookiePolicy(o =>
        {
            // In Production (behind the TLS proxy) every cookie is Secure; Development and tests run on plain http.
            o.Secure = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.None;
        });

        // Two languages; MudBlazor's own texts go through our resources too.
        // Resource names follow the SharedResource class (Resources/SharedResource.cs), so no ResourcesPath.
        services.AddLocalization();
        services.AddTransient<MudLocalizer, ResxMudLocalizer>();

        // UI. Chinese text is written as UTF-8, not as numeric character references.
        services.AddSingleton(Components.Html.Encoder);
        // A phone that sleeps drops the connection; the server keeps the circuit for Blazor:Circuit's
        // DisconnectedCircuitRetentionPeriod (3 min), then its persisted state for PersistedCircuit…RetentionPeriod
        // (15 min) to resume from; after that the page reloads (URL state and form drafts survive; see
        // ReconnectModal.razor.js). All are configurable (tests shorten them).
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddCircuitOptions(o =>
            {
                // Measured (scripts/measure-circuits.sh … --drop): a disconnected map keeps ~265 KB until evicted. Up to
                // 500 residents who switched away reconnect where they were (≈ 130 MB at most); beyond that the oldest
                // are evicted early and resume from their persisted state. After the period all are gone.
                o.DisconnectedCircuitMaxRetained = 500;
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                // An evicted circuit leaves its persisted state (the walk's length, pace and departure; ~5 KB with its
                // cache entry and timer, measured), from which a returning page resumes instead of reloading. .NET keeps
                // it 2 hours (8 in Redis) by default, so 1,000 dropped residents held 5 MB (+30 % of the idle heap) long
                // after they left. A quarter of an hour more is worth resuming for; in Redis, as on one instance.
                o.PersistedCircuitInMemoryMaxRetained = 2000;
                o.PersistedCircuitInMemoryRetentionPeriod = TimeSpan.FromMinutes(15);
                o.PersistedCircuitDistributedRetentionPeriod = TimeSpan.FromMinutes(15);
                builder.Configuration.GetSection("Blazor:Circuit").Bind(o);
            })
            .AddHubOptions(o => builder.Configuration.GetSection("Blazor:Hub").Bind(o));
        services.AddMudServices();

        // Compress API JSON, and the HTML of the read-only public pages (ReadOnlyPages) only: pages with a form carry an
        // antiforgery token next to reflected input, which compression would expose (BREACH).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/json", "application/geo+json", "application/problem+json", "text/html"];
        });
        return builder;
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
        path == "/" || path == "/culture" || path == "/coverage" ||
        (path.StartsWithSegments("/stations", out var rest) && rest.HasValue && rest.Value!.IndexOf('/', 1) < 0);

    public static WebApplication UseApplicationPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
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
        app.UseCookiePolicy();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealth();
        app.MapMetrics();
        app.MapOpenApi().WithName("OpenApiDocument");
        app.MapStationsApi();
        app.MapIsochroneApi();
        app.MapCoverageApi();
        Components.QrCode.MapQrCodes(app);
        app.MapCultureApi();
        app.MapCoordsApi();
        app.MapGeocodingApi();
        app.MapStaffAuthentication();
        app.MapStaffApi();
        app.MapPortalApi();
        app.MapDisplayModes();
        // The whole Content-Security-Policy, frame-ancestors included, comes from SecurityHeaders (one header, not two).
        app.MapRazorComponents<Components.App>()
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
