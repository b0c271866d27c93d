using LegalServiceMap.Web.Features.Staff.Accounts;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LegalServiceMap.Web.Setup;

/// <summary>Limits on the public doors (section "RateLimits"); all per client address, each window fixed.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests per minute from one client to any page or API (static files and health checks excepted).</summary>
    [Range(1, 1_000_000)] public int RequestsPerMinute { get; set; } = 600;
    /// <summary>Failed staff sign-ins per client address within <see cref="SignInWindowMinutes"/> (accounts also lock after 5).</summary>
    [Range(1, 10_000)] public int SignInFailuresPerClient { get; set; } = 20;
    [Range(1, 1440)] public int SignInWindowMinutes { get; set; } = 15;
    /// <summary>Failed status look-ups for one reference within <see cref="StatusWindowMinutes"/>.</summary>
    [Range(1, 10_000)] public int StatusFailuresPerReference { get; set; } = 5;
    /// <summary>Failed status look-ups from one client within <see cref="StatusWindowMinutes"/>.</summary>
    [Range(1, 10_000)] public int StatusFailuresPerClient { get; set; } = 20;
    [Range(1, 1440)] public int StatusWindowMinutes { get; set; } = 60;
}

/// <summary>
/// An allowance per key (a client address, a reference, an account) in a fixed window. Taken only for what should
/// count (a new submission, a failed look-up or sign-in), so invalid posts and idempotent replays cost a resident nothing.
/// With Redis (<c>ConnectionStrings:Redis</c>) the count is shared by every instance — one allowance per client across
/// the cluster — under a hashed key (no address is stored in Redis); if Redis cannot be reached, the instance's own
/// count applies until it can. Thread-safe.
/// </summary>
public sealed class Allowance : IDisposable
{
    // Counts one take in the key's window and sets the window's expiry on the first (atomically, in Redis).
    private const string TakeScript = "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

    private readonly string _name;
    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly IConnectionMultiplexer? _redis;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly PartitionedRateLimiter<string> _local;

    /// <param name="redis">The shared count's Redis, or null when none is configured (one instance, or Redis not used).</param>
    public Allowance(string name, int permits, TimeSpan window, IConnectionMultiplexer? redis, TimeProvider clock, ILogger logger)
    {
        (_name, _permits, _window, _redis, _clock, _logger) = (name, permits, window, redis, clock, logger);
        _local = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
            }));
    }

    /// <summary>Takes one permit: null when granted, else how long until the window opens again.</summary>
    public async ValueTask<TimeSpan?> TakeAsync(string key)
    {
        if (_redis is not null && await SharedAsync(key, take: true) is { } shared) return shared.Wait;
        return Wait(_local.AttemptAcquire(key, 1));
    }

    /// <summary>Null while permits remain for the key (takes none), else how long until the window opens again.</summary>
    public async ValueTask<TimeSpan?> CheckAsync(string key)
    {
        if (_redis is not null && await SharedAsync(key, take: false) is { } shared) return shared.Wait;
        return Wait(_local.AttemptAcquire(key, 0));
    }

    private readonly record struct SharedAnswer(TimeSpan? Wait);

    /// <summary>The shared count's answer (no wait when granted), or null when Redis failed.</summary>
    private async Task<SharedAnswer?> SharedAsync(string key, bool take)
    {
        var now = _clock.GetUtcNow();
        var index = now.ToUnixTimeMilliseconds() / (long)_window.TotalMilliseconds;
        var windowEnd = DateTimeOffset.FromUnixTimeMilliseconds((index + 1) * (long)_window.TotalMilliseconds);
        var hashed = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), 0, 16);
        RedisKey redisKey = $"lsm:limit:{_name}:{hashed}:{index}";
        try
        {
            var db = _redis!.GetDatabase();
            var count = take
                ? (long)await db.ScriptEvaluateAsync(TakeScript, [redisKey], [(long)_window.TotalMilliseconds])
                : (long?)await db.StringGetAsync(redisKey) ?? 0;
            var over = take ? count > _permits : count >= _permits;
            return new SharedAnswer(over ? windowEnd - now : null);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning("Redis unreachable for the {Allowance} allowance; counting on this instance.", _name);
            return null;
        }
    }

    private TimeSpan? Wait(RateLimitLease lease)
    {
        using (lease)
        {
            if (lease.IsAcquired) return null;
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : _window;
        }
    }

    public void Dispose() => _local.Dispose();
}

/// <summary>The allowances of the public doors, one instance for the app (shared across instances through Redis when configured).</summary>
public sealed class DoorLimits : IDisposable
{
    public DoorLimits(IOptions<RateLimitOptions> options, IOptions<Features.Portal.PortalOptions> portal, TimeProvider clock,
        ILogger<DoorLimits> logger, IConnectionMultiplexer? redis = null) // Redis is registered only when configured
    {
        Allowance New(string name, int permits, TimeSpan window) => new(name, permits, window, redis, clock, logger);
        var o = options.Value;
        Submissions = New("submissions", portal.Value.PermitsPerWindow, TimeSpan.FromMinutes(portal.Value.WindowMinutes));
        SignInFailuresByClient = New("signin-client", o.SignInFailuresPerClient, TimeSpan.FromMinutes(o.SignInWindowMinutes));
        SignInFailuresByUnknownAccount = New("signin-unknown", StaffAuthentication.MaxFailedAccessAttempts, StaffAuthentication.LockoutTime);
        StatusFailuresByClient = New("status-client", o.StatusFailuresPerClient, TimeSpan.FromMinutes(o.StatusWindowMinutes));
        StatusFailuresByReference = New("status-reference", o.StatusFailuresPerReference, TimeSpan.FromMinutes(o.StatusWindowMinutes));
    }

    public Allowance Submissions { get; }
    public Allowance SignInFailuresByClient { get; }
    /// <summary>Failures per unknown account name, so an unknown e-mail "locks" like a real one (no enumeration by lockout).</summary>
    public Allowance SignInFailuresByUnknownAccount { get; }
    public Allowance StatusFailuresByClient { get; }
    public Allowance StatusFailuresByReference { get; }

    public void Dispose()
    {
        Submissions.Dispose();
        SignInFailuresByClient.Dispose();
        SignInFailuresByUnknownAccount.Dispose();
        StatusFailuresByClient.Dispose();
        StatusFailuresByReference.Dispose();
    }
}

/// <summary>
/// Rate limits on every public door, partitioned by the client's address (the forwarded one when the request came
/// through a known proxy, see <see cref="ReverseProxy"/>): a general limit on every page and API request, and the
/// <see cref="DoorLimits"/> that count only what should count. Every 429 says when to come back (<c>Retry-After</c>)
/// in the client's language.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton<DoorLimits>();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (IsStaticFile(http.Request) || http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments(Metrics.Path))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }
                var perMinute = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.RequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
            o.OnRejected = (context, ct) =>
            {
                var after = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var a) ? a : TimeSpan.FromMinutes(1);
                return new ValueTask(WriteTooManyAsync(context.HttpContext, after, "Limit_TooManyRequests", Doors.General));
            };
        });
        return services;
    }

    /// <summary>
    /// The partition key of a client: its address (IPv4, or the /64 network of an IPv6 address, which one household or
    /// phone usually holds whole).
    /// </summary>
    public static string ClientKey(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    private static bool IsStaticFile(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && Path.HasExtension(request.Path.Value);

    /// <summary>Whole seconds, rounded up, as Retry-After wants.</summary>
    public static string RetryAfterSeconds(TimeSpan after) =>
        Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole minutes, rounded up, for people.</summary>
    public static int Minutes(TimeSpan after) => Math.Max(1, (int)Math.Ceiling(after.TotalMinutes));

    /// <summary>The doors a 429 is counted under (a metric tag and the security log's detail).</summary>
    public static class Doors
    {
        public const string General = "general", Submission = "submission", Status = "status", SignIn = "sign-in";
    }

    /// <summary>Marks the answer 429 with Retry-After (for a page that says why in its own words); logged and counted as a security event.</summary>
    public static void MarkTooMany(HttpContext http, TimeSpan after, string door)
    {
        if (http.Response.HasStarted) return;
        http.RequestServices.GetRequiredService<Features.Staff.Audit.SecurityEvents>().RateLimited(http, door);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = RetryAfterSeconds(after);
    }

    /// <summary>429 with Retry-After and a localized message: problem+json under /api, a small page elsewhere.</summary>
    public static Task WriteTooManyAsync(HttpContext http, TimeSpan after, string messageKey, string door)
    {
        if (http.Response.HasStarted) return Task.CompletedTask;
        var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        http.Response.Clear();
        MarkTooMany(http, after, door);
        var detail = L["Limit_TryAgainIn", Minutes(after)].Value;
        return ClientErrors.WriteAsync(http, 429, L[messageKey].Value, detail);
    }
}
