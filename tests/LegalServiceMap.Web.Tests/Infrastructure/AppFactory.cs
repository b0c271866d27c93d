using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LegalServiceMap.Web.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP, with its own SQLite file (created, migrated and seeded at start) and no tile server, in the
/// Testing environment unless told otherwise; limits are high so tests are not rate-limited unless they set one.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lsm-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "app.db");

    /// <summary>Submissions allowed per IP address per window; high by default so tests are not rate-limited.</summary>
    public int PermitsPerWindow { get; init; } = 10_000;

    /// <summary>Development, Production… (Testing by default).</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>The app's clock; the real one when null.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Settings applied last, over the defaults above.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // Outside Development the static web assets manifest (wwwroot at the repo root, _content/*) must be opted into.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Stations", $"Data Source={DatabasePath}");
        builder.UseSetting("Map:TileUrl", "");
        // Background work a test turns on where it is the subject: instances following each other, the daily purge.
        builder.UseSetting(LegalServiceMap.Web.Data.DataSync.SecondsKey, "0");
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseSetting("Portal:PermitsPerWindow", PermitsPerWindow.ToString());
        builder.UseSetting("RateLimits:RequestsPerMinute", "1000000");
        builder.UseSetting("RateLimits:StatusFailuresPerClient", "10000");
        builder.UseSetting("RateLimits:StatusFailuresPerReference", "10000");
        builder.UseSetting("RateLimits:SignInFailuresPerClient", "10000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is { } clock) builder.ConfigureTestServices(s => s.AddSingleton(clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
