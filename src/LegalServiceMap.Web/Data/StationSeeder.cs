using LegalServiceMap.Core.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Data;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Path of the station seed file; relative paths resolve against the app's base directory.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public string StationsFile { get; set; } = "data/stations.json";
}

/// <summary>
/// Applies data/stations.json idempotently: when the file's version is newer than the applied one, records are
/// inserted or updated by id; records a staff member has edited (SeedVersion null) are left alone.
/// A record an earlier seed brought in and nobody edited since, which the new seed no longer contains (e.g. withdrawn
/// because no source supports it), is removed; staff-owned records are never deleted by a seed.
/// </summary>
public sealed class StationSeeder(IOptions<SeedOptions> options, ILogger<StationSeeder> logger)
{
    public const string AppliedVersionKey = "seed.stations.version";

    public string ResolvedPath =>
        Path.IsPathRooted(options.Value.StationsFile)
            ? options.Value.StationsFile
            : Path.Combine(AppContext.BaseDirectory, options.Value.StationsFile);

    public async Task<int> ApplyAsync(AppDbContext db, CancellationToken ct = default)
    {
        StationSeedFile.Contents contents;
        await using (var stream = File.OpenRead(ResolvedPath))
        {
            contents = StationSeedFile.Read(stream);
        }

        var applied = await db.Settings.FindAsync([AppliedVersionKey], ct);
        if (applied is not null && int.TryParse(applied.Value, out var appliedVersion) && appliedVersion >= contents.Version)
        {
            logger.LogInformation("Station seed version {Version} already applied", appliedVersion);
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Stations.ToDictionaryAsync(s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var changed = 0;
        foreach (var seeded in contents.Stations)
        {
            if (!existing.TryGetValue(seeded.Id, out var current))
            {
                db.Stations.Add(seeded);
                changed++;
            }
            else if (current.SeedVersion is not null)
            {
                StationFields.Copy(seeded, current);
                current.SeedVersion = seeded.SeedVersion;
                current.Version++;
                changed++;
            }
        }
        var seededIds = contents.Stations.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var withdrawn in existing.Values.Where(s => s.SeedVersion is not null && !seededIds.Contains(s.Id)))
        {
            db.Stations.Remove(withdrawn);
            logger.LogInformation("Seed no longer contains {Id}: removed", withdrawn.Id);
            changed++;
        }
        if (applied is null)
        {
            db.Settings.Add(new AppSetting { Key = AppliedVersionKey, Value = contents.Version.ToString() });
        }
        else
        {
            applied.Value = contents.Version.ToString();
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Applied station seed version {Version}: {Count} records written", contents.Version, changed);
        return changed;
    }
}
