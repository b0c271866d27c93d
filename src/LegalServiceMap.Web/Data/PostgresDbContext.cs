using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Core.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Web.Data;

/// <summary>
/// The model on PostgreSQL + PostGIS: the same tables as on SQLite, and PostGIS geometry columns derived by the database
/// from what the app stores (generated columns, so no code path writes them twice): a station's point from its WGS-84
/// latitude/longitude and a boundary's polygon from its GeoJSON, both SRID 4326 with GiST indexes. Search has a trigram
/// index (pg_trgm) over the same folded text as SQLite's FTS5 table (<see cref="StationSearchIndex"/>).
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options)
{
    public const string Geometry = "Geom";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis").HasPostgresExtension("pg_trgm");

        var station = modelBuilder.Entity<Station>();
        station.Property<Point>(Geometry).HasColumnType("geometry(Point,4326)")
            .HasComputedColumnSql("""CASE WHEN "Latitude" IS NULL OR "Longitude" IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint("Longitude", "Latitude"), 4326) END""", stored: true);
        station.HasIndex(Geometry).HasMethod("gist");

        var boundary = modelBuilder.Entity<StoredBoundary>();
        boundary.Property<Geometry>(Geometry).HasColumnType("geometry(Geometry,4326)")
            .HasComputedColumnSql("""ST_SetSRID(ST_GeomFromGeoJSON("GeoJson"), 4326)""", stored: true);
        boundary.HasIndex(Geometry).HasMethod("gist");
    }
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresDbContext</c>: no server is needed to write a migration.</summary>
public sealed class PostgresDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>()
            .UseNpgsql("Host=localhost;Database=design", o => o.UseNetTopologySuite()).Options);
}

/// <summary>
/// For <c>dotnet ef migrations add … --context AppDbContext</c> (SQLite). Without it the tools would take the
/// PostgreSQL factory above for the base context too, and write a PostgreSQL migration.
/// </summary>
public sealed class AppDbContextDesignFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=design.db").Options);
}
