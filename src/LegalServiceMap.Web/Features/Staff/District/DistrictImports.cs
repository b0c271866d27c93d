using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Threading.Channels;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Spatial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Features.Staff.District;

/// <summary>
/// Imports district data — an OSM extract as the walking network (with its named roads and address points), or
/// boundary GeoJSON — in the background, one job at a time per instance: the page uploads the file, queues a job and
/// may be closed; the job runs on, reports its progress (bytes read, then saving and placing), writes it to the
/// database every <see cref="HeartbeatSeconds"/> s so any instance can show it, and when it is done the running app —
/// and, through <see cref="DataVersions"/>, every other instance — walks on the new data. A file that cannot be read
/// fails the job with a reason and changes nothing. Singleton and hosted service.
/// </summary>
public sealed class DistrictImports(
    IDbContextFactory<AppDbContext> dbFactory,
    SpatialStore store,
    SpatialState state,
    Audit.SecurityEvents security,
    TimeProvider clock,
    IOptions<DistrictDataOptions> options,
    ILogger<DistrictImports> logger) : BackgroundService
{
    public const int HeartbeatSeconds = 2;
    /// <summary>A running job not heard of for this long has stopped with its instance.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(30);
    private const int ListedMismatches = 50;

    private sealed record Queued(Guid Id, string Path, DistrictJobKind Kind, DistrictJobSettings Settings);

    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, DistrictJobView> _live = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _finished = new();

    public DistrictDataOptions Options => options.Value;

    /// <summary>Where an upload is written before it is queued (a new file each time).</summary>
    public string NewUploadPath()
    {
        var directory = options.Value.UploadDirectory is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "legalservicemap-district");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, Guid.NewGuid().ToString("N") + ".upload");
    }

    /// <summary>Queues the import of the file at <paramref name="path"/> (which the job deletes when it ends).</summary>
    public async Task<Guid> QueueAsync(DistrictJobKind kind, string path, string fileName, DistrictJobSettings settings, string user, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var job = new DistrictImportJob
        {
            Id = Guid.NewGuid(), Kind = Wire(kind), FileName = Clip(Path.GetFileName(fileName), 200), Bytes = new FileInfo(path).Length, StartedBy = user,
            QueuedAt = now, UpdatedAt = now, State = Wire(DistrictJobState.Queued), Phase = Wire(DistrictJobPhase.Waiting),
            Settings = JsonSerializer.Serialize(settings),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.DistrictImportJobs.Add(job);
            await db.SaveChangesAsync(ct);
        }
        _finished[job.Id] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _live[job.Id] = View(job, now);
        await _queue.Writer.WriteAsync(new Queued(job.Id, path, kind, settings), ct);
        return job.Id;
    }

    /// <summary>Completes when a job queued on this instance has ended, however it ended.</summary>
    public Task WhenFinishedAsync(Guid id) => _finished.TryGetValue(id, out var done) ? done.Task : Task.CompletedTask;

    /// <summary>The newest jobs, live for those this instance runs, from the database for the others.</summary>
    public async Task<IReadOnlyList<DistrictJobView>> RecentAsync(int count = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.DistrictImportJobs.AsNoTracking().OrderByDescending(j => j.QueuedAt).Take(count).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(r => _live.TryGetValue(r.Id, out var live) ? live : View(r, now)).ToList();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the queued jobs are marked interrupted by their silence.
        }
    }

    private async Task RunAsync(Queued job, CancellationToken stoppingToken)
    {
        var progress = new JobProgress(job.Id, _live);
        progress.Set(DistrictJobState.Running, DistrictJobPhase.Reading, 0, new FileInfo(job.Path).Length);
        using var heartbeat = new CancellationTokenSource();
        var beating = HeartbeatAsync(progress, heartbeat.Token);
        string? error = null;
        DistrictJobSummary? summary = null;
        try
        {
            summary = job.Kind == DistrictJobKind.Network
                ? await ImportNetworkAsync(job, progress, stoppingToken)
                : await ImportBoundariesAsync(job, progress, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            error = "District_Error_Interrupted";
        }
        catch (DistrictImportException ex)
        {
            error = ex.Key;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A file that is not what it says (a truncated PBF, XML that is not OSM, JSON that is not GeoJSON) may
            // fail in any of the readers' own ways: the job fails with a reason, the app goes on, nothing is changed.
            logger.LogWarning("District import {Job} failed reading its file: {Error}", job.Id, ex.GetType().Name);
            error = job.Kind == DistrictJobKind.Network ? "District_Error_NotOsm" : "District_Error_NotGeoJson";
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
            TryDelete(job.Path);
        }
        var state = error is null ? DistrictJobState.Done : error == "District_Error_Interrupted" ? DistrictJobState.Interrupted : DistrictJobState.Failed;
        // The live view ends with everything the stored one has (a page that sees "done" stops following the job).
        progress.Finish(state, summary, error, clock.GetUtcNow());
        await SaveAsync(job.Id, progress.Current, summary, error, finished: true);
        var user = progress.Current.StartedBy;
        if (summary is not null)
        {
            await security.RecordAsync(Features.Staff.Audit.SecurityEventKind.DistrictDataImported, user, null,
                summary.Network?.Edges ?? 0, summary.Areas);
        }
        _live.TryRemove(job.Id, out _);
        if (_finished.TryRemove(job.Id, out var done)) done.TrySetResult();
    }

    private async Task<DistrictJobSummary> ImportNetworkAsync(Queued job, JobProgress progress, CancellationToken ct)
    {
        NetTopologySuite.Geometries.Geometry? clip = null;
        if (job.Settings.ClipToDistrict)
        {
            clip = state.Current.Boundaries.District?.Buffer(options.Value.ClipMarginMetres / 111_000.0)
                   ?? throw new DistrictImportException("District_Error_NoDistrictToClip");
        }
        OsmImport import;
        await using (var file = File.OpenRead(job.Path))
        {
            var format = SniffOsmFormat(file);
            await using var counted = new CountingStream(file, n => progress.Read(n));
            import = await Task.Run(() => OsmImporter.ImportAll(counted, format, clip, progress: null, ct), ct);
        }
        if (import.Network.EdgeCount == 0) throw new DistrictImportException(clip is null ? "District_Error_NoWalkableWays" : "District_Error_NothingInDistrict");
        progress.Set(DistrictJobState.Running, DistrictJobPhase.Saving, 0, 1);
        await store.SaveNetworkAsync(import.Network, import.Roads, progress.Current.FileName, ct);
        return Summarise(NetworkFacts.Of(import.Network, import.Roads), [], []);
    }

    private async Task<DistrictJobSummary> ImportBoundariesAsync(Queued job, JobProgress progress, CancellationToken ct)
    {
        var kind = job.Settings.BoundaryKind is StoredBoundary.District ? StoredBoundary.District : StoredBoundary.Street;
        IReadOnlyList<NamedArea> areas;
        await using (var file = File.OpenRead(job.Path))
        await using (var counted = new CountingStream(file, n => progress.Read(n)))
        {
            IReadOnlyList<GeoFeatureIn> features;
            try
            {
                features = GeoJson.Read(counted, job.Settings.Gcj02 ? CoordinateSystem.Gcj02 : CoordinateSystem.Wgs84);
            }
            catch (FormatException)
            {
                throw new DistrictImportException("District_Error_NotGeoJson");
            }
            try
            {
                areas = GeoJson.Areas(features, job.Settings.NameProperty is { Length: > 0 } p ? p : "name");
            }
            catch (FormatException)
            {
                throw new DistrictImportException("District_Error_NoAreas");
            }
        }
        progress.Set(DistrictJobState.Running, DistrictJobPhase.Saving, 0, 1);
        var official = areas.Select(a => SpatialStore.Official(a, kind)).ToList();
        await store.ImportBoundariesAsync(areas, kind, ct);
        return Summarise(null, official.Select(o => o.Area.Name).ToList(), official.Where(o => o.Code is null).Select(o => o.Area.Name).ToList());
    }

    /// <summary>How the stations fit what is now loaded: on the network, and in the street/town their record says.</summary>
    private DistrictJobSummary Summarise(NetworkFacts? network, IReadOnlyList<string> areaNames, IReadOnlyList<string> unknown)
    {
        var snapshot = state.Current;
        var onNetwork = snapshot.Graph is null ? null : snapshot.Places.Snaps?.Keys.ToHashSet();
        var streets = snapshot.Boundaries.IsOutline ? [] : snapshot.Boundaries.Streets;
        var fit = StationFit.Of(snapshot.PublicCatalog.All, onNetwork, streets);
        return new DistrictJobSummary(network, areaNames.Count, areaNames, unknown, fit.Placed, fit.OnNetwork, streets.Count > 0, fit.Mismatches.Count,
            fit.Mismatches.Take(ListedMismatches).Select(m => new MismatchRow(m.StationId, m.Recorded?.Slug, m.Found?.Slug)).ToList());
    }

    /// <summary>PBF files start with a length-prefixed "OSMHeader" block; XML with '&lt;' (after a byte-order mark or blanks). The name's ending is not trusted.</summary>
    private static OsmFormat SniffOsmFormat(FileStream file)
    {
        Span<byte> head = stackalloc byte[64];
        var n = file.Read(head);
        file.Position = 0;
        var text = head[..n];
        if (text.IndexOf("OSMHeader"u8) >= 0) return OsmFormat.Pbf;
        foreach (var b in text)
        {
            if (b == (byte)'<') return OsmFormat.Xml;
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue;
            break;
        }
        throw new DistrictImportException("District_Error_NotOsm");
    }

    private async Task HeartbeatAsync(JobProgress progress, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(HeartbeatSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await SaveAsync(progress.Id, progress.Current, null, null, finished: false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SaveAsync(Guid id, DistrictJobView view, DistrictJobSummary? summary, string? error, bool finished)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var row = await db.DistrictImportJobs.FindAsync(id);
            if (row is null) return;
            var now = clock.GetUtcNow();
            row.State = Wire(view.State);
            row.Phase = Wire(view.Phase);
            row.Done = view.Done;
            row.Total = view.Total;
            row.UpdatedAt = now;
            if (finished)
            {
                row.FinishedAt = now;
                row.Summary = summary is null ? null : JsonSerializer.Serialize(summary);
                row.Error = error;
            }
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            // A missed heartbeat is not the job's failure; the next one, or the end, writes again.
            logger.LogWarning("Could not record the progress of district import {Job}: {Error}", id, ex.GetType().Name);
        }
    }

    private DistrictJobView View(DistrictImportJob row, DateTimeOffset now)
    {
        var state = Enum.TryParse<DistrictJobState>(row.State, true, out var s) ? s : DistrictJobState.Failed;
        // Its instance stopped (or restarted) while it ran or waited: it will not finish.
        if (state is DistrictJobState.Queued or DistrictJobState.Running && now - row.UpdatedAt > Silence && !_live.ContainsKey(row.Id)) state = DistrictJobState.Interrupted;
        return new DistrictJobView(row.Id, Enum.Parse<DistrictJobKind>(row.Kind, true), row.FileName, row.Bytes, row.StartedBy, row.QueuedAt, row.FinishedAt,
            state, Enum.TryParse<DistrictJobPhase>(row.Phase, true, out var p) ? p : DistrictJobPhase.Finished, row.Done, row.Total,
            row.Summary is { Length: > 0 } json ? JsonSerializer.Deserialize<DistrictJobSummary>(json) : null,
            state == DistrictJobState.Interrupted && row.Error is null ? "District_Error_Interrupted" : row.Error);
    }

    private static string Wire<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];

    private void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException ex) { logger.LogWarning("Could not delete an upload: {Error}", ex.GetType().Name); }
    }

    /// <summary>The live state of one running job; written by the job, read by pages.</summary>
    private sealed class JobProgress(Guid id, ConcurrentDictionary<Guid, DistrictJobView> live)
    {
        public Guid Id => id;
        public DistrictJobView Current => live[id];

        public void Set(DistrictJobState state, DistrictJobPhase phase, long done, long total) =>
            live[id] = Current with { State = state, Phase = phase, Done = done, Total = total };

        public void Finish(DistrictJobState state, DistrictJobSummary? summary, string? error, DateTimeOffset at) =>
            live[id] = Current with { State = state, Phase = DistrictJobPhase.Finished, Done = Current.Total, Summary = summary, Error = error, FinishedAt = at };

        public void Read(long bytes) => live[id] = Current with { Done = Math.Min(bytes, Current.Total) };
    }
}

/// <summary>A district import failed for a reason staff can act on (a resource key).</summary>
public sealed class DistrictImportException(string key) : Exception(key)
{
    public string Key { get; } = key;
}
