using System.Text.Json.Nodes;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Tests.Platform.Data;

public sealed class StationSeederTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly string _tempDir = Path.Combine(Path.GetTempPath(), "lsm-tests", Guid.NewGuid().ToString("N"));

    private static JsonObject ShippedSeed() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "stations.json")))!.AsObject();

    private static int ShippedVersion => ShippedSeed()["version"]!.GetValue<int>();

    private string WriteSeed(Action<JsonObject> edit)
    {
        var doc = ShippedSeed();
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
            doc["version"] = ShippedVersion + 1;
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
            Assert.Equal((ShippedVersion + 1).ToString(), (await db.Settings.SingleAsync(s => s.Key == StationSeeder.AppliedVersionKey)).Value);
        }
    }

    [Fact]
    public async Task Apply_NewerVersionWithoutARecord_RemovesItUnlessStaffOwnIt()
    {
        await using (var db = _db.Factory.CreateDbContext())
        {
            (await db.Stations.SingleAsync(s => s.Id == "notary-zhabei")).PhoneSetByStaff("021-00000000");
            await db.SaveChangesAsync();
        }
        var path = WriteSeed(doc =>
        {
            doc["version"] = ShippedVersion + 1;
            var stations = doc["stations"]!.AsArray();
            foreach (var s in stations.Where(s => s!["id"]!.GetValue<string>() is "notary-jingan" or "notary-zhabei").ToList())
            {
                stations.Remove(s);
            }
        });

        await using (var db = _db.Factory.CreateDbContext())
        {
            await TestDatabase.Seeder(path).ApplyAsync(db);
        }
        await using (var db = _db.Factory.CreateDbContext())
        {
            Assert.False(await db.Stations.AnyAsync(s => s.Id == "notary-jingan")); // withdrawn from the seed
            Assert.True(await db.Stations.AnyAsync(s => s.Id == "notary-zhabei"));  // staff edited it: theirs now
            Assert.True(await db.Stations.AnyAsync(s => s.Id == "district-legal-aid-centre"));
        }
    }

    [Fact]
    public async Task AWithdrawnRecord_ComesBackWhenANewerSeedHasItAgain_Unverified_WithItsSource()
    {
        // A database still at the version that withdrew the 中信泰富 workstation (as version 2 did).
        var withdrawn = WriteSeed(doc =>
        {
            var stations = doc["stations"]!.AsArray();
            stations.Remove(stations.Single(s => s!["id"]!.GetValue<string>() == "workstation-citic-square"));
        });
        await using (var db = _db.Factory.CreateDbContext())
        {
            await db.Stations.Where(s => s.Id == "workstation-citic-square").ExecuteDeleteAsync();
            await db.Settings.Where(s => s.Key == StationSeeder.AppliedVersionKey).ExecuteDeleteAsync();
            await TestDatabase.Seeder(withdrawn).ApplyAsync(db);
            Assert.False(await db.Stations.AnyAsync(s => s.Id == "workstation-citic-square"));
        }
        var newer = WriteSeed(doc => doc["version"] = ShippedVersion + 1);
        await using (var db = _db.Factory.CreateDbContext())
        {
            await TestDatabase.Seeder(newer).ApplyAsync(db);
        }
        await using (var db = _db.Factory.CreateDbContext())
        {
            var back = await db.Stations.SingleAsync(s => s.Id == "workstation-citic-square");
            Assert.Null(back.LastVerified);
            Assert.Contains(back.Sources, x => x.StartsWith("[S0]"));
        }
    }

    [Fact]
    public async Task Apply_InvalidFile_ThrowsAndLeavesTheDatabaseUnchanged()
    {
        var path = WriteSeed(doc =>
        {
            doc["version"] = ShippedVersion + 5;
            doc["stations"]!.AsArray()[0]!["type"] = "spaceport";
            doc["stations"]!.AsArray()[1]!["phone"] = "999";
        });
        await using var db = _db.Factory.CreateDbContext();
        var phoneBefore = (await db.Stations.AsNoTracking().SingleAsync(s => s.Id == "district-legal-aid-centre")).Phone;
        await Assert.ThrowsAsync<LegalServiceMap.Core.Stations.SeedFormatException>(() => TestDatabase.Seeder(path).ApplyAsync(db));
        Assert.Equal(phoneBefore, (await db.Stations.AsNoTracking().SingleAsync(s => s.Id == "district-legal-aid-centre")).Phone);
        Assert.Equal(ShippedVersion.ToString(), (await db.Settings.AsNoTracking().SingleAsync(s => s.Key == StationSeeder.AppliedVersionKey)).Value);
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
