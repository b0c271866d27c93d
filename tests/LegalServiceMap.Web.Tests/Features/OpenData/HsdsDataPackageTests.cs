using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Features.Staff.Accounts;
using LegalServiceMap.Web.Features.Stations;
using LegalServiceMap.Web.Tests.Features.Staff.Accounts;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.OpenData;

/// <summary>
/// The staff's HSDS export, read as a Frictionless validator reads a tabular datapackage: every table we write is one of
/// the specification's datapackage.json with the same path, columns, types, formats and required flags; every CSV's header
/// is those columns; every cell has its type (UUIDs, numbers, dates, times, datetimes, enums) and every required cell a
/// value; every reference to another table finds its row; and the rows are the API's records.
/// </summary>
public sealed partial class HsdsDataPackageTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string Editor = "hsds-editor@example.org", Password = "a long enough passphrase";

    public async Task InitializeAsync() =>
        Assert.True((await StaffAuthentication.CreateAccountAsync(factory.Services, Editor, Password, StaffRoles.Editor)).Ok);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Dictionary<string, string>> ExportAsync()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await StaffAccessTests.SignInAsync(client, Editor, Password);
        using var response = await client.GetAsync("/api/staff/export?format=hsds");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^jingan-legal-services-hsds-\d{8}\.zip$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        return zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd());
    }

    [Fact]
    public async Task TheDatapackage_IsValidUnderTheSpecificationsOwnDatapackage()
    {
        var files = await ExportAsync();
        using var ours = JsonDocument.Parse(files["datapackage.json"]);
        using var official = HsdsSchemas.DataPackage();
        Assert.Equal("tabular-data-package", ours.RootElement.GetProperty("profile").GetString());
        var officialTables = official.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        var rowsByTable = new Dictionary<string, List<Dictionary<string, string>>>();
        var problems = new List<string>();
        foreach (var resource in ours.RootElement.GetProperty("resources").EnumerateArray())
        {
            var name = resource.GetProperty("name").GetString()!;
            Assert.True(officialTables.TryGetValue(name, out var spec), $"{name} is not an HSDS table");
            Assert.Equal(spec.GetProperty("path").GetString(), resource.GetProperty("path").GetString());
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            var specFields = spec.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(specFields.Select(Describe), fields.Select(Describe));

            var missing = resource.GetProperty("schema").TryGetProperty("missingValues", out var mv) ? mv.EnumerateArray().Select(v => v.GetString()!).ToHashSet() : [""];
            var table = ReadCsv(files[resource.GetProperty("path").GetString()!]);
            Assert.Equal(specFields.Select(f => f.GetProperty("name").GetString()!), table.Header);
            rowsByTable[name] = table.Rows;
            foreach (var (row, index) in table.Rows.Select((r, i) => (r, i + 2)))
            {
                foreach (var field in specFields)
                {
                    var column = field.GetProperty("name").GetString()!;
                    var cell = row[column];
                    var where = $"{name} line {index} {column} '{cell}'";
                    var constraints = field.TryGetProperty("constraints", out var c) ? c : default;
                    var required = constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("required", out var r) && r.GetBoolean();
                    if (missing.Contains(cell))
                    {
                        if (required) problems.Add($"{where}: required");
                        continue;
                    }
                    if (!CellIsValid(field, cell)) problems.Add($"{where}: not a {field.GetProperty("type").GetString()}");
                    if (constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.GetString() == cell))
                        problems.Add($"{where}: not one of the allowed values");
                }
            }
        }
        Assert.Empty(problems);

        // References between tables hold, and the rows are every station's.
        var stations = factory.Services.GetRequiredService<StationQueries>().Catalog.All;
        Assert.Equal(stations.Count, rowsByTable["service"].Count);
        Assert.Equal(stations.Count, rowsByTable["organization"].Count);
        Assert.Equal(stations.Count(s => s.Location is not null), rowsByTable["location"].Count);
        void References(string table, string column, string target)
        {
            var ids = rowsByTable[target].Select(r => r["id"]).ToHashSet();
            Assert.All(rowsByTable[table].Where(r => r[column] != ""), r => Assert.Contains(r[column], ids));
        }
        References("service", "organization_id", "organization");
        References("service_at_location", "service_id", "service");
        References("service_at_location", "location_id", "location");
        References("schedule", "service_id", "service");
        References("phone", "service_id", "service");
        References("address", "location_id", "location");
        References("attribute", "taxonomy_term_id", "taxonomy_term");
        References("taxonomy_term", "taxonomy_id", "taxonomy");
        var all = rowsByTable.Values.SelectMany(rows => rows).Select(r => r["id"]).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        // Times as the Table Schema writes them, the offset in its own column.
        Assert.All(rowsByTable["schedule"], s => Assert.Equal("8", s["timezone"]));
        Assert.Contains(rowsByTable["address"], a => a["state_province"] == "上海市" && a["postal_code"] == "");
    }

    private static string Describe(JsonElement field)
    {
        var required = field.TryGetProperty("constraints", out var c) && c.TryGetProperty("required", out var r) && r.GetBoolean();
        return $"{field.GetProperty("name").GetString()}:{field.GetProperty("type").GetString()}:{(field.TryGetProperty("format", out var f) ? f.GetString() : "")}:{required}";
    }

    private static bool CellIsValid(JsonElement field, string cell)
    {
        var format = field.TryGetProperty("format", out var f) ? f.GetString() : null;
        return field.GetProperty("type").GetString() switch
        {
            "number" => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "date" => DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "time" => TimeOnly.TryParseExact(cell, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "datetime" => DateTime.TryParseExact(cell, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _),
            _ => format switch
            {
                "uuid" => Guid.TryParseExact(cell, "D", out _),
                "uri" => Uri.TryCreate(cell, UriKind.Absolute, out _),
                "email" => cell.Contains('@'),
                _ => true,
            },
        };
    }

    private sealed record Csv(List<string> Header, List<Dictionary<string, string>> Rows);

    /// <summary>RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks.</summary>
    private static Csv ReadCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { record.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { }
            else if (ch == '\n') { record.Add(cell.ToString()); cell.Clear(); records.Add(record); record = []; }
            else cell.Append(ch);
        }
        Assert.Empty(cell.ToString());
        var header = records[0];
        Assert.All(records, r => Assert.Equal(header.Count, r.Count));
        return new Csv(header, records.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList());
    }
}
