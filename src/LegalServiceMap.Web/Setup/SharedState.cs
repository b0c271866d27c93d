using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace LegalServiceMap.Web.Setup;

/// <summary>
/// What instances share when <c>ConnectionStrings:Redis</c> is set (nothing changes without it): the data-protection
/// keys (so an antiforgery token or a staff cookie issued by one instance is read by any other), the rate-limit
/// counts (<see cref="Allowance"/>) and the persisted state of Blazor circuits (a circuit one instance evicted or
/// stopped resumes on any other: .NET 10 stores it through the <see cref="HybridCache"/> registered here, Redis as its
/// second level). Redis is reached lazily and reconnects by itself; readiness reports it.
/// </summary>
public static class SharedState
{
    public const string ApplicationName = "LegalServiceMap";
    public const string KeysKey = "lsm:data-protection-keys";
    public const string CircuitStatePrefix = "lsm:circuit-state:";

    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        // One application name everywhere, so every instance (and every release) reads the same key ring.
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis)) return services;

        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false; // start even while Redis is down; readiness says so
        // Connected on first use (not while services are registered, e.g. by a command or design-time tools).
        var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        services.AddSingleton(_ => connection.Value);
        protection.PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), KeysKey);
        // Blazor's CircuitOptions.HybridPersistenceCache takes the HybridCache from DI; its entries expire after
        // CircuitOptions.PersistedCircuitDistributedRetentionPeriod and are read once.
        services.AddStackExchangeRedisCache(o =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult(connection.Value);
            o.InstanceName = CircuitStatePrefix;
        });
        services.AddHybridCache();
        services.AddHealthChecks().AddCheck<RedisCheck>("redis", tags: [Health.Ready]);
        return services;
    }

    private sealed class RedisCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy("Redis answers.");
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("Redis does not answer.");
            }
        }
    }
}
