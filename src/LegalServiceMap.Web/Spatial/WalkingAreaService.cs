using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Stations;
using LegalServiceMap.Core.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Spatial;

/// <summary>What network, if any, walking areas are computed on.</summary>
public sealed record NetworkSummary(string Source, DateTimeOffset ImportedAt, int Nodes, int Edges, double LengthMetres);

/// <summary>
/// The walking-area engine in use: the street network stored in the database (loaded at start, replaced by an import),
/// or, with none imported, the approximate circle. Singleton; the engine is swapped atomically and is thread-safe.
/// Each walk is computed once: the map page and /api/isochrone (which the page's map fetches to draw it) ask for the
/// same walk and get the same answer from a bounded cache keyed by the engine, the station catalog, the origin (to
/// 1e-7°, about 1 cm), the minutes and the speed, so the list and the map agree by construction.
/// </summary>
public sealed class WalkingAreaService(
    IDbContextFactory<AppDbContext> dbFactory,
    StationQueries stations,
    IOptions<IsochroneOptions> options,
    ILogger<WalkingAreaService> logger)
{
    private volatile IIsochroneEngine _engine = new CircleIsochroneEngine(options.Value);
    private readonly MemoryCache _walks = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    private sealed record WalkKey(IIsochroneEngine Engine, StationCatalog Catalog, long Lat, long Lng, double Minutes, double SpeedKmh);

    public IIsochroneEngine Engine => _engine;
    public IsochroneOptions Options => options.Value;
    public NetworkSummary? Network { get; private set; }

    /// <summary>Named roads and address points of the last OSM import, for the geocoder.</summary>
    public RoadSet Roads { get; private set; } = RoadSet.Empty;

    /// <summary>The imported street network, or null when walking areas are circles.</summary>
    public WalkingNetwork? CurrentNetwork => (_engine as NetworkIsochroneEngine)?.Network;

    /// <summary>The walk for a request, computed once per engine, catalog and request (see the class summary).</summary>
    public IsochroneResult Compute(IsochroneRequest request)
    {
        var (engine, catalog) = (_engine, stations.PublicCatalog);
        var key = new WalkKey(engine, catalog, (long)Math.Round(request.Origin.Latitude * 1e7), (long)Math.Round(request.Origin.Longitude * 1e7),
            request.Minutes, request.SpeedKmh);
        return _walks.GetOrCreate(key, entry =>
        {
            // Entries of a replaced engine or catalog are never asked for again and age out.
            entry.SetSize(1).SetSlidingExpiration(TimeSpan.FromMinutes(10));
            return engine.Compute(request, catalog);
        })!;
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
        Use(WalkingNetwork.ReadFrom(stream), new NetworkSummary(row.Source, row.ImportedAt, row.NodeCount, row.EdgeCount, row.LengthMetres));
        Roads = row.Roads is { Length: > 0 } roads ? RoadSet.FromJson(roads) : RoadSet.Empty;
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
        Use(network, summary);
        Roads = roads;
        return summary;
    }

    private void Use(WalkingNetwork network, NetworkSummary summary)
    {
        _engine = network.EdgeCount == 0 ? new CircleIsochroneEngine(options.Value) : new NetworkIsochroneEngine(network, options.Value);
        Network = network.EdgeCount == 0 ? null : summary;
    }
}
