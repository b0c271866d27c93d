using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace LegalServiceMap.Web.Setup;

/// <summary>Metrics (section "Metrics"): who may read /metrics, and an optional OTLP collector.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Networks (CIDR) allowed to read /metrics besides loopback, e.g. the monitoring subnet "10.0.8.0/24".</summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>An OTLP endpoint (e.g. "http://collector:4317") to push metrics to as well; none when empty.</summary>
    [Url]
    public string? OtlpEndpoint { get; set; }
}

/// <summary>
/// The service's own instruments (meter "LegalServiceMap"), beside ASP.NET Core's, Blazor's and the runtime's.
/// Names follow OpenTelemetry's conventions; Prometheus shows them with dots as underscores and a unit suffix
/// (e.g. <c>lsm_isochrone_duration_seconds</c>). Tags never carry personal data. Singleton; thread-safe.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "LegalServiceMap";

    private readonly Histogram<double> _isochrone;
    private readonly Histogram<double> _coverage;
    private readonly Histogram<double> _geocode;
    private readonly Counter<long> _submissions;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _signInFailures;
    private readonly Counter<long> _lockouts;
    private volatile IReadOnlyDictionary<string, long> _overdue = new Dictionary<string, long>();

    public AppMetrics(IMeterFactory factory)
    {
        var meter = factory.Create(MeterName);
        _isochrone = meter.CreateHistogram<double>("lsm.isochrone.duration", "s", "Time to compute one walking area (not counting answers from the cache).");
        _coverage = meter.CreateHistogram<double>("lsm.coverage.duration", "s", "Time to compute the coverage of one station type.");
        _geocode = meter.CreateHistogram<double>("lsm.geocode.duration", "s", "Time to geocode one query or reverse-geocode one point.");
        _submissions = meter.CreateCounter<long>("lsm.submissions.received", "{submission}", "New resident submissions saved, by kind.");
        _rejections = meter.CreateCounter<long>("lsm.rate_limit.rejections", "{request}", "Requests refused with 429, by door.");
        _signInFailures = meter.CreateCounter<long>("lsm.signin.failures", "{attempt}", "Failed staff sign-ins.");
        _lockouts = meter.CreateCounter<long>("lsm.signin.lockouts", "{lockout}", "Staff accounts (or unknown e-mails) locked after repeated failures.");
        meter.CreateObservableGauge("lsm.submissions.overdue", () => _overdue.Select(k => new Measurement<long>(k.Value, new KeyValuePair<string, object?>("kind", k.Key))),
            "{submission}", "Submissions still waiting for staff after the reply date promised to the resident, by kind.");
    }

    /// <summary>Runs <paramref name="compute"/> and records its duration in the isochrone histogram.</summary>
    public T TimeIsochrone<T>(Func<T> compute) => Time(_isochrone, compute);

    public T TimeCoverage<T>(Func<T> compute) => Time(_coverage, compute);

    public T TimeGeocode<T>(Func<T> compute) => Time(_geocode, compute);

    public void SubmissionReceived(string kind) => _submissions.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RateLimited(string door) => _rejections.Add(1, new KeyValuePair<string, object?>("door", door));

    public void SignInFailed() => _signInFailures.Add(1);

    public void LockedOut() => _lockouts.Add(1);

    /// <summary>The overdue counts by kind, as the last check found them (every kind listed, zeros included).</summary>
    public void SetOverdue(IReadOnlyDictionary<string, long> byKind) => _overdue = byKind;

    private static T Time<T>(Histogram<double> histogram, Func<T> compute)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return compute();
        }
        finally
        {
            histogram.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }
}

/// <summary>
/// OpenTelemetry metrics in Prometheus text format at /metrics: ASP.NET Core's request durations, Blazor's circuits
/// and event handlers, the runtime (GC, memory, thread pool) and <see cref="AppMetrics"/>. /metrics answers only
/// loopback and <see cref="MetricsOptions.AllowedNetworks"/> (the address is the real client's, after the trusted
/// proxy); anyone else gets 404. Optionally pushed over OTLP too.
/// </summary>
public static class Metrics
{
    public const string Path = "/metrics";

    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MetricsOptions>(MetricsOptions.Section)
            .Validate(o => o.AllowedNetworks.All(n => IPNetwork.TryParse(n, out _)), "Metrics:AllowedNetworks holds a network that is not in CIDR form.");
        services.AddSingleton<AppMetrics>();
        var otlp = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()?.OtlpEndpoint;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("legal-service-map"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Lifecycle",
                        "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.Server.Kestrel", AppMetrics.MeterName)
                    // Each metric stream reserves its points up front (2,000 by default: 9 MB for the app's ~60 streams,
                    // which kept the heap 50 % above its start after 1,000 residents had come and gone). HTTP durations
                    // carry route × method × status; the rest have a handful of tag sets. Beyond a limit, points add up
                    // in one overflow series (otel.metric.overflow), so totals stay right.
                    .AddView(i => new MetricStreamConfiguration { CardinalityLimit = i.Name.StartsWith("http.", StringComparison.Ordinal) ? 1000 : 100 })
                    // No cached scrape: every read of /metrics is current (scrapers come every few seconds at most).
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                // A malformed address is refused by the options check at start; only a well-formed one gets here to be used.
                if (Uri.TryCreate(otlp, UriKind.Absolute, out var endpoint)) m.AddOtlpExporter(o => o.Endpoint = endpoint);
            });
        return services;
    }

    /// <summary>Refuses /metrics to any address outside loopback and the allowed networks (before routing reaches it).</summary>
    public static WebApplication UseMetricsAccess(this WebApplication app)
    {
        var networks = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.AllowedNetworks.Select(n => IPNetwork.Parse(n)).ToList();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), metrics => metrics.Use(async (http, next) =>
        {
            if (IsAllowed(http.Connection.RemoteIpAddress, networks)) await next(http);
            else http.Response.StatusCode = StatusCodes.Status404NotFound;
        }));
        return app;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(Path);
        return app;
    }

    public static bool IsAllowed(IPAddress? address, IReadOnlyList<IPNetwork> networks)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address));
    }
}
