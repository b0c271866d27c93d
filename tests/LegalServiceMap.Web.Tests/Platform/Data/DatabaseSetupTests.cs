using LegalServiceMap.Web.Data;
using Microsoft.Extensions.Configuration;

namespace LegalServiceMap.Web.Tests.Platform.Data;

public sealed class DatabaseSetupTests
{
    private static IConfiguration With(string? provider) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseSetup.ProviderKey] = provider }).Build();

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("SQLite", DatabaseProvider.Sqlite)]
    [InlineData("postgres", DatabaseProvider.Postgres)]
    [InlineData(" PostgreSQL ", DatabaseProvider.Postgres)]
    public void Provider_IsReadFromConfiguration_SqliteByDefault(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseSetup.ProviderOf(With(value)));

    [Fact]
    public void UnknownProvider_OrPostgresWithoutConnection_StopsTheStartWithAClearMessage()
    {
        var unknown = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.ProviderOf(With("oracle")));
        Assert.Contains("'oracle'", unknown.Message);
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var missing = Assert.Throws<InvalidOperationException>(() => services.AddAppDatabase(With("postgres"), "."));
        Assert.Contains("ConnectionStrings:Stations", missing.Message);
    }
}
