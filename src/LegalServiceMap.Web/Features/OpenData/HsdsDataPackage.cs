using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Web.Features.OpenData;

/// <summary>
/// Every station as an HSDS 3.0 tabular datapackage: a zip of <c>datapackage.json</c> and one CSV per table, with the
/// tables, paths, columns, types and required flags of the specification's own datapackage.json (the tables we have data
/// for). The rows are the same records the API answers (<see cref="Hsds"/>), flattened; only two things differ from the
/// JSON, as the Table Schema types ask: times are <c>HH:MM:SS</c> with the offset in <c>timezone</c> (8), and datetimes
/// are UTC. Addresses declare no missing values: their postal code is not on record and is written empty (docs/hsds.md).
/// </summary>
public static class HsdsDataPackage
{
    private sealed record Field(string Name, string Type, string? Format, bool Required);

    private sealed record Table(string Name, string Path, string Spec, bool EmptyIsAValue = false)
    {
        public IReadOnlyList<Field> Fields { get; } = Spec.Split(' ').Select(f =>
        {
            var required = f.EndsWith('!');
            var parts = f.TrimEnd('!').Split(':');
            return new Field(parts[0], parts[1], parts.Length > 2 ? parts[2] : null, required);
        }).ToList();
    }

    // The tables of HSDS 3.0's datapackage.json that we fill, each with all its columns in the specification's order.
    private static readonly Table[] Tables =
    [
        new("organization", "organizations.csv", "id:string:uuid! name:string! alternate_name:string description:string! email:string:email website:string:uri tax_status:string tax_id:string year_incorporated:number legal_status:string logo:string uri:string:uri parent_organization_id:string:uuid"),
        new("service", "services.csv", "id:string:uuid! organization_id:string:uuid! program_id:string:uuid name:string! alternate_name:string description:string url:string:uri email:string:email status:string! interpretation_services:string application_process:string fees_description:string wait_time:string fees:string accreditations:string eligibility_description:string minimum_age:number maximum_age:number assured_date:date assurer_email:string:email licenses:string alert:string last_modified:datetime"),
        new("attribute", "attributes.csv", "id:string:uuid! link_id:string:uuid! taxonomy_term_id:string:uuid! link_type:string link_entity:string! value:string"),
        new("service_at_location", "service_at_location.csv", "id:string:uuid! service_id:string:uuid! location_id:string:uuid! description:string"),
        new("location", "locations.csv", "id:string:uuid! location_type:string! url:string:uri organization_id:string:uuid name:string alternate_name:string description:string transportation:string latitude:number longitude:number external_identifier:string external_identifier_type:string"),
        new("phone", "phones.csv", "id:string:uuid! location_id:string:uuid service_id:string:uuid organization_id:string:uuid contact_id:string:uuid service_at_location_id:string:uuid number:string! extension:number type:string description:string"),
        new("address", "addresses.csv", "id:string:uuid! location_id:string:uuid attention:string address_1:string! address_2:string city:string! region:string state_province:string! postal_code:string! country:string! address_type:string!", EmptyIsAValue: true),
        new("schedule", "schedules.csv", "id:string:uuid! service_id:string:uuid location_id:string:uuid service_at_location_id:string:uuid valid_from:date valid_to:date dtstart:date timezone:number until:date count:number wkst:string freq:string interval:number byday:string byweekno:string bymonthday:string byyearday:string description:string opens_at:time closes_at:time schedule_link:string:uri attending_type:string notes:string"),
        new("language", "languages.csv", "id:string:uuid! service_id:string:uuid location_id:string:uuid phone_id:string:uuid name:string code:string note:string"),
        new("accessibility", "accessibility.csv", "id:string:uuid! location_id:string:uuid description:string details:string url:string:uri"),
        new("taxonomy_term", "taxonomy_terms.csv", "id:string:uuid! code:string name:string! description:string! parent_id:string:uuid taxonomy:string language:string taxonomy_id:string:uuid term_uri:string:uri"),
        new("taxonomy", "taxonomies.csv", "id:string:uuid! name:string! description:string! uri:string:uri version:string"),
    ];

    public static async Task WriteAsync(Stream output, Hsds hsds, IReadOnlyList<Station> stations, CancellationToken ct)
    {
        var services = stations.Select(hsds.Service).ToList();
        var locations = stations.Select(s => hsds.Location(s)).OfType<HsdsLocation>().ToList();
        var rows = new Dictionary<string, IEnumerable<object>>
        {
            ["organization"] = stations.Select(s => hsds.Organization(s)),
            ["service"] = services,
            ["attribute"] = services.SelectMany(s => s.Attributes ?? []).Concat(locations.SelectMany(l => l.Attributes ?? [])),
            ["service_at_location"] = stations.Where(s => s.Location is not null).Select(s => hsds.ServiceAtLocation(s, nested: false)),
            ["location"] = locations,
            ["phone"] = services.SelectMany(s => s.Phones ?? []),
            ["address"] = locations.SelectMany(l => l.Addresses ?? []),
            ["schedule"] = services.SelectMany(s => s.Schedules ?? []),
            ["language"] = services.SelectMany(s => s.Languages ?? []).Concat(locations.SelectMany(l => l.Languages ?? [])),
            ["accessibility"] = locations.SelectMany(l => l.Accessibility ?? []),
            ["taxonomy_term"] = hsds.Terms(),
            ["taxonomy"] = hsds.Taxonomies(),
        };

        // The zip is built in memory (a few hundred KB for thousands of stations): ZipArchive writes synchronously.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var table in Tables)
            {
                using var writer = new StreamWriter(zip.CreateEntry(table.Path, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                await writer.WriteAsync(Csv(table, rows[table.Name]));
            }
            await using var descriptor = zip.CreateEntry("datapackage.json", CompressionLevel.Optimal).Open();
            await JsonSerializer.SerializeAsync(descriptor, Descriptor(), DescriptorJson, ct);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    // The Frictionless descriptor's own names are camelCase (primaryKey, missingValues), unlike HSDS's fields.
    private static readonly JsonSerializerOptions DescriptorJson = new(HsdsJson.Options) { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    private static object Descriptor() => new
    {
        name = "jingan-legal-services",
        title = "Jing'an District public legal services (静安区公共法律服务)",
        profile = "tabular-data-package",
        version = Hsds.Version + ".0",
        resources = Tables.Select(t => new
        {
            name = t.Name, path = t.Path, profile = "tabular-data-resource", format = "csv", mediatype = "text/csv", encoding = "utf-8",
            schema = new
            {
                fields = t.Fields.Select(f => new { name = f.Name, type = f.Type, format = f.Format, constraints = new { required = f.Required } }),
                primaryKey = "id",
                missingValues = t.EmptyIsAValue ? Array.Empty<string>() : [""],
            },
        }),
    };

    private static string Csv(Table table, IEnumerable<object> records)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Fields.Select(f => f.Name)).Append("\r\n");
        foreach (var record in records)
        {
            var json = JsonSerializer.SerializeToElement(record, record.GetType(), HsdsJson.Options);
            text.AppendJoin(',', table.Fields.Select(f => Quote(Cell(f, json)))).Append("\r\n");
        }
        return text.ToString();
    }

    /// <summary>A record's value for a column, as the column's Table Schema type writes it; empty when absent.</summary>
    private static string Cell(Field field, JsonElement record)
    {
        if (!record.TryGetProperty(field.Name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array) return "";
        var raw = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return field.Type switch
        {
            "time" => raw.Length >= 5 ? raw[..5] + ":00" : raw, // 09:00+08:00 → 09:00:00; the offset is in timezone
            "datetime" => DateTimeOffset.Parse(raw, CultureInfo.InvariantCulture).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            _ => raw,
        };
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
