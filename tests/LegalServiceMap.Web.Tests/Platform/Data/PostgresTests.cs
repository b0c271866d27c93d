using System.Text.Json;
using LegalServiceMap.Web.Tests.Infrastructure;
using Npgsql;

namespace LegalServiceMap.Web.Tests.Platform.Data;

/// <summary>The PostgreSQL + PostGIS shape of the database, and search that answers as SQLite's does.</summary>
public sealed class PostgresTests(PostgresAppFactory postgres, AppFactory sqlite) : IClassFixture<PostgresAppFactory>, IClassFixture<AppFactory>
{
    private readonly HttpClient _postgres = postgres.App.CreateClient();
    private readonly HttpClient _sqlite = sqlite.CreateClient();

    private object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(postgres.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task FirstStart_MigratesAndSeeds_WithPostGisPointsAndGistIndexes()
    {
        (await _postgres.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        Assert.Equal("geometry(Point,4326)", Scalar("""SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"Stations"'::regclass AND attname = 'Geom'"""));
        Assert.Equal("geometry(Geometry,4326)", Scalar("""SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"Boundaries"'::regclass AND attname = 'Geom'"""));
        foreach (var index in new[] { "IX_Stations_Geom", "IX_Boundaries_Geom" })
        {
            Assert.Equal("gist", Scalar($"""SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam WHERE c.relname = '{index}'"""));
        }
        Assert.Equal("gin", Scalar("""SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam WHERE c.relname = 'IX_StationSearch_Text'"""));

        // Every located station has its PostGIS point, derived from the stored WGS-84 latitude/longitude.
        var located = (long)Scalar("""SELECT count(*) FROM "Stations" WHERE "Latitude" IS NOT NULL""")!;
        Assert.True(located > 0);
        Assert.Equal(located, (long)Scalar("""SELECT count(*) FROM "Stations" WHERE ST_SRID("Geom") = 4326 AND abs(ST_Y("Geom") - "Latitude") < 1e-12""")!);
        // The index answers a nearest-first query in the database (KNN over GiST).
        var nearest = (string)Scalar("""SELECT "Id" FROM "Stations" WHERE "Geom" IS NOT NULL ORDER BY "Geom" <-> ST_SetSRID(ST_MakePoint(121.4510, 31.2494), 4326) LIMIT 1""")!;
        Assert.False(string.IsNullOrEmpty(nearest));
    }

    [Theory]
    [InlineData("司法所")]
    [InlineData("静安")]
    [InlineData("临汾")]
    [InlineData("调解")]
    [InlineData("jingan")]
    [InlineData("Jing'an")]
    [InlineData("JING’AN")]
    [InlineData("notary")]
    [InlineData("Linfen Road")]
    [InlineData("法")]
    [InlineData("no such place")]
    public async Task Search_FindsTheSameStations_OnBothEngines(string q)
    {
        var onSqlite = await IdsAsync(_sqlite, q);
        var onPostgres = await IdsAsync(_postgres, q);
        Assert.Equal(onSqlite, onPostgres);
        if (q != "no such place") Assert.NotEmpty(onPostgres);
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string q)
    {
        var body = await client.GetStringAsync("/api/stations?q=" + Uri.EscapeDataString(q));
        return JsonDocument.Parse(body).RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
    }
}
