using LegalServiceMap.Web.Spatial;

namespace LegalServiceMap.Web.Data;

/// <summary>
/// Keeps this instance's in-memory catalog, walking network and boundaries in step with the database: every
/// <c>Cluster:SyncSeconds</c> (default 1; 0 = off) one small query reads the <see cref="DataVersions"/>, and a part another
/// instance (or the command line) changed is reloaded. So a change on one server shows on every server's map, API and
/// search within about a second.
/// </summary>
public sealed class DataSync(DataVersions versions, SpatialStore store, IConfiguration configuration, ILogger<DataSync> logger) : BackgroundService
{
    public const string SecondsKey = "Cluster:SyncSeconds";

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var seconds = Math.Clamp(configuration.GetValue<int?>(SecondsKey) ?? 1, 0, 60);
        if (seconds == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                var changed = await versions.ChangedAsync(ct);
                foreach (var part in changed.Keys)
                {
                    await store.LoadAsync(part, ct);
                    logger.LogInformation("Reloaded {Part} changed elsewhere.", part);
                }
                versions.MarkSeen(changed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be restarting or failing over: try again at the next tick.
                logger.LogWarning("Could not read data versions: {Error}", ex.GetType().Name);
            }
        }
    }
}
