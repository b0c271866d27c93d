using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Data;

/// <summary>The database engine, chosen by <c>Database:Provider</c>; <c>ConnectionStrings:Stations</c> for both.</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app (the default: a fresh clone runs with nothing else installed).</summary>
    Sqlite,
    /// <summary>PostgreSQL with PostGIS and pg_trgm (production, several instances).</summary>
    Postgres,
}

public static class DatabaseSetup
{
    public const string ProviderKey = "Database:Provider";
    public const string DefaultSqlite = "Data Source=App_Data/legalservicemap.db";

    public static DatabaseProvider ProviderOf(IConfiguration configuration) => configuration[ProviderKey]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        var other => throw new InvalidOperationException($"{ProviderKey} is '{other}': use 'sqlite' (the default) or 'postgres'."),
    };

    /// <summary>
    /// Registers <see cref="IDbContextFactory{AppDbContext}"/> (and a scoped <see cref="AppDbContext"/>) on the configured
    /// engine; on PostgreSQL the contexts are <see cref="PostgresDbContext"/>, so its model and migrations apply.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connection = configuration.GetConnectionString("Stations");
        if (ProviderOf(configuration) == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException($"{ProviderKey} is 'postgres' but ConnectionStrings:Stations is empty.");
            services.AddDbContextFactory<PostgresDbContext>(o => o.UseNpgsql(connection, n => n.UseNetTopologySuite()));
            services.AddSingleton<IDbContextFactory<AppDbContext>>(sp => new AsAppContext(sp.GetRequiredService<IDbContextFactory<PostgresDbContext>>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresDbContext>());
        }
        else
        {
            var sqlite = ResolveSqlitePath(string.IsNullOrWhiteSpace(connection) ? DefaultSqlite : connection, contentRoot);
            services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(sqlite));
        }
        return services;
    }

    /// <summary>Makes a relative SQLite "Data Source" relative to the content root, not the working directory.</summary>
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }
        return builder.ToString();
    }

    private sealed class AsAppContext(IDbContextFactory<PostgresDbContext> inner) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
