using LegalServiceMap.Web.Features.Staff.Audit;
using LegalServiceMap.Web.Features.Staff.Requests;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Setup;

/// <summary>The retention purges (section "Retention").</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Whether this instance runs the daily purge (every instance may: a lease lets one of them do it each day).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Runs the retention purges at start and then once a day: closed submissions after Portal:RetentionDaysAfterClosing,
/// security events after Audit:RetentionDays. Every instance has this timer; the one that takes the day's lease purges.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, Data.Leases leases, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        do
        {
            try
            {
                if (!await leases.TryTakeAsync("purge", TimeSpan.FromHours(23), stoppingToken)) continue;
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SubmissionQueue>().PurgeAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<SecurityEvents>().PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Retention purge failed; it will run again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
