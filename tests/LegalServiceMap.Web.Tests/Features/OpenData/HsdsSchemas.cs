using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace LegalServiceMap.Web.Tests.Features.OpenData;

/// <summary>
/// The official Open Referral HSDS 3.0 schemas (copied unchanged into HsdsSchemas/, with their licence), built into one
/// registry so their relative <c>$ref</c>s resolve; formats (uuid, date-time, uri, email) are checked, not only noted.
/// </summary>
public static class HsdsSchemas
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Features", "OpenData", "HsdsSchemas");
    private static readonly Uri Base = new("https://schemas.test/hsds/3.0/");
    private static readonly Lazy<(SchemaRegistry Registry, Dictionary<string, JsonSchema> ByName)> Built = new(Build);

    private static (SchemaRegistry, Dictionary<string, JsonSchema>) Build()
    {
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 }; // HSDS adds keywords of its own (name, constraints…)
        var files = Directory.GetFiles(Folder, "*.json").Where(f => Path.GetFileName(f) is not ("openapi.json" or "datapackage.json"))
            .Concat(Directory.GetFiles(Path.Combine(Folder, "compiled"), "*.json")).ToList();
        var byName = new Dictionary<string, JsonSchema>();
        // A schema is built once everything it refers to is registered; the files form no cycle.
        var pending = files.ToList();
        string? last = null;
        while (pending.Count > 0)
        {
            var progress = false;
            foreach (var file in pending.ToList())
            {
                var name = Path.GetRelativePath(Folder, file).Replace('\\', '/');
                try
                {
                    var schema = JsonSchema.FromText(File.ReadAllText(file), options, new Uri(Base, name));
                    registry.Register(new Uri(Base, name), schema);
                    byName[name] = schema;
                    pending.Remove(file);
                    progress = true;
                }
                catch (Exception e) when (e is RefResolutionException or JsonSchemaException or InvalidOperationException)
                {
                    last = e.Message;
                    // a reference not registered yet: next round
                }
            }
            if (!progress) throw new InvalidOperationException("HSDS schemas could not be built: " + string.Join(", ", pending.Select(Path.GetFileName)) + ": " + last);
        }
        return (registry, byName);
    }

    /// <summary>The Page object of HSDS's openapi.json (components/schemas/Page), with every page field required.</summary>
    public static JsonSchema Page { get; } = BuildPage();

    private static JsonSchema BuildPage()
    {
        var openapi = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "openapi.json")))!;
        var page = openapi["components"]!["schemas"]!["Page"]!.DeepClone().AsObject();
        page["required"] = new JsonArray([.. page["properties"]!.AsObject().Select(p => (JsonNode)JsonValue.Create(p.Key)), JsonValue.Create("contents")]);
        return JsonSchema.FromText(page.ToJsonString());
    }

    public static JsonDocument DataPackage() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "datapackage.json")));

    /// <summary>The errors of <paramref name="instance"/> under the named schema ("service.json", "compiled/service_list.json"…); none when valid.</summary>
    public static IReadOnlyList<string> Errors(string schema, JsonElement instance) => Errors(Built.Value.ByName[schema], instance, Built.Value.Registry);

    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonElement instance, SchemaRegistry? registry = null)
    {
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid) return [];
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    /// <summary>Where the JSON has a null (HSDS answers leave an unknown optional field out).</summary>
    public static IEnumerable<string> Nulls(JsonElement e, string at = "")
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null: yield return at; break;
            case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) foreach (var n in Nulls(p.Value, $"{at}/{p.Name}")) yield return n; break;
            case JsonValueKind.Array: var i = 0; foreach (var item in e.EnumerateArray()) foreach (var n in Nulls(item, $"{at}/{i++}")) yield return n; break;
        }
    }
}
