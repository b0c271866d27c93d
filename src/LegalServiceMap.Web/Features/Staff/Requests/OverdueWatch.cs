using LegalServiceMap.Core.Portal;
using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Web.Features.Staff.Requests;

/// <summary>
/// Counts, once a minute, the submissions still waiting after the reply date promised to the resident, by kind, for
/// <c>/metrics</c> (<c>lsm_submissions_overdue</c>): an alert can fire before a resident has to ask.
/// </summary>
public sealed class OverdueWatch(IServiceScopeFactory scopes, Setup.AppMetrics metrics, TimeProvider clock, ILogger<OverdueWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Counts now (every kind listed, zeros included) and hands the counts to the metric.</summary>
    public async Task CheckAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<SubmissionQueue>();
        var rows = await queue.ListAsync(null, null, null, ct);
        metrics.SetOverdue(WireName.All<SubmissionKind>().ToDictionary(k => k, k => (long)rows.Count(r => r.Kind == k && queue.DueOf(r) == Due.Overdue)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Counting overdue submissions failed; the metric keeps its last value.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
