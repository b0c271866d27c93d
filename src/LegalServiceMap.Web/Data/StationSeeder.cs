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

    /// <summary>The division register written by npm ci (residents' committees); relative paths resolve against the app's base directory.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public string DivisionsFile { get; set; } = "data/generated/divisions.json";
}

/// <summary>
/// Applies data/stations.json and the residents' committees of the division register (data/generated/divisions.json,
/// one record per committee, <see cref="ResidentsCommittees"/>) idempotently: when the file's version is newer than the
/// applied one, or the register is another one, records are inserted or updated by id; records a staff member has
/// edited (SeedVersion null) are left alone. A record an earlier seed brought in and nobody edited since, which neither
/// source has any more (withdrawn from the seed for want of a source, or a committee the register no longer lists), is
/// removed; staff-owned records are never deleted by a seed. Without a register file the committees are left as they are.
/// </summary>
public sealed class StationSeeder(IOptions<SeedOptions> options, Spatial.Gazetteer gazetteer, ILogger<StationSeeder> logger)
{
    public const string AppliedVersionKey = "seed.stations.version";
    public const string AppliedRegisterKey = "seed.register.source";

    public string ResolvedPath => Resolve(options.Value.StationsFile);

    private static string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    public async Task<int> ApplyAsync(AppDbContext db, CancellationToken ct = default)
    {
        StationSeedFile.Contents contents;
        await using (var stream = File.OpenRead(ResolvedPath))
        {
            contents = StationSeedFile.Read(stream);
        }
        var register = ReadRegister();

        var applied = await db.Settings.FindAsync([AppliedVersionKey], ct);
        var appliedRegister = await db.Settings.FindAsync([AppliedRegisterKey], ct);
        var seedCurrent = applied is not null && int.TryParse(applied.Value, out var appliedVersion) && appliedVersion >= contents.Version;
        if (seedCurrent && (register is null || appliedRegister?.Value == register.Source))
        {
            logger.LogInformation("Station seed version {Version} and register {Register} already applied", applied!.Value, appliedRegister?.Value ?? "(none)");
            return 0;
        }

        var seeded = contents.Stations.Concat(register is null ? [] : ResidentsCommittees.From(register, gazetteer.English, contents.Version)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Stations.ToDictionaryAsync(s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var changed = 0;
        foreach (var record in seeded)
        {
            if (!existing.TryGetValue(record.Id, out var current))
            {
                db.Stations.Add(record);
                changed++;
            }
            else if (current.SeedVersion is not null && (StationFields.Changes(current, record).Count > 0 || current.DivisionCode != record.DivisionCode))
            {
                StationFields.Copy(record, current);
                current.DivisionCode = record.DivisionCode;
                current.SeedVersion = record.SeedVersion;
                current.Version++;
                changed++;
            }
        }
        var seededIds = seeded.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Without a register, nothing is known about committees: they stay.
        foreach (var withdrawn in existing.Values.Where(s => s.SeedVersion is not null && !seededIds.Contains(s.Id) && (register is not null || s.DivisionCode is null)))
        {
            db.Stations.Remove(withdrawn);
            logger.LogInformation("Seed no longer contains {Id}: removed", withdrawn.Id);
            changed++;
        }
        Set(db, applied, AppliedVersionKey, contents.Version.ToString());
        if (register is not null) Set(db, appliedRegister, AppliedRegisterKey, register.Source);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Applied station seed version {Version} and register {Register}: {Count} records written", contents.Version, register?.Source ?? "(none)", changed);
        return changed;
    }

    private static void Set(AppDbContext db, AppSetting? setting, string key, string value)
    {
        if (setting is null) db.Settings.Add(new AppSetting { Key = key, Value = value });
        else setting.Value = value;
    }

    private DivisionRegister? ReadRegister()
    {
        var path = Resolve(options.Value.DivisionsFile);
        if (!File.Exists(path))
        {
            logger.LogWarning("No division register at {Path} (written by npm ci): residents' committees are not seeded or updated", path);
            return null;
        }
        using var stream = File.OpenRead(path);
        return DivisionRegister.Read(stream);
    }
}
