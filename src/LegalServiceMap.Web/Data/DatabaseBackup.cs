using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Data;

/// <summary>Why a restore was refused; null when it went through.</summary>
public sealed record RestoreResult(string? Problem, int Stations = 0, int Submissions = 0);

/// <summary>
/// Backups of the SQLite database through SQLite's online backup API: a consistent copy of one moment, taken while the
/// app keeps reading and writing (WAL mode lets writers go on), checked with <c>PRAGMA integrity_check</c>. A restore
/// copies a checked backup over the configured database with the app stopped, then brings it up to the current
/// migrations. PostgreSQL deployments use pg_dump / pg_restore instead (README "Operations").
/// </summary>
public sealed class DatabaseBackup(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<DatabaseBackup> logger)
{
    /// <summary>Writes a timestamped backup file into <paramref name="directory"/> and returns its path.</summary>
    public async Task<string> BackupAsync(string directory, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'");
        var path = Path.Combine(directory, $"legalservicemap-{stamp}.db");
        for (var n = 2; File.Exists(path); n++) path = Path.Combine(directory, $"legalservicemap-{stamp}-{n}.db");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = (SqliteConnection)db.Database.GetDbConnection();
        await source.OpenAsync(ct);
        await using (var target = Open(path, readOnly: false))
        {
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
            if (await IntegrityAsync(target, ct) is { } problem) throw new InvalidDataException($"The backup failed its integrity check: {problem}");
        }
        logger.LogInformation("Database backed up to {Path}", path);
        return path;
    }

    /// <summary>Replaces the configured database with a backup, after checking that the file is a sound backup of this app.</summary>
    public async Task<RestoreResult> RestoreAsync(string file, CancellationToken ct = default)
    {
        if (!File.Exists(file)) return new RestoreResult("no such file");
        await using var backup = Open(file, readOnly: true);
        try
        {
            await backup.OpenAsync(ct);
            if (await IntegrityAsync(backup, ct) is { } problem) return new RestoreResult($"not a sound SQLite database ({problem})");
            foreach (var table in new[] { "__EFMigrationsHistory", "Stations", "Submissions" })
            {
                await using var check = backup.CreateCommand();
                check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
                check.Parameters.AddWithValue("$name", table);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(ct)) == 0) return new RestoreResult($"not a backup of this service (no {table} table)");
            }
        }
        catch (SqliteException ex)
        {
            return new RestoreResult($"not an SQLite database ({ex.SqliteErrorCode})");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var live = (SqliteConnection)db.Database.GetDbConnection();
        await live.OpenAsync(ct);
        backup.BackupDatabase(live);
        await live.CloseAsync();
        await db.Database.MigrateAsync(ct); // a backup from an older version is brought up to date
        var result = new RestoreResult(null, await db.Stations.CountAsync(ct), await db.Submissions.CountAsync(ct));
        logger.LogInformation("Database restored from {Path}: {Stations} stations, {Submissions} submissions", file, result.Stations, result.Submissions);
        return result;
    }

    private static SqliteConnection Open(string path, bool readOnly) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate, Pooling = false,
    }.ToString());

    /// <summary>Null when <c>PRAGMA integrity_check</c> says "ok"; else its first complaint.</summary>
    private static async Task<string?> IntegrityAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var answer = (await command.ExecuteScalarAsync(ct))?.ToString();
        return answer == "ok" ? null : answer ?? "no answer";
    }
}
