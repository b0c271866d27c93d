using LegalServiceMap.Web.Features.Staff.District;
using Bunit;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Spatial.Network;
using LegalServiceMap.Testing;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Features.Staff;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace LegalServiceMap.Web.Tests.Features.Staff.District;

/// <summary>District data from the browser: the upload, the background import that outlives the page, its summary, bad files.</summary>
public sealed class DistrictPageTests : AsyncBunitContext
{
    private readonly string _uploads = Path.Combine(Path.GetTempPath(), "lsm-tests", "uploads-" + Guid.NewGuid().ToString("N"));
    private DistrictImports? _imports;

    private static string Shared(params string[] parts) => Path.Combine([Repository.SharedData, .. parts]);

    /// <summary>Synchronous, so the culture AddAppServices sets stays the test's (an async method's changes do not flow back).</summary>
    private DistrictImports Start()
    {
        this.AddAppServices(Db);
        Services.AddSingleton(Options.Create(new DistrictDataOptions { UploadDirectory = _uploads, MaxBoundaryMegabytes = 1 }));
        Services.AddSingleton<DistrictImports>();
        AddAuthorization().SetAuthorized("admin@example.org").SetRoles("Admin");
        Services.AddSingleton(_ => new UploadFolder(_uploads)); // created by the container, so deleted with it
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Services.GetRequiredService<UploadFolder>();
        Render<MudBlazor.MudPopoverProvider>();
        _imports = Services.GetRequiredService<DistrictImports>();
        _imports.StartAsync(CancellationToken.None).GetAwaiter().GetResult(); // returns once the worker waits for its queue
        return _imports;
    }

    /// <summary>Queues a file as the page does (copied to an upload path, which the job deletes).</summary>
    private static async Task<DistrictJobView> RunAsync(DistrictImports imports, DistrictJobKind kind, string file, DistrictJobSettings? settings = null)
    {
        var path = imports.NewUploadPath();
        File.Copy(file, path);
        var id = await imports.QueueAsync(kind, path, Path.GetFileName(file), settings ?? new DistrictJobSettings(), "admin@example.org");
        await imports.WhenFinishedAsync(id).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(File.Exists(path)); // the upload is gone once imported
        return (await imports.RecentAsync()).Single(j => j.Id == id);
    }

    private async Task<string> WriteAsync(string name, byte[] bytes)
    {
        Directory.CreateDirectory(_uploads);
        var path = Path.Combine(_uploads, name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    [SkippableFact]
    public async Task TheSharedOsmSample_UploadedFromThePage_IsImportedAfterThePageIsClosed_AndThePageShowsWhatItGave()
    {
        Skip.IfNot(Repository.SharedDataPresent(), "../shared/data is not present on this machine");
        var imports = Start();
        var osm = Shared("lllllf-hhhhhq__le-degn-system", "shanghai.osm");
        // No seeded pin lies in the sample's corner of the district: put one there, on 成都北路 (its real address).
        await using (var edit = Db.Factory.CreateDbContext())
        {
            var labour = await edit.Stations.SingleAsync(x => x.Id == "culture-labour-secretariat");
            (labour.Latitude, labour.Longitude) = (31.2313, 121.4637);
            await edit.SaveChangesAsync();
        }
        await Db.Store.LoadAsync(LegalServiceMap.Web.Data.DataPart.Stations);
        var cut = Render<DistrictPage>();
        Assert.Equal("circle", cut.Find("[data-testid=district-network]").GetAttribute("data-method"));

        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(await File.ReadAllBytesAsync(osm), "shanghai.osm"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=district-job]")), TimeSpan.FromSeconds(20));
        var id = (await imports.RecentAsync()).Single().Id;
        // The admin closes the page: the job is not the page's and runs on.
        await DisposeComponentsAsync();
        await imports.WhenFinishedAsync(id).WaitAsync(TimeSpan.FromSeconds(60));

        // The running app walks on the network now; its figures are those of the file, imported independently here.
        OsmImport expected;
        await using (var stream = File.OpenRead(osm)) expected = OsmImporter.ImportAll(stream, OsmFormat.Xml);
        var snapshot = Db.State.Current;
        Assert.NotNull(snapshot.Graph);
        Assert.Equal((expected.Network.NodeCount, expected.Network.EdgeCount), (snapshot.Graph!.NodeCount, snapshot.Graph.EdgeCount));
        var job = (await imports.RecentAsync()).Single();
        Assert.Equal(DistrictJobState.Done, job.State);
        var summary = job.Summary!;
        Assert.Equal(expected.Network.NodeCount, summary.Network!.Nodes);
        Assert.Equal(expected.Roads.Roads.Count, summary.Network.NamedRoads);
        Assert.Equal(expected.Roads.Addresses.Count, summary.Network.AddressPoints);
        Assert.Equal(expected.Network.ComponentSize[0], summary.Network.LargestPartNodes);
        Assert.Equal(expected.Network.TotalLengthMetres / 1000, summary.Network.Kilometres, 3);
        Assert.False(summary.StreetsChecked); // only the shipped outline: no street/town to check against
        // The sample covers one corner: the station placed there meets it, those elsewhere do not.
        Assert.InRange(summary.OnNetwork, 1, summary.Placed - 1);
        Assert.Equal(snapshot.Places.Snaps!.Count, summary.OnNetwork);
        Assert.Contains("culture-labour-secretariat", snapshot.Places.Snaps.Keys);

        // Coming back to the page: the network in use and the summary, in figures.
        var again = Render<DistrictPage>();
        Assert.Equal("network", again.Find("[data-testid=district-network]").GetAttribute("data-method"));
        Assert.Equal("done", again.Find("[data-testid=district-job]").GetAttribute("data-state"));
        Assert.Equal(expected.Network.EdgeCount.ToString("N0"), again.Find("[data-fact=edges]").TextContent);
        Assert.Contains($"{summary.OnNetwork}", again.Find("[data-fact=on-network]").TextContent);

        await using var db = Db.Factory.CreateDbContext();
        var audit = await db.SecurityEvents.AsNoTracking().SingleAsync(e => e.Kind == "district-data-imported");
        Assert.Equal(("admin@example.org", $"{expected.Network.EdgeCount};0"), (audit.User, audit.Detail));
    }

    [SkippableFact]
    public async Task APbfExtract_IsToldByItsContent_NotItsName()
    {
        Skip.IfNot(Repository.SharedDataPresent(), "../shared/data is not present on this machine");
        var imports = Start();
        // The shared sample written as PBF (OsmSharp, the reader the app uses), under a name that says nothing.
        var pbf = Path.Combine(Path.GetTempPath(), "lsm-tests", Guid.NewGuid().ToString("N") + ".download");
        Directory.CreateDirectory(Path.GetDirectoryName(pbf)!);
        await using (var xml = File.OpenRead(Shared("lllllf-hhhhhq__le-degn-system", "shanghai.osm")))
        await using (var output = File.Create(pbf))
        {
            var target = new OsmSharp.Streams.PBFOsmStreamTarget(output);
            target.RegisterSource(new OsmSharp.Streams.XmlOsmStreamSource(xml));
            target.Pull();
            target.Close();
        }
        try
        {
            var job = await RunAsync(imports, DistrictJobKind.Network, pbf);
            Assert.Equal(DistrictJobState.Done, job.State);
            OsmImport expected;
            await using (var stream = File.OpenRead(Shared("lllllf-hhhhhq__le-degn-system", "shanghai.osm"))) expected = OsmImporter.ImportAll(stream, OsmFormat.Xml);
            Assert.Equal((expected.Network.NodeCount, expected.Network.EdgeCount), (job.Summary!.Network!.Nodes, job.Summary.Network.Edges));
        }
        finally
        {
            File.Delete(pbf);
        }
    }

    [Fact]
    public async Task AFileThatIsNotOsm_FailsWithAReason_AndTheWalkingAreasStayAsTheyWere()
    {
        var imports = Start();
        var garbage = await WriteAsync("extract.osm.pbf", [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7 % 256))]);
        var job = await RunAsync(imports, DistrictJobKind.Network, garbage);
        Assert.Equal((DistrictJobState.Failed, "District_Error_NotOsm"), (job.State, job.Error));

        var html = await WriteAsync("page.osm", "<html><body>not a map</body></html>"u8.ToArray());
        job = await RunAsync(imports, DistrictJobKind.Network, html);
        Assert.Equal((DistrictJobState.Failed, "District_Error_NoWalkableWays"), (job.State, job.Error));

        var truncated = await WriteAsync("cut.osm", "<?xml version=\"1.0\"?><osm><node id=\"1\" lat=\"31.2\" lon=\"121.4\"/><way id=\"2\"><nd ref="u8.ToArray());
        job = await RunAsync(imports, DistrictJobKind.Network, truncated);
        Assert.Equal((DistrictJobState.Failed, "District_Error_NotOsm"), (job.State, job.Error));

        Assert.Null(Db.State.Current.Graph);
        await using var db = Db.Factory.CreateDbContext();
        Assert.Equal(0, await db.WalkingNetworks.CountAsync());

        // The page says why, in the reader's language (drawn again on the renderer in the test's culture).
        var cut = Render<DistrictPage>();
        await OnRendererAsync(cut, () => { cut.Render(); return Task.CompletedTask; });
        Assert.All(cut.FindAll("[data-testid=district-job]"), j => Assert.Equal("failed", j.GetAttribute("data-state")));
        Assert.Contains("这不是 OSM 文件", cut.FindAllByRole("alert")[^1].TextContent);
    }

    [SkippableFact]
    public async Task StreetBoundaries_AreImportedUnderTheirOfficialNames_AndBadOnesChangeNothing()
    {
        Skip.IfNot(Repository.SharedDataPresent(), "../shared/data is not present on this machine");
        var imports = Start();
        var file = Shared("chenyifei142__openlayers-vue3-demo", "jingan_streets_wgs84.geojson");
        // A station recorded in 江宁路街道 whose pin was put in 北站街道 by mistake: the boundaries tell.
        IReadOnlyList<NamedArea> areas;
        using (var stream = File.OpenRead(file)) areas = GeoJson.ReadAreas(stream, "NAME");
        var inBeizhan = areas.Single(a => a.Name == "北站街道").Geometry.InteriorPoint;
        var misplaced = Db.Queries.Catalog.All.First(x => x.Street == "jiangninglu" && x.Location is not null).Id;
        await using (var edit = Db.Factory.CreateDbContext())
        {
            var station = await edit.Stations.SingleAsync(x => x.Id == misplaced);
            (station.Latitude, station.Longitude) = (inBeizhan.Y, inBeizhan.X);
            await edit.SaveChangesAsync();
        }
        await Db.Store.LoadAsync(LegalServiceMap.Web.Data.DataPart.Stations);

        var job = await RunAsync(imports, DistrictJobKind.Boundaries, file, new DistrictJobSettings(StoredBoundary.Street, NameProperty: "NAME"));
        Assert.Equal(DistrictJobState.Done, job.State);
        Assert.Equal(14, job.Summary!.Areas);
        Assert.Empty(job.Summary.UnknownAreas);
        Assert.Equal(LegalServiceMap.Core.Stations.StreetTown.All.Select(s => s.NameZh).Order(), job.Summary.AreaNames.Order());
        Assert.Equal(14, Db.State.Current.Boundaries.Streets.Count);
        Assert.True(job.Summary.StreetsChecked);
        Assert.Equal(Math.Min(job.Summary.MismatchCount, 50), job.Summary.Mismatches.Count); // the first 50 are listed
        Assert.Contains(new MismatchRow(misplaced, "jiangninglu", "beizhan"), job.Summary.Mismatches);

        var notJson = await WriteAsync("streets.geojson", "name,lat,lng\n江宁路,31.2,121.4\n"u8.ToArray());
        job = await RunAsync(imports, DistrictJobKind.Boundaries, notJson, new DistrictJobSettings(StoredBoundary.Street));
        Assert.Equal((DistrictJobState.Failed, "District_Error_NotGeoJson"), (job.State, job.Error));
        var noPolygons = await WriteAsync("points.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Point","coordinates":[121.4,31.2]}}]}"""u8.ToArray());
        job = await RunAsync(imports, DistrictJobKind.Boundaries, noPolygons, new DistrictJobSettings(StoredBoundary.Street));
        Assert.Equal((DistrictJobState.Failed, "District_Error_NoAreas"), (job.State, job.Error));
        Assert.Equal(14, Db.State.Current.Boundaries.Streets.Count);
    }

    [SkippableFact]
    public async Task ADistrictOutlineInGcj02_IsStoredInWgs84()
    {
        Skip.IfNot(Repository.SharedDataPresent(), "../shared/data is not present on this machine");
        var imports = Start();
        // DataV's outline of 静安区 is GCJ-02; the ODbL outline is WGS-84. Read as GCJ-02 they meet; read as WGS-84 they are ~470 m apart.
        Geometry Reference() { using var s = File.OpenRead(Shared("gantai__Electronic_industry_CN_Map", "jingan_outline_wgs84.geojson")); return GeoJson.ReadAreas(s).Single().Geometry; }
        var reference = Reference().Centroid;
        double OffsetMetres()
        {
            var centre = Db.State.Current.Boundaries.District!.Centroid;
            return new GeoPoint(reference.Y, reference.X).DistanceTo(new GeoPoint(centre.Y, centre.X));
        }

        var job = await RunAsync(imports, DistrictJobKind.Boundaries, Shared("tnnevol__gmap", "310106.json"), new DistrictJobSettings(StoredBoundary.District, Gcj02: true));
        Assert.Equal(DistrictJobState.Done, job.State);
        Assert.Equal(["静安区"], job.Summary!.AreaNames);
        Assert.InRange(OffsetMetres(), 0, 150);

        job = await RunAsync(imports, DistrictJobKind.Boundaries, Shared("tnnevol__gmap", "310106.json"), new DistrictJobSettings(StoredBoundary.District, Gcj02: false));
        Assert.InRange(OffsetMetres(), 350, 700);
    }

    [Fact]
    public async Task AFileOverTheLimit_IsRefusedBeforeItIsSent()
    {
        Start();
        var cut = Render<DistrictPage>();
        cut.FindComponents<InputFile>()[1].UploadFiles(InputFileContent.CreateFromBinary(new byte[1024 * 1024 + 1], "big.geojson"));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Alert("1 MB")));
        Assert.Empty(await _imports!.RecentAsync());
        Assert.False(Directory.Exists(_uploads) && Directory.EnumerateFiles(_uploads).Any());
    }

    [Fact]
    public async Task AJobWhoseInstanceStopped_IsShownAsInterrupted_NotAsRunningForever()
    {
        var imports = Start();
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var db = Db.Factory.CreateDbContext())
        {
            db.DistrictImportJobs.Add(new DistrictImportJob
            {
                Id = Guid.NewGuid(), Kind = "network", FileName = "shanghai-latest.osm.pbf", StartedBy = "admin@example.org", QueuedAt = now.AddMinutes(-10),
                UpdatedAt = now - DistrictImports.Silence - TimeSpan.FromSeconds(1), State = "running", Phase = "reading", Done = 10, Total = 100,
            });
            db.DistrictImportJobs.Add(new DistrictImportJob
            {
                Id = Guid.NewGuid(), Kind = "boundaries", FileName = "streets.geojson", StartedBy = "admin@example.org", QueuedAt = now.AddMinutes(-1),
                UpdatedAt = now.AddSeconds(-DistrictImports.HeartbeatSeconds), State = "running", Phase = "reading", Done = 10, Total = 100,
            });
            await db.SaveChangesAsync();
        }
        var jobs = await imports.RecentAsync();
        Assert.Equal([(DistrictJobState.Running, (string?)null), (DistrictJobState.Interrupted, "District_Error_Interrupted")], jobs.Select(j => (j.State, j.Error)));
    }

    private sealed class UploadFolder(string path) : IDisposable
    {
        public void Dispose()
        {
            try { Directory.Delete(path, recursive: true); } catch (IOException) { }
        }
    }
}
