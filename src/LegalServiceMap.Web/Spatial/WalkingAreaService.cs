using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Spatial;

/// <summary>
/// Walking areas on the current snapshot's engine: the street network stored in the database (loaded at start,
/// replaced by an import) or, with none imported, the approximate circle. Each walk is computed once per snapshot and
/// request: the map page and /api/isochrone (which the page's map fetches to draw it) ask for the same walk and get
/// the same answer, keyed by the origin (to 1e-7°, about 1 cm), the minutes and the speed, so the list and the map
/// agree by construction. Singleton; thread-safe.
/// </summary>
public sealed class WalkingAreaService(
    IDbContextFactory<AppDbContext> dbFactory,
    SpatialState state,
    Setup.AppMetrics metrics,
    IOptions<IsochroneOptions> options,
    ILogger<WalkingAreaService> logger,
    DataVersions? versions = null) // other instances learn of an import through it (tests may leave it out)
{
    private sealed record WalkKey(long Lat, long Lng, double Minutes, double SpeedKmh);

    public IIsochroneEngine Engine => state.Current.Engine;
    public IsochroneOptions Options => options.Value;

    /// <summary>The network walking areas follow; null when they are circles.</summary>
    public NetworkSummary? Network => state.Current is { Graph: not null, Network: { } n } ? n.Summary : null;

    /// <summary>The walk for a request, computed once per snapshot and request (see the class summary).</summary>
    public IsochroneResult Compute(IsochroneRequest request)
    {
        var snapshot = state.Current;
        var key = new WalkKey((long)Math.Round(request.Origin.Latitude * 1e7), (long)Math.Round(request.Origin.Longitude * 1e7), request.Minutes, request.SpeedKmh);
        return state.Derived(snapshot, key, () => metrics.TimeIsochrone(() => snapshot.Engine.Compute(request, snapshot.Places)));
    }

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.WalkingNetworks.AsNoTracking().OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            logger.LogInformation("No walking network imported: walking areas are approximate circles");
            return;
        }
        using var stream = new MemoryStream(row.Data);
        state.SetNetwork(new LoadedNetwork(WalkingNetwork.ReadFrom(stream), new NetworkSummary(row.Source, row.ImportedAt, row.NodeCount, row.EdgeCount, row.LengthMetres),
            row.Roads is { Length: > 0 } roads ? RoadSet.FromJson(roads) : RoadSet.Empty));
        logger.LogInformation("Walking network loaded: {Nodes} nodes, {Edges} edges from {Source}", row.NodeCount, row.EdgeCount, row.Source);
    }

    /// <summary>Stores <paramref name="network"/> as the only network and starts using it.</summary>
    public async Task<NetworkSummary> SaveAsync(WalkingNetwork network, string source, CancellationToken ct = default) =>
        await SaveAsync(network, RoadSet.Empty, source, ct);

    /// <summary>Stores <paramref name="network"/> and its named roads as the only network and starts using them.</summary>
    public async Task<NetworkSummary> SaveAsync(WalkingNetwork network, RoadSet roads, string source, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        network.WriteTo(buffer);
        var summary = new NetworkSummary(source, DateTimeOffset.UtcNow, network.NodeCount, network.EdgeCount, network.TotalLengthMetres);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.WalkingNetworks.ExecuteDeleteAsync(ct);
        db.WalkingNetworks.Add(new StoredWalkingNetwork
        {
            Source = source,
            ImportedAt = summary.ImportedAt,
            NodeCount = summary.Nodes,
            EdgeCount = summary.Edges,
            LengthMetres = summary.LengthMetres,
            Data = buffer.ToArray(),
            Roads = roads.ToJson(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        state.SetNetwork(new LoadedNetwork(network, summary, roads));
        if (versions is not null) await versions.BumpAsync(DataPart.Network, ct);
        return summary;
    }
}
