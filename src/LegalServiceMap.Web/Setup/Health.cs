using System.Text.Json;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Features.Stations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LegalServiceMap.Web.Setup;

/// <summary>
/// Health for the load balancer: <c>GET /health/live</c> (the process answers; no check runs) and
/// <c>GET /health/ready</c> (the database answers and is migrated, the station catalog is loaded, and which walking
/// engine is in use), JSON with each check's state, 503 when not ready. Cheap enough to poll every second (the
/// migration state is read once, then only the connection is checked); no personal data, secrets or exception text.
/// Not rate-limited.
/// </summary>
public static class Health
{
    public const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseCheck>(); // one instance, so it remembers that the migrations were applied
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready])
            .AddCheck<CatalogCheck>("catalog", tags: [Ready])
            .AddCheck<WalkingCheck>("walking", tags: [Ready])
            .AddCheck<HolidaysCheck>("holidays", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        });
    }

    /// <summary>The database answers, and every migration has been applied (read until it is true once).</summary>
    private sealed class DatabaseCheck(IDbContextFactory<AppDbContext> dbFactory) : IHealthCheck
    {
        private volatile bool _migrated;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("database not reachable");
                if (!_migrated)
                {
                    if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) return HealthCheckResult.Unhealthy("database not migrated");
                    _migrated = true;
                }
                await db.Settings.AsNoTracking().AnyAsync(ct); // a real read, not only an open connection
                return HealthCheckResult.Healthy("reachable and migrated");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("database not readable"); // the exception's text stays out of the answer
            }
        }
    }

    private sealed class CatalogCheck(StationQueries stations) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(stations.Catalog.All.Count > 0
                ? HealthCheckResult.Healthy($"{stations.Catalog.All.Count} stations")
                : HealthCheckResult.Unhealthy("no stations loaded"));
    }

    /// <summary>Degraded (still 200) when the days off of this year, or from 1 December of next year, are missing: staff must add them.</summary>
    private sealed class HolidaysCheck(HolidayCalendar calendar, TimeProvider clock) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(calendar.MissingYear(DateOnly.FromDateTime(OpeningHours.ToShanghai(clock.GetUtcNow()))) is { } year
                ? HealthCheckResult.Degraded($"no days off for {year}: add them to data/holidays.json or update chinese-days")
                : HealthCheckResult.Healthy($"days off known to {calendar.Years.LastOrDefault()}"));
    }

    private sealed class WalkingCheck(WalkQueries walking) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(walking.Network is { } n
                ? HealthCheckResult.Healthy($"street network: {n.Nodes} nodes")
                : HealthCheckResult.Healthy("no street network imported: approximate circles"));
    }
}
