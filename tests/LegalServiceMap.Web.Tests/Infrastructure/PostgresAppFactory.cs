using Npgsql;

namespace LegalServiceMap.Web.Tests.Infrastructure;

/// <summary>The real app over HTTP on its own PostgreSQL database (migrated and seeded at start, like SQLite's).</summary>
public sealed class PostgresAppFactory : IDisposable
{
    public PostgresAppFactory()
    {
        ConnectionString = PostgresServer.Instance.CreateDatabase();
        App = new AppFactory { Settings = { [LegalServiceMap.Web.Data.DatabaseSetup.ProviderKey] = "postgres", ["ConnectionStrings:Stations"] = ConnectionString } };
    }

    public string ConnectionString { get; }
    public AppFactory App { get; }

    public void Dispose()
    {
        App.Dispose();
        NpgsqlConnection.ClearAllPools();
    }
}
