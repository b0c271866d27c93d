using System.Text;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Spatial;

/// <summary>
/// The one writer of spatial data. While the app runs, stations, the walking network and boundaries are changed only
/// here: each change is committed to the database, then the part is reloaded into the next <see cref="SpatialSnapshot"/>
/// (swapped in by <see cref="SpatialState"/>) and its <see cref="DataVersions"/> version is bumped, so every other
/// instance reloads it too (<see cref="DataSync"/>). Readers (<c>StationQueries</c>, <see cref="WalkQueries"/>, the
/// pages and APIs) only read <see cref="SpatialState.Current"/>. At start the seed is applied first (Data/StationSeeder),
/// then <see cref="LoadAllAsync"/> builds the first snapshot. Singleton; thread-safe (each change has its own context).
/// </summary>
public sealed class SpatialStore(
    IDbContextFactory<AppDbContext> dbFactory,
    SpatialState state,
    DataVersions versions,
    TimeProvider clock,
    IOptions<BoundaryOptions> boundaryOptions,
    ILogger<SpatialStore> logger)
{
    /// <summary>Loads every part from the database (at start).</summary>
    public async Task LoadAllAsync(CancellationToken ct = default)
    {
        foreach (var part in Enum.GetValues<DataPart>()) await LoadAsync(part, ct);
    }

    /// <summary>Loads one part from the database into the next snapshot (at start, or after another instance changed it).</summary>
    public Task LoadAsync(DataPart part, CancellationToken ct = default) => part switch
    {
        DataPart.Stations => LoadStationsAsync(ct),
        DataPart.Network => LoadNetworkAsync(ct),
        _ => LoadBoundariesAsync(ct),
    };

    // ── Stations ───────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Begins a change to stations: a context and a transaction. Change the stations (and their audit rows) through
    /// <see cref="StationChanges.Db"/> — saving in chunks is fine, it is all one transaction — then
    /// <see cref="StationChanges.CommitAsync"/>; disposed without it, nothing is saved.
    /// </summary>
    public async Task<StationChanges> BeginStationsAsync(CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return new StationChanges(this, db, await db.Database.BeginTransactionAsync(ct));
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>A change to stations in progress (see <see cref="BeginStationsAsync"/>).</summary>
    public sealed class StationChanges(SpatialStore store, AppDbContext db, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public AppDbContext Db => db;

        /// <summary>
        /// Saves and commits, then brings the search index up to date (for <paramref name="indexed"/>, or rebuilt whole when
        /// null), reloads the stations into the next snapshot and tells the other instances. A concurrency conflict comes
        /// out of here (nothing is committed then). After the commit nothing is cancelled: the change has happened.
        /// </summary>
        public async Task CommitAsync(IReadOnlyCollection<Station>? indexed, CancellationToken ct = default)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (indexed is null) await StationSearchIndex.RebuildAsync(db, CancellationToken.None);
            else foreach (var station in indexed) await StationSearchIndex.UpdateAsync(db, station, CancellationToken.None);
            await store.PublishStationsAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }

    /// <summary>After a committed change: the stations into the next snapshot, and a new version for the other instances.</summary>
    private async Task PublishStationsAsync()
    {
        await LoadStationsAsync(CancellationToken.None);
        await versions.BumpAsync(DataPart.Stations, CancellationToken.None);
    }

    private async Task LoadStationsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        state.SetStations(await db.Stations.AsNoTracking().ToListAsync(ct));
    }

    // ── The walking network ────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Stores <paramref name="network"/> and its named roads as the only network and starts walking on them.</summary>
    public async Task<NetworkSummary> SaveNetworkAsync(WalkingNetwork network, RoadSet roads, string source, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        network.WriteTo(buffer);
        var summary = new NetworkSummary(source, clock.GetUtcNow(), network.NodeCount, network.EdgeCount, network.TotalLengthMetres);
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
        await versions.BumpAsync(DataPart.Network, CancellationToken.None);
        return summary;
    }

    private async Task LoadNetworkAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.WalkingNetworks.AsNoTracking().OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            logger.LogInformation("No walking network imported: walking areas are approximate circles");
            state.SetNetwork(null);
            return;
        }
        using var stream = new MemoryStream(row.Data);
        state.SetNetwork(new LoadedNetwork(WalkingNetwork.ReadFrom(stream), new NetworkSummary(row.Source, row.ImportedAt, row.NodeCount, row.EdgeCount, row.LengthMetres),
            row.Roads is { Length: > 0 } roads ? RoadSet.FromJson(roads) : RoadSet.Empty));
        logger.LogInformation("Walking network loaded: {Nodes} nodes, {Edges} edges from {Source}", row.NodeCount, row.EdgeCount, row.Source);
    }

    // ── Boundaries ─────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Jing'an's division code (统计用区划代码).</summary>
    public const string DistrictCode = "310106";

    /// <summary>
    /// Adds or replaces boundaries of one kind. A street/town is recognised by its name as the file writes it (江宁路街道,
    /// 江宁路, "Jiangning Road Sub-district") or by its division code (310106006), and stored under its official name and
    /// code, so importing a file keyed by names and later one keyed by codes replaces the same rows. An area that is none
    /// of the 14 keeps its own name, without a code.
    /// </summary>
    public async Task<int> ImportBoundariesAsync(IEnumerable<NamedArea> areas, string kind, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Boundaries.Where(b => b.Kind == kind).ToDictionaryAsync(b => b.Name, ct);
        var now = clock.GetUtcNow();
        var count = 0;
        foreach (var (area, code) in areas.Select(a => Official(a, kind)))
        {
            var json = GeoJson.Serialize(new GeoFeature(area.Geometry, new { name = area.Name }));
            if (existing.TryGetValue(area.Name, out var row))
            {
                row.GeoJson = json;
                row.Code = code;
                row.ImportedAt = now;
            }
            else
            {
                db.Boundaries.Add(row = new StoredBoundary { Kind = kind, Name = area.Name, Code = code, GeoJson = json, ImportedAt = now });
                existing[area.Name] = row;
            }
            count++;
        }
        await db.SaveChangesAsync(ct);
        await LoadBoundariesAsync(CancellationToken.None);
        await versions.BumpAsync(DataPart.Boundaries, CancellationToken.None);
        return count;
    }

    /// <summary>The area under its official name, and its division code; unchanged with no code when it is not one of the district's.</summary>
    public static (NamedArea Area, string? Code) Official(NamedArea area, string kind)
    {
        if (kind == StoredBoundary.Street)
        {
            return StreetTown.Resolve(area.Name) is { } st ? (area with { Name = st.NameZh }, st.Code) : (area, null);
        }
        return area.Name.Trim() is "静安区" or DistrictCode or "Jing'an District" or "Jing'an" ? (area with { Name = "静安区" }, DistrictCode) : (area, null);
    }

    private async Task LoadBoundariesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Boundaries.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        if (rows.Count == 0 && Outline() is { Count: > 0 } outline)
        {
            state.SetBoundaries(new BoundarySet(outline, [], isOutline: true));
            return;
        }
        NamedArea Parse(StoredBoundary b) =>
            GeoJson.ReadAreas(new MemoryStream(Encoding.UTF8.GetBytes(b.GeoJson)), "name").Single() with { Name = b.Name };
        state.SetBoundaries(new BoundarySet(
            rows.Where(r => r.Kind == StoredBoundary.District).Select(Parse).ToList(),
            rows.Where(r => r.Kind == StoredBoundary.Street).Select(Parse).ToList()));
    }

    /// <summary>The district's approximate outline shipped in data/, until a boundary is imported.</summary>
    private IReadOnlyList<NamedArea>? Outline() =>
        boundaryOptions.Value.OutlineFile is not { Length: > 0 } file ? null
            : Setup.DataFiles.Read<IReadOnlyList<NamedArea>>(file, s => GeoJson.ReadAreas(s, "name"), [], logger,
                "coverage and the district check wait for an imported boundary");
}
