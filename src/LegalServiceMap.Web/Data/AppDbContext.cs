using LegalServiceMap.Core.Text;
using System.Text.Json;
using LegalServiceMap.Core.Stations;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using LegalServiceMap.Web.Features.Portal;
using LegalServiceMap.Web.Features.Staff.Accounts;
using LegalServiceMap.Web.Features.Staff.Audit;
using LegalServiceMap.Web.Features.Staff.District;
using LegalServiceMap.Web.Features.Staff.Stations;
using LegalServiceMap.Web.Spatial;

namespace LegalServiceMap.Web.Data;

/// <summary>
/// The application's database: SQLite by default (WAL mode), WGS-84 coordinates as plain columns. PostgreSQL uses
/// <see cref="PostgresDbContext"/>: the same model plus PostGIS columns, with its own migrations (Data/Migrations/Postgres).
/// </summary>
public class AppDbContext : IdentityDbContext<StaffUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }

    protected AppDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Station> Stations => Set<Station>();
    public DbSet<AppSetting> Settings => Set<AppSetting>();
    public DbSet<StoredWalkingNetwork> WalkingNetworks => Set<StoredWalkingNetwork>();
    public DbSet<StoredBoundary> Boundaries => Set<StoredBoundary>();
    public DbSet<StationChange> StationChanges => Set<StationChange>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionEvent> SubmissionEvents => Set<SubmissionEvent>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<DistrictImportJob> DistrictImportJobs => Set<DistrictImportJob>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var station = modelBuilder.Entity<Station>();
        // Optimistic concurrency: a save whose Version is stale is refused (two staff editing one station).
        station.Property(s => s.Version).IsConcurrencyToken();
        station.HasKey(s => s.Id);
        station.Property(s => s.Id).HasMaxLength(100);
        station.Property(s => s.Type).HasMaxLength(40)
            .HasConversion(t => t.ToSlug(), s => ParseType(s));
        station.Property(s => s.LocationTier).HasMaxLength(20)
            .HasConversion(t => t.ToSlug(), s => ParseTier(s));
        station.Property(s => s.NameZh).HasMaxLength(200);
        station.Property(s => s.NameEn).HasMaxLength(300);
        station.Property(s => s.Street).HasMaxLength(40);
        station.Property(s => s.Phone).HasMaxLength(40);
        station.Property(s => s.Hours)
            .HasConversion(
                v => JsonSerializer.Serialize(v.Select(PeriodDto.From), JsonOptions),
                v => (JsonSerializer.Deserialize<List<PeriodDto>>(v, JsonOptions) ?? new List<PeriodDto>()).Select(p => p.ToPeriod()).ToList(),
                new ValueComparer<List<OpeningPeriod>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.GetHashCode())),
                    v => v.ToList()));
        station.Property(s => s.Status).HasMaxLength(20)
            .HasConversion(v => WireName.Of(v), v => StatusFromWire(v));
        station.Property(s => s.Exceptions)
            .HasConversion(
                v => DatedExceptionsText.Format(v),
                v => ParseExceptions(v),
                new ValueComparer<List<DatedException>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.GetHashCode())),
                    v => v.ToList()));
        station.Ignore(s => s.IsVerified);
        station.Ignore(s => s.Location);
        station.Ignore(s => s.StreetTown);
        station.Ignore(s => s.StreetCode);
        station.Ignore(s => s.InDefaultList);
        station.Ignore(s => s.IsPlaced);
        station.Property(s => s.DivisionCode).HasMaxLength(12);
        station.HasIndex(s => s.DivisionCode).IsUnique();
        station.HasIndex(s => s.Type);
        station.HasIndex(s => s.Street);

        modelBuilder.Entity<AppSetting>().HasKey(s => s.Key);

        var network = modelBuilder.Entity<StoredWalkingNetwork>();
        network.Property(n => n.Source).HasMaxLength(500);
        var boundary = modelBuilder.Entity<StoredBoundary>();
        boundary.Property(b => b.Kind).HasMaxLength(20);
        boundary.Property(b => b.Name).HasMaxLength(200);
        boundary.Property(b => b.Code).HasMaxLength(12);
        boundary.HasIndex(b => new { b.Kind, b.Name }).IsUnique();

        var submission = modelBuilder.Entity<Submission>();
        submission.HasIndex(s => s.Reference).IsUnique();
        submission.HasIndex(s => new { s.Kind, s.IdempotencyKey }).IsUnique();
        submission.HasIndex(s => new { s.Status, s.CreatedAt });
        submission.Property(s => s.Reference).HasMaxLength(60);
        submission.Property(s => s.Kind).HasMaxLength(20);
        submission.Property(s => s.Status).HasMaxLength(20);
        submission.Property(s => s.IdempotencyKey).HasMaxLength(100);
        submission.Property(s => s.PayloadHash).HasMaxLength(64);
        submission.Property(s => s.AccessCode).HasMaxLength(6);
        submission.Property(s => s.Name).HasMaxLength(60);
        submission.Property(s => s.Mobile).HasMaxLength(20);
        submission.Property(s => s.Contact).HasMaxLength(120);

        var submissionEvent = modelBuilder.Entity<SubmissionEvent>();
        submissionEvent.HasIndex(e => e.SubmissionId);
        submissionEvent.Property(e => e.User).HasMaxLength(256);
        submissionEvent.Property(e => e.Action).HasMaxLength(20);

        var security = modelBuilder.Entity<SecurityEvent>();
        security.Property(e => e.Kind).HasMaxLength(40);
        security.Property(e => e.User).HasMaxLength(256);
        security.Property(e => e.Network).HasMaxLength(60);
        security.Property(e => e.Detail).HasMaxLength(500);
        security.HasIndex(e => e.At);
        security.HasIndex(e => new { e.Kind, e.At });

        var job = modelBuilder.Entity<DistrictImportJob>();
        job.Property(j => j.Kind).HasMaxLength(20);
        job.Property(j => j.FileName).HasMaxLength(200);
        job.Property(j => j.StartedBy).HasMaxLength(256);
        job.Property(j => j.State).HasMaxLength(20);
        job.Property(j => j.Phase).HasMaxLength(20);
        job.Property(j => j.Error).HasMaxLength(80);
        job.Property(j => j.Settings).HasMaxLength(500);
        job.HasIndex(j => j.QueuedAt);

        var change = modelBuilder.Entity<StationChange>();
        change.Property(c => c.StationId).HasMaxLength(100);
        change.Property(c => c.ChangeSet).HasMaxLength(40);
        change.Property(c => c.User).HasMaxLength(256);
        change.Property(c => c.Action).HasMaxLength(20);
        change.Property(c => c.Field).HasMaxLength(40);
        change.HasIndex(c => new { c.StationId, c.At });

        StoreOurTimesAsUtcTicks(modelBuilder);
    }

    /// <summary>
    /// Every date and time of our own entities is stored as UTC ticks (SQLite cannot order by DateTimeOffset; one
    /// representation on both engines). Identity's own columns (LockoutEnd) stay as Identity maps them.
    /// </summary>
    private static void StoreOurTimesAsUtcTicks(ModelBuilder modelBuilder)
    {
        var ticks = new ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        var optionalTicks = new ValueConverter<DateTimeOffset?, long?>(v => v == null ? null : v.Value.UtcTicks, v => v == null ? null : new DateTimeOffset(v.Value, TimeSpan.Zero));
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (property.PropertyInfo?.DeclaringType?.Namespace?.StartsWith("LegalServiceMap.", StringComparison.Ordinal) != true) continue;
            if (property.ClrType == typeof(DateTimeOffset)) property.SetValueConverter(ticks);
            else if (property.ClrType == typeof(DateTimeOffset?)) property.SetValueConverter(optionalTicks);
        }
    }

    private static List<DatedException> ParseExceptions(string text) =>
        DatedExceptionsText.TryParse(text, out var list, out _) ? list : [];

    private static StationType ParseType(string slug) =>
        StationTypes.TryParse(slug, out var t) ? t : throw new InvalidOperationException($"Unknown station type '{slug}' in database");

    private static LocationTier ParseTier(string slug) =>
        LocationTiers.TryParse(slug, out var t) ? t : LocationTier.StreetLevel;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static StationStatus StatusFromWire(string value) => WireName.TryParse(value, out StationStatus status) ? status : StationStatus.Active;

    private sealed record PeriodDto(int Day, string Opens, string Closes)
    {
        public static PeriodDto From(OpeningPeriod p) => new((int)p.Day, p.Opens.ToString("HH:mm"), p.Closes.ToString("HH:mm"));
        public OpeningPeriod ToPeriod() => new((DayOfWeek)Day, TimeOnly.Parse(Opens), TimeOnly.Parse(Closes));
    }
}

/// <summary>A small key/value row for application state such as the applied seed version.</summary>
public sealed class AppSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
