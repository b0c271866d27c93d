using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Data;

public static class DatabaseInitializer
{
    /// <summary>Creates and migrates the database, switches SQLite to WAL, applies the seed and loads the station catalog.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        var services = app.Services;
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (db.Database.IsSqlite())
            {
                EnsureSqliteDirectory(db.Database.GetConnectionString());
            }
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            await services.GetRequiredService<StationSeeder>().ApplyAsync(db, ct);
            await StationSearchIndex.RebuildAsync(db, ct);
            // What is loaded next is what the database holds now: later versions are changes made elsewhere.
            var versions = services.GetRequiredService<DataVersions>();
            await versions.EnsureAsync(db, ct);
            versions.MarkSeen(await versions.ChangedAsync(ct));
        }
        await services.GetRequiredService<Spatial.SpatialStore>().LoadAllAsync(ct);
    }

    private static void EnsureSqliteDirectory(string? connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
    }
}
