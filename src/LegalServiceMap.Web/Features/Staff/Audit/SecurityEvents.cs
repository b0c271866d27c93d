using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Features.Staff.Audit;

/// <summary>The security events of the service; the number is the event's stable log event id.</summary>
public enum SecurityEventKind
{
    SignInSucceeded = 1001,
    SignInFailed = 1002,
    LockedOut = 1003,
    SignedOut = 1004,
    RoleChanged = 1010,
    SubmissionViewed = 1020,
    Exported = 1030,
    Imported = 1031,
    Restored = 1032,
    DatabaseRestored = 1033,
    DatabaseBackedUp = 1034,
    DistrictDataImported = 1035,
    RateLimited = 1040,
}

/// <summary>One row of the security audit: what happened, to or by which staff account, from which network, and a detail without personal data.</summary>
public sealed class SecurityEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The kind as its wire name (<see cref="WireName"/>), e.g. "sign-in-failed".</summary>
    public required string Kind { get; set; }
    public int EventId { get; set; }
    /// <summary>The staff account (e-mail), when one is known; never a resident's data, never an unknown e-mail someone typed.</summary>
    public string? User { get; set; }
    /// <summary>The client's network, not its address: IPv4 /24, IPv6 /48.</summary>
    public string? Network { get; set; }
    /// <summary>The values of the kind's detail (a role, a format, a reference …), joined by <see cref="SecurityEvents.ValueSeparator"/>; the page words them in the reader's language.</summary>
    public string? Detail { get; set; }
}

/// <summary>Audit (section "Audit"): how long security events are kept.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Days a security event is kept; at least 180 (China's Cybersecurity Law, art. 21: network logs six months).</summary>
    [Range(180, 3650)]
    public int RetentionDays { get; set; } = 365;
}

/// <summary>
/// Records security events three ways at once: a log line with the kind's stable event id (JSON in Production), a
/// counter where one exists (<see cref="AppMetrics"/>), and a row of the audit table that admins read at /staff/audit.
/// Rate-limit rejections are logged and counted but not stored: under a flood they would fill the table. Singleton.
/// </summary>
public sealed class SecurityEvents(IDbContextFactory<AppDbContext> dbFactory, AppMetrics metrics, TimeProvider clock,
    IOptions<AuditOptions> options, ILogger<SecurityEvents> logger)
{
    public const char ValueSeparator = ';';

    /// <summary>Records an event; <paramref name="values"/> fill the kind's detail template (Audit_Detail_{kind}).</summary>
    public async Task RecordAsync(SecurityEventKind kind, string? user, HttpContext? http, params object?[] values)
    {
        var network = http is null ? null : NetworkOf(http.Connection.RemoteIpAddress);
        var detail = values.Length == 0 ? null
            : string.Join(ValueSeparator, values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Replace(ValueSeparator, ',')));
        Log(kind, user, detail, network);
        if (kind == SecurityEventKind.SignInFailed) metrics.SignInFailed();
        if (kind == SecurityEventKind.LockedOut) metrics.LockedOut();
        await using var db = await dbFactory.CreateDbContextAsync();
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = clock.GetUtcNow(), Kind = WireName.Of(kind), EventId = (int)kind, User = user, Network = network, Detail = detail,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A request refused with 429 at <paramref name="door"/> ("general", "submission", "status", "sign-in").</summary>
    public void RateLimited(HttpContext http, string door)
    {
        metrics.RateLimited(door);
        Log(SecurityEventKind.RateLimited, null, door, NetworkOf(http.Connection.RemoteIpAddress));
    }

    public async Task<IReadOnlyList<SecurityEvent>> ListAsync(string? kind, string? user, int days, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().AddDays(-days);
        IQueryable<SecurityEvent> q = db.SecurityEvents.AsNoTracking().Where(e => e.At >= since);
        if (!string.IsNullOrEmpty(kind)) q = q.Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(user)) q = q.Where(e => e.User != null && e.User.Contains(user.Trim()));
        return await q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit).ToListAsync(ct);
    }

    /// <summary>Deletes events older than the retention period. Returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.RetentionDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var count = await db.SecurityEvents.Where(e => e.At < cutoff).ExecuteDeleteAsync(ct);
        if (count > 0) logger.LogInformation("Purged {Count} security events older than {Cutoff:yyyy-MM-dd}", count, cutoff);
        return count;
    }

    private void Log(SecurityEventKind kind, string? user, string? detail, string? network) =>
        logger.Log(kind is SecurityEventKind.SignInFailed or SecurityEventKind.LockedOut or SecurityEventKind.RateLimited ? LogLevel.Warning : LogLevel.Information,
            new EventId((int)kind, kind.ToString()), "Security event {Kind}: user {User}, network {Network}, {Detail}", WireName.Of(kind), user ?? "-", network ?? "-", detail ?? "-");

    /// <summary>The client's network (IPv4 /24, IPv6 /48): enough to see where an attack comes from, not who a person is.</summary>
    public static string? NetworkOf(IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        var (keep, prefix) = address.AddressFamily == AddressFamily.InterNetworkV6 ? (6, 48) : (3, 24);
        Array.Clear(bytes, keep, bytes.Length - keep);
        return $"{new IPAddress(bytes)}/{prefix}";
    }
}
