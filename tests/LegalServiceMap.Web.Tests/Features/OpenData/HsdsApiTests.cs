using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Web.Features.OpenData;
using LegalServiceMap.Web.Features.Stations;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.OpenData;

/// <summary>
/// The HSDS 3.0 API read as an Open Referral consumer reads it: every page and every record of every kind validated
/// against the official schemas with no error, nothing null, ids UUIDs that do not change, filters and paging as HSDS's
/// openapi.json names them, open to any origin, and bad input a 400 problem+json.
/// </summary>
public sealed class HsdsApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private IReadOnlyList<Station> Stations => factory.Services.GetRequiredService<StationQueries>().Catalog.All;

    private async Task<JsonElement> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url} → {(int)response.StatusCode}: {body}");
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        }
        else Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every item of a list, read page by page as a consumer does, each page checked against HSDS's Page.</summary>
    private async Task<List<JsonElement>> AllPagesAsync(string path, string schema, int perPage = 10)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = await GetAsync($"{path}{(path.Contains('?') ? '&' : '?')}page={page}&per_page={perPage}");
            Assert.Empty(HsdsSchemas.Errors(HsdsSchemas.Page, answer));
            Assert.Empty(HsdsSchemas.Nulls(answer));
            Assert.Equal(page, answer.GetProperty("page_number").GetInt32());
            Assert.Equal(page == 1, answer.GetProperty("first_page").GetBoolean());
            var contents = answer.GetProperty("contents").EnumerateArray().ToList();
            Assert.Equal(contents.Count, answer.GetProperty("size").GetInt32());
            foreach (var item in contents) Assert.Empty(HsdsSchemas.Errors(schema, item));
            items.AddRange(contents);
            var total = answer.GetProperty("total_items").GetInt32();
            Assert.Equal((total + perPage - 1) / perPage, answer.GetProperty("total_pages").GetInt32());
            Assert.Equal(total == 0, answer.GetProperty("empty").GetBoolean());
            if (answer.GetProperty("last_page").GetBoolean())
            {
                Assert.Equal(total, items.Count);
                return items;
            }
            Assert.Equal(perPage, contents.Count);
        }
    }

    [Fact]
    public async Task Root_NamesTheVersionTheProfileAndTheOpenApiDocument()
    {
        var root = await GetAsync("/api/hsds/");
        Assert.Equal("3.0", root.GetProperty("version").GetString());
        var openapi = new Uri(root.GetProperty("openapi_url").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(openapi.PathAndQuery)).StatusCode);
        var profile = await GetAsync(new Uri(root.GetProperty("profile").GetString()!).PathAndQuery);
        Assert.Contains("lsm-station-type", profile.GetProperty("taxonomies").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task EveryService_InTheListAndFullyNested_IsValidUnderTheOfficialSchemas()
    {
        var list = await AllPagesAsync("/api/hsds/services", "compiled/service_list.json");
        Assert.Equal(Stations.Count, list.Count);
        foreach (var summary in list)
        {
            var id = summary.GetProperty("id").GetString()!;
            var service = await GetAsync($"/api/hsds/services/{id}");
            Assert.Empty(HsdsSchemas.Errors("service.json", service));
            Assert.Empty(HsdsSchemas.Nulls(service));
            Assert.Equal(summary.GetProperty("name").GetString(), service.GetProperty("name").GetString());
            Assert.True(service.GetProperty("attributes").GetArrayLength() >= 1, "the station type is an attribute");
        }
    }

    [Fact]
    public async Task AService_CarriesWhatWeKnow_InHsdsForm()
    {
        var notary = Stations.Single(s => s.Id == "notary-jingan");
        var service = await GetAsync($"/api/hsds/services/{Hsds.ServiceId(notary.Id)}");
        Assert.Equal(notary.NameZh, service.GetProperty("name").GetString());
        Assert.Equal(notary.NameEn, service.GetProperty("alternate_name").GetString());
        Assert.Equal("active", service.GetProperty("status").GetString());
        Assert.False(service.TryGetProperty("assured_date", out _), "not verified yet: no assured_date");
        var type = service.GetProperty("attributes").EnumerateArray().Single();
        Assert.Equal("notary", type.GetProperty("value").GetString());
        Assert.Equal("公证", type.GetProperty("taxonomy_term").GetProperty("name").GetString().AsSpan(0, 2).ToString());

        // Schedules: HH:MM with the offset; every weekday with the same hours in one schedule.
        var withHours = Stations.First(s => s.Hours.Count > 0 && s.Location is not null);
        var nested = await GetAsync($"/api/hsds/services/{Hsds.ServiceId(withHours.Id)}");
        var schedules = nested.GetProperty("schedules").EnumerateArray().ToList();
        Assert.NotEmpty(schedules);
        Assert.All(schedules, s =>
        {
            Assert.Matches(new Regex(@"^\d\d:\d\d\+08:00$"), s.GetProperty("opens_at").GetString());
            Assert.Matches(new Regex(@"^\d\d:\d\d\+08:00$"), s.GetProperty("closes_at").GetString());
            Assert.Equal("WEEKLY", s.GetProperty("freq").GetString());
        });
        // Together the schedules say exactly the station's weekly hours (a day with a lunch break is in two of them).
        var said = schedules.SelectMany(s => s.GetProperty("byday").GetString()!.Split(',')
            .Select(d => $"{d} {s.GetProperty("opens_at").GetString()![..5]}-{s.GetProperty("closes_at").GetString()![..5]}")).Order().ToList();
        Assert.Equal(withHours.Hours.Select(h => $"{h.Day.ToString()[..2].ToUpperInvariant()} {h.Opens:HH:mm}-{h.Closes:HH:mm}").Order().ToList(), said);

        // Where: the location with its point and, when known, its address in Shanghai.
        var withAddress = Stations.First(s => s.AddressZh is not null && s.Location is not null);
        var located = await GetAsync($"/api/hsds/services/{Hsds.ServiceId(withAddress.Id)}");
        var location = located.GetProperty("service_at_locations")[0].GetProperty("location");
        Assert.Equal(Math.Round(withAddress.Latitude!.Value, 6), location.GetProperty("latitude").GetDouble());
        var address = location.GetProperty("addresses")[0];
        Assert.Equal("上海市", address.GetProperty("state_province").GetString());
        Assert.Equal("静安区", address.GetProperty("region").GetString());
        Assert.Equal(withAddress.AddressZh, address.GetProperty("address_1").GetString());
    }

    [Fact]
    public async Task Ids_AreUuids_DerivedFromTheStationIds_SoTheyNeverChange()
    {
        // Pinned: a consumer that stored this id must find the same service in every later release.
        Assert.Equal(StableUuid.Of("hsds/service/notary-jingan"), Hsds.ServiceId("notary-jingan"));
        Assert.Equal(PinnedNotaryService, Hsds.ServiceId("notary-jingan").ToString());
        var ids = Stations.SelectMany(s => new[] { Hsds.ServiceId(s.Id), Hsds.OrganizationId(s.Id), Hsds.LocationId(s.Id), Hsds.ServiceAtLocationId(s.Id) }).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    /// <summary>The service id of the Jing'an notary office, as first published.</summary>
    private const string PinnedNotaryService = "1639a7a5-f5d7-5566-9f3d-e23a76c30e73";

    [Fact]
    public async Task Organizations_ServicesAtLocations_AndTaxonomies_AreValid_ListAndSingle()
    {
        foreach (var org in await AllPagesAsync("/api/hsds/organizations", "compiled/organization_list.json", perPage: 20))
        {
            var one = await GetAsync($"/api/hsds/organizations/{org.GetProperty("id").GetString()}");
            Assert.Empty(HsdsSchemas.Errors("organization.json", one));
            Assert.Empty(HsdsSchemas.Nulls(one));
            Assert.False(string.IsNullOrWhiteSpace(one.GetProperty("description").GetString()));
        }
        var placed = await AllPagesAsync("/api/hsds/service_at_locations", "compiled/service_at_location_list.json", perPage: 20);
        Assert.Equal(Stations.Count(s => s.Location is not null), placed.Count);
        var first = await GetAsync($"/api/hsds/service_at_locations/{placed[0].GetProperty("id").GetString()}");
        Assert.Empty(HsdsSchemas.Errors("service_at_location.json", first));

        var taxonomies = await AllPagesAsync("/api/hsds/taxonomies", "taxonomy.json");
        Assert.Equal(2, taxonomies.Count);
        var terms = await AllPagesAsync("/api/hsds/taxonomy_terms", "taxonomy_term.json");
        Assert.Equal(StationTypes.All.Count + Enum.GetValues<LocationTier>().Length, terms.Count);
        var term = await GetAsync($"/api/hsds/taxonomy_terms/{terms[0].GetProperty("id").GetString()}");
        Assert.Empty(HsdsSchemas.Errors("taxonomy_term.json", term));
        Assert.Equal("lsm-station-type", term.GetProperty("taxonomy_detail").GetProperty("name").GetString() is { } n && n.Length > 0 ? term.GetProperty("taxonomy").GetString() : null);
    }

    [Fact]
    public async Task TheTypes_AreATaxonomyInChineseAndEnglish()
    {
        var id = Hsds.TermId(Hsds.TypesTaxonomy, "legal-aid");
        var zh = await GetAsync($"/api/hsds/taxonomy_terms/{id}");
        var en = await GetAsync($"/api/hsds/taxonomy_terms/{id}?lang=en");
        Assert.Equal("法律援助", zh.GetProperty("name").GetString());
        Assert.Equal("zh-CN", zh.GetProperty("language").GetString());
        Assert.Equal("Legal aid", en.GetProperty("name").GetString());
        Assert.Equal("en", en.GetProperty("language").GetString());
        // English names come first in English, the Chinese one stays as the alternate name.
        var notary = Stations.Single(s => s.Id == "notary-jingan");
        var service = await GetAsync($"/api/hsds/services/{Hsds.ServiceId(notary.Id)}?lang=en");
        Assert.Equal(notary.NameEn, service.GetProperty("name").GetString());
        Assert.Equal(notary.NameZh, service.GetProperty("alternate_name").GetString());
    }

    [Fact]
    public async Task Filters_ByTerm_Organization_Text_AndProximity()
    {
        var notaries = Stations.Where(s => s.Type == StationType.Notary).Select(s => Hsds.ServiceId(s.Id).ToString()).Order().ToList();
        var byTerm = await AllPagesAsync($"/api/hsds/services?taxonomy_term_id={Hsds.TermId(Hsds.TypesTaxonomy, "notary")}", "compiled/service_list.json");
        Assert.Equal(notaries, byTerm.Select(s => s.GetProperty("id").GetString()!).Order().ToList());

        var station = Stations.First(s => s.Location is not null && s.Type == StationType.JudicialOffice);
        var byOrganization = await AllPagesAsync($"/api/hsds/services?organization_id={Hsds.OrganizationId(station.Id)}", "compiled/service_list.json");
        Assert.Equal(Hsds.ServiceId(station.Id).ToString(), Assert.Single(byOrganization).GetProperty("id").GetString());

        var byText = await AllPagesAsync($"/api/hsds/services?search={Uri.EscapeDataString(station.NameZh)}", "compiled/service_list.json");
        Assert.Contains(byText, s => s.GetProperty("id").GetString() == Hsds.ServiceId(station.Id).ToString());
        Assert.True(byText.Count < Stations.Count);
        var sameByQ = await AllPagesAsync($"/api/hsds/services?q={Uri.EscapeDataString(station.NameZh)}", "compiled/service_list.json");
        Assert.Equal(byText.Count, sameByQ.Count);

        // Nearest first, and only within the distance asked for.
        var at = station.Location!.Value;
        var near = await AllPagesAsync($"/api/hsds/services?lat={at.Latitude}&lng={at.Longitude}&proximity=1000", "compiled/service_list.json");
        Assert.Equal(Hsds.ServiceId(station.Id).ToString(), near[0].GetProperty("id").GetString());
        var within = Stations.Count(s => s.Location is { } p && p.DistanceTo(at) <= 1000);
        Assert.Equal(within, near.Count);
        Assert.True(within < Stations.Count(s => s.Location is not null));
    }

    [Fact]
    public Task LastModified_IsTheNewestAuditedChange_InShanghaiTime() => LastModifiedIsTheNewestAuditedChange(factory);

    /// <summary>The newest audited change of a station is its last_modified (grouped by the database, so both engines run it).</summary>
    internal static async Task LastModifiedIsTheNewestAuditedChange(AppFactory factory)
    {
        var client = factory.CreateClient();
        async Task<JsonElement> GetAsync(string url) => JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;
        var station = factory.Services.GetRequiredService<StationQueries>().Catalog.All.First(s => s.Id == "judicial-office-beizhan");
        var before = await GetAsync($"/api/hsds/services/{Hsds.ServiceId(station.Id)}");
        Assert.False(before.TryGetProperty("last_modified", out _), "seeded and never edited: no change on record");

        var at = new DateTimeOffset(2026, 11, 30, 2, 15, 0, TimeSpan.Zero);
        await using (var db = await factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<LegalServiceMap.Web.Data.AppDbContext>>().CreateDbContextAsync())
        {
            db.StationChanges.Add(new() { StationId = station.Id, ChangeSet = "test", At = at, User = "editor", Action = "update", Field = "phone" });
            db.StationChanges.Add(new() { StationId = station.Id, ChangeSet = "test", At = at.AddDays(-3), User = "editor", Action = "update", Field = "phone" });
            await db.SaveChangesAsync();
        }
        await factory.Services.GetRequiredService<LegalServiceMap.Web.Spatial.SpatialStore>().LoadAsync(LegalServiceMap.Web.Data.DataPart.Stations);
        var after = await GetAsync($"/api/hsds/services/{Hsds.ServiceId(station.Id)}");
        Assert.Equal(at, DateTimeOffset.Parse(after.GetProperty("last_modified").GetString()!));
        Assert.EndsWith("+08:00", after.GetProperty("last_modified").GetString());
        Assert.Empty(HsdsSchemas.Errors("service.json", after));
    }

    [Fact]
    public void TheSchemas_RefuseWhatTheOldExportWrote()
    {
        // The validator bites: slug ids, a null last_modified, an address without state_province and postal_code.
        var old = JsonDocument.Parse("""
            { "id": "svc-notary-jingan", "name": "静安公证处", "status": "active", "last_modified": null,
              "service_at_locations": [ { "id": "sal-x", "location": { "id": "loc-x", "location_type": "physical",
                "addresses": [ { "id": "a", "address_1": "x", "city": "上海市", "country": "CN", "address_type": "physical" } ] } } ] }
            """).RootElement;
        var errors = HsdsSchemas.Errors("service.json", old);
        Assert.Contains(errors, e => e.StartsWith("/id:"));
        Assert.Contains(errors, e => e.StartsWith("/last_modified:"));
        Assert.Contains(errors, e => e.Contains("/addresses/0") && e.Contains("required"));
    }

    [Theory]
    [InlineData("/api/hsds/services?page=0", "page")]
    [InlineData("/api/hsds/services?per_page=201", "per_page")]
    [InlineData("/api/hsds/services?per_page=ten", "per_page")]
    [InlineData("/api/hsds/services?taxonomy_term_id=notary", "taxonomy_term_id")]
    [InlineData("/api/hsds/services?lat=31.2", "lng")]
    [InlineData("/api/hsds/services?lat=31.2&lng=121.4&proximity=-5", "proximity")]
    [InlineData("/api/hsds/services?lang=fr", "lang")]
    [InlineData("/api/hsds/services/notary-jingan", "id")]
    [InlineData("/api/hsds/taxonomy_terms/%E9%9D%99", "id")]
    public async Task BadInput_IsA400ProblemNamingTheParameter(string url, string parameter)
    {
        var problem = await GetAsync(url, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    [Fact]
    public async Task AnUnknownId_IsA404Problem_AndAPageBeyondTheLast_IsEmptyButNotAnError()
    {
        await GetAsync($"/api/hsds/services/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await GetAsync($"/api/hsds/organizations/{Hsds.ServiceId("notary-jingan")}", HttpStatusCode.NotFound); // a service's id is not an organization's
        var beyond = await GetAsync("/api/hsds/services?page=999");
        Assert.Equal(0, beyond.GetProperty("size").GetInt32());
        Assert.True(beyond.GetProperty("last_page").GetBoolean());
        Assert.False(beyond.GetProperty("empty").GetBoolean());
    }
}

/// <summary>The HSDS API's last_modified on PostgreSQL (the newest change per station grouped by the database).</summary>
public sealed class HsdsApiOnPostgres(PostgresAppFactory postgres) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public Task LastModified_IsTheNewestAuditedChange_InShanghaiTime() => HsdsApiTests.LastModifiedIsTheNewestAuditedChange(postgres.App);
}
