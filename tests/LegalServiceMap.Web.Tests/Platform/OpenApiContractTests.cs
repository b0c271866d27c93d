using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using LegalServiceMap.Web.Tests.Infrastructure;

namespace LegalServiceMap.Web.Tests.Platform;

/// <summary>
/// The OpenAPI document replayed against the app, as a contract fuzzer does: every operation named and summarised,
/// every request built from the document's own examples and boundaries answered with a status, media type and body the
/// document promises (bodies validated with JSON Schema), never a 5xx; values valid under the document are accepted and
/// values outside its ranges get the documented 400. The HTML form targets are not in the public document.
/// </summary>
public sealed class OpenApiContractTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private sealed record Operation(string Method, string Path, JsonElement Body);

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => m.Name is "get" or "post")
                .Select(m => new Operation(m.Name.ToUpperInvariant(), path.Name, m.Value)))
            .ToList();
    }

    private static IEnumerable<JsonElement> Parameters(Operation op) =>
        op.Body.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : [];

    private static string? Example(JsonElement parameter) =>
        parameter.TryGetProperty("example", out var e) ? e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText() : null;

    /// <summary>The request the document describes: path parameters and required ones from their examples, and
    /// <paramref name="with"/> on top (a null value leaves that parameter out).</summary>
    private static string Url(Operation op, IReadOnlyDictionary<string, string?>? with = null, bool allExamples = false)
    {
        var path = op.Path;
        var query = new List<string>();
        foreach (var p in Parameters(op))
        {
            var name = p.GetProperty("name").GetString()!;
            var required = p.TryGetProperty("required", out var r) && r.GetBoolean();
            var value = with is not null && with.TryGetValue(name, out var v) ? v : required || allExamples ? Example(p) : null;
            if (value is null) continue;
            if (p.GetProperty("in").GetString() == "path") path = path.Replace("{" + name + "}", Uri.EscapeDataString(value));
            else if (p.GetProperty("in").GetString() == "query") query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>Sends the request and checks the answer against the document: a documented status, a documented media
    /// type for it, a body its schema accepts, and no 5xx. Returns the status.</summary>
    private async Task<int> ReplayAsync(Operation op, string url, List<string> problems)
    {
        using var response = await factory.CreateClient().GetAsync(url);
        var status = (int)response.StatusCode;
        var where = $"{op.Method} {url} → {status}";
        if (status >= 500) { problems.Add($"{where}: a server error"); return status; }
        var responses = op.Body.GetProperty("responses");
        if (!responses.TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out var documented) && !responses.TryGetProperty("default", out documented))
        {
            problems.Add($"{where}: undocumented status (documented: {string.Join(", ", responses.EnumerateObject().Select(r => r.Name))})");
            return status;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!documented.TryGetProperty("content", out var content))
        {
            if (mediaType is not null && response.Content.Headers.ContentLength != 0) problems.Add($"{where}: a {mediaType} body where none is documented");
            return status;
        }
        if (mediaType is null || !content.TryGetProperty(mediaType, out var media))
        {
            problems.Add($"{where}: media type {mediaType ?? "(none)"} is not documented ({string.Join(", ", content.EnumerateObject().Select(c => c.Name))})");
            return status;
        }
        if (mediaType.EndsWith("json", StringComparison.Ordinal) && media.TryGetProperty("schema", out var schemaJson) && !schemaJson.TryGetProperty("$ref", out _))
        {
            var schema = JsonSchema.FromText(schemaJson.GetRawText());
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var result = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!result.IsValid)
            {
                var errors = result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? [];
                problems.Add($"{where}: the body does not match its schema: {string.Join("; ", errors.Take(3))}");
            }
        }
        return status;
    }

    [Fact]
    public async Task EveryOperation_HasAnIdASummaryAndADocumentedSuccessWithASchema_AndHtmlFormsAreNotInIt()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count >= 17, $"{operations.Count} operations");
        Assert.DoesNotContain(operations, o => !o.Path.StartsWith("/api/", StringComparison.Ordinal)); // no /staff/login, /staff/logout, /elder
        var ids = operations.Select(o => o.Body.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(operations, o => Assert.True(o.Body.TryGetProperty("summary", out var s) && s.GetString()!.Length > 10, $"{o.Method} {o.Path} has no summary"));
        foreach (var o in operations)
        {
            var successes = o.Body.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            Assert.True(successes.Count > 0, $"{o.Method} {o.Path} documents no success");
            Assert.All(successes, r => Assert.True(r.Value.TryGetProperty("content", out var c) && c.EnumerateObject().All(m => m.Value.TryGetProperty("schema", out _)),
                $"{o.Method} {o.Path} {r.Name} has no schema"));
            // Public operations say so; staff ones name the sign-in.
            Assert.True(o.Body.TryGetProperty("security", out _), $"{o.Method} {o.Path} says nothing of its security");
        }
        // Parameters are typed: numbers as numbers, with their ranges.
        var numeric = operations.SelectMany(Parameters).Where(p => p.GetProperty("name").GetString() is "lat" or "lng" or "minutes" or "k" or "limit").ToList();
        Assert.NotEmpty(numeric);
        Assert.All(numeric, p => Assert.True(p.GetProperty("schema").GetProperty("type").GetString() is "number" or "integer"
            && p.GetProperty("schema").TryGetProperty("minimum", out _) && p.GetProperty("schema").TryGetProperty("maximum", out _), p.GetRawText()));
    }

    [Fact]
    public async Task EveryGetOperation_ReplayedFromItsExamples_AnswersAsTheDocumentSays()
    {
        var problems = new List<string>();
        var replayed = 0;
        foreach (var op in (await OperationsAsync()).Where(o => o.Method == "GET"))
        {
            foreach (var url in new[] { Url(op), Url(op, allExamples: true) }.Distinct())
            {
                replayed++;
                var status = await ReplayAsync(op, url, problems);
                // Staff doors answer 401 to no sign-in; the status look-up's example secret is not a real one (404).
                var allowed = op.Path.StartsWith("/api/staff/", StringComparison.Ordinal) ? 401 : op.Path.StartsWith("/api/submissions/", StringComparison.Ordinal) ? 404 : 200;
                if (status != allowed) problems.Add($"GET {url} → {status}: the document's own example should be answered with {allowed}");
            }
        }
        Assert.True(replayed >= 24, $"{replayed} requests");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task ValuesAtTheDocumentsBoundaries_AreAccepted_AndValuesBeyondThemGetTheDocumented400()
    {
        var problems = new List<string>();
        var tried = 0;
        foreach (var op in (await OperationsAsync()).Where(o => o.Method == "GET" && !o.Path.StartsWith("/api/staff/", StringComparison.Ordinal) && !o.Path.Contains('{')))
        {
            foreach (var p in Parameters(op).Where(p => p.GetProperty("in").GetString() == "query"))
            {
                var name = p.GetProperty("name").GetString()!;
                var schema = p.GetProperty("schema");
                var inRange = new List<string>();
                var outOfRange = new List<string>();
                if (schema.TryGetProperty("minimum", out var min) && schema.TryGetProperty("maximum", out var max))
                {
                    var integer = schema.GetProperty("type").GetString() == "integer";
                    double lo = double.Parse(min.GetRawText(), CultureInfo.InvariantCulture), hi = double.Parse(max.GetRawText(), CultureInfo.InvariantCulture);
                    string F(double v) => v.ToString(integer ? "0" : "0.######", CultureInfo.InvariantCulture);
                    // A point at the edge of the world is valid but off any street: only counts and minutes are checked for acceptance.
                    if (name is not ("lat" or "lng")) inRange.AddRange([F(lo), F(hi)]);
                    outOfRange.AddRange([F(lo - 1), F(hi + 1), "abc"]);
                }
                if (schema.TryGetProperty("enum", out var values)) inRange.AddRange(values.EnumerateArray().Select(v => v.GetString()!));
                if (schema.TryGetProperty("enum", out _)) outOfRange.Add("not-a-value");
                if (schema.TryGetProperty("pattern", out var pattern) && Example(p) is { } example)
                {
                    Assert.Matches(new Regex(pattern.GetString()!), example); // the document's example obeys its own pattern
                    inRange.Add(example);
                }
                if (schema.TryGetProperty("maxLength", out var maxLength)) outOfRange.Add(new string('a', maxLength.GetInt32() + 1));

                foreach (var value in inRange)
                {
                    tried++;
                    var url = Url(op, new Dictionary<string, string?> { [name] = value });
                    var status = await ReplayAsync(op, url, problems);
                    if (status == 400) problems.Add($"GET {url} → 400 although {name}={value} is valid under the document");
                }
                foreach (var value in outOfRange)
                {
                    tried++;
                    var url = Url(op, new Dictionary<string, string?> { [name] = value });
                    var status = await ReplayAsync(op, url, problems);
                    if (status != 400) problems.Add($"GET {url} → {status}: {name}={value} is outside the document, so 400");
                }
            }
        }
        Assert.True(tried >= 60, $"only {tried} requests");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
