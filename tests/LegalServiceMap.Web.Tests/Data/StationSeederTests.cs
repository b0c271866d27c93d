using System.Text.Json.Nodes;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Tests.Data;

public sealed class StationSeederTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly string _tempDir = Path.Combine(Path.GetTempPath(), "lsm-tests", Guid.NewGuid().ToString("N"));

    private string WriteSeed(Action<JsonObject> edit)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "stations.json")))!.AsObject();
        edit(doc);
        Directory.CreateDirectory(_tempDir);
        var path = Path.Combine(_tempDir, "stations.json");
        File.WriteAllText(path, doc.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Apply_SameVersionTwice_ChangesNothing()
    {
        await using var db = _db.Factory.CreateDbContext();
        var before = await db.Stations.CountAsync();
        Assert.Equal(0, await TestDatabase.Seeder().ApplyAsync(db));
        Assert.Equal(before, await db.Stations.CountAsync());
        Assert.True(before >= 40);
    }

    [Fact]
    public async Task Apply_NewerVersion_UpdatesSeededRecordsButNotStaffEditedOnes()
    {
        await using (var db = _db.Factory.CreateDbContext())
        {
            var edited = await db.Stations.SingleAsync(s => s.Id == "notary-zhabei");
            edited.PhoneSetByStaff("021-00000000");
            await db.SaveChangesAsync();
        }
        var path = WriteSeed(doc =>
        {
            doc["version"] = 2;
            foreach (var s in doc["stations"]!.AsArray())
            {
                if (s!["id"]!.GetValue<string>() is "notary-jingan" or "notary-zhabei")
                {
                    s["phone"] = "021-12345678";
                }
            }
        });

        await using (var db = _db.Factory.CreateDbContext())
        {
            Assert.True(await TestDatabase.Seeder(path).ApplyAsync(db) > 0);
        }
        await using (var db = _db.Factory.CreateDbContext())
        {
            Assert.Equal("021-12345678", (await db.Stations.SingleAsync(s => s.Id == "notary-jingan")).Phone);
            Assert.Equal("021-00000000", (await db.Stations.SingleAsync(s => s.Id == "notary-zhabei")).Phone);
            Assert.Equal("2", (await db.Settings.SingleAsync(s => s.Key == StationSeeder.AppliedVersionKey)).Value);
        }
    }

    [Fact]
    public async Task Apply_InvalidFile_ThrowsAndLeavesTheDatabaseUnchanged()
    {
        var path = WriteSeed(doc =>
        {
            doc["version"] = 5;
            doc["stations"]!.AsArray()[0]!["type"] = "spaceport";
            doc["stations"]!.AsArray()[1]!["phone"] = "999";
        });
        await using var db = _db.Factory.CreateDbContext();
        var phoneBefore = (await db.Stations.AsNoTracking().SingleAsync(s => s.Id == "district-legal-aid-centre")).Phone;
        await Assert.ThrowsAsync<LegalServiceMap.Core.Stations.SeedFormatException>(() => TestDatabase.Seeder(path).ApplyAsync(db));
        Assert.Equal(phoneBefore, (await db.Stations.AsNoTracking().SingleAsync(s => s.Id == "district-legal-aid-centre")).Phone);
        Assert.Equal("1", (await db.Settings.AsNoTracking().SingleAsync(s => s.Key == StationSeeder.AppliedVersionKey)).Value);
    }

    public void Dispose()
    {
        _db.Dispose();
        try { Directory.Delete(_tempDir, true); } catch (IOException) { }
    }
}

internal static class StationTestExtensions
{
    /// <summary>What a staff edit does to a record: it stops being seed-owned.</summary>
    public static void PhoneSetByStaff(this LegalServiceMap.Core.Stations.Station s, string phone)
    {
        s.Phone = phone;
        s.SeedVersion = null;
    }
}
