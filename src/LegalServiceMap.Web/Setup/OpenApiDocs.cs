using LegalServiceMap.Web.Features.Staff.Accounts;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LegalServiceMap.Web.Setup;

/// <summary>
/// What the generated OpenAPI document (<c>/openapi/v1.json</c>) cannot know from the endpoints, which read every
/// parameter as text: each parameter's meaning, range, allowed values and an example (one table, by name, the same for
/// every endpoint), the problem+json errors each kind of endpoint can answer, the <c>Idempotency-Key</c> header of the
/// submission API, and the staff sign-in the staff endpoints need. The host app's guide is docs/host-app-integration.md.
/// </summary>
public static class OpenApiDocs
{
    public const string StaffScheme = "staffCookie";

    private sealed record Parameter(string Description, string? Example = null, string[]? Values = null);

    private static readonly string[] Systems = ["wgs84", "gcj02", "bd09"];

    private static readonly Dictionary<string, Parameter> Parameters = new()
    {
        ["lat"] = new("Latitude in degrees, -90 to 90, in the system named by `coord` (WGS-84 unless it says otherwise).", "31.2286"),
        ["lng"] = new("Longitude in degrees, -180 to 180, in the system named by `coord`.", "121.4586"),
        ["coord"] = new("The coordinate system of `lat`/`lng`: `wgs84` (default), `gcj02` (the host app and Chinese map providers) or `bd09`. Answers are always WGS-84.", "gcj02", Systems),
        ["from"] = new("The coordinate system of the point given.", "gcj02", Systems),
        ["to"] = new("The coordinate system to convert to.", "wgs84", Systems),
        ["minutes"] = new("Walking time in minutes, 1 to 60 (default 15).", "15"),
        ["speed"] = new("Walking pace: `normal` (5 km/h, default), `elder` (3.6 km/h) or km/h from 1 to 10.", "elder"),
        ["pace"] = new("Walking pace of the culture walk: `normal`, `elder` or km/h from 1 to 10.", "normal"),
        ["type"] = new("Station types, comma-separated: `service-centre`, `legal-aid`, `notary`, `mediation`, `commercial-mediation`, `judicial-office`, `residents-committee`, `law-firm`, `judicial-appraisal`, `culture-site`.", "notary,legal-aid"),
        ["lang"] = new("The language of names and messages: `zh` (default) or `en`.", "en", ["zh", "en"]),
        ["q"] = new("Search text in Chinese or English (pinyin and “Jing'an”/“jingan” fold together), up to 100 characters; for the geocoder up to 200.", "南京西路"),
        ["bbox"] = new("Only stations inside `west,south,east,north` (WGS-84 degrees).", "121.44,31.22,121.48,31.25"),
        ["k"] = new("How many nearest stations, 1 to 100 (default 10).", "10"),
        ["limit"] = new("How many candidates, 1 to 20 (default 5).", "5"),
        ["depart"] = new("Departure for “open when you arrive”: `yyyy-MM-ddTHH:mm` in China Standard Time, or with an offset (`+08:00`, `Z`); from yesterday to one year ahead. Each station inside the walk then says `arrival`, `openOnArrival`, `arrivalReason`, `closedBecause` and `arrivalNote`.", "2026-12-02T09:30"),
        ["id"] = new("A station's id.", "notary-jingan"),
        ["reference"] = new("A submission's reference, as it was given when the submission was saved.", "JA-2026-000123-K7QF"),
        ["last4"] = new("The last four digits of the mobile given with the submission.", "5678"),
        ["code"] = new("The 6-digit access code given with a submission sent without a mobile.", "123456"),
        ["path"] = new("A page of this site, from its first \"/\" (e.g. the map with a walk), up to 500 characters.", "/?lat=31.2286&lng=121.4586"),
        ["format"] = new("The export format.", "csv", ["csv", "xlsx", "geojson", "hsds"]),
    };

    /// <summary>What a successful answer is, by path (longest prefix first); GeoJSON ones are FeatureCollections in WGS-84.</summary>
    private static readonly (string Prefix, string Description, bool GeoJson)[] Answers =
    [
        ("api/stations/nearest", "The k nearest placed stations, nearest first, each with `distanceMetres`.", true),
        ("api/stations/{id}", "One station (a Feature; `geometry: null` when not placed) with `details`: hours, special days, services, sources, notes, `openNow`.", false),
        ("api/stations", "Public stations as Features (`geometry: null` when not placed) with `id`, `type`, `name`, `address`, `phone`, `approximate`, `openNow`, `url`.", true),
        ("api/isochrone", "The walking area (Feature `kind: area`) and the stations inside (`kind: station`, with `walkMinutes`, `walkMetres`, and with `depart` the arrival fields); members `method`, `approximate`, `minutes`, `speedKmh`, `origin`, `inDistrict`.", true),
        ("api/coverage/uncovered", "The parts of the district outside that walk of any station of the type (Feature `kind: area`); members `share`, `district`.", true),
        ("api/coverage", "Per type the share of the district (and of each imported street/town) within that walk; `district`: `outline` or `imported`.", false),
        ("api/culture", "The culture sites (Features `kind: site`, with `about`, `sources`, `red`, `order`) and the walk (`kind: route` legs); members `totalMetres`, `totalMinutes`, `method`.", true),
        ("api/geocode", "Candidates, best first: WGS-84 point, `matchType`, `confidence`, components.", false),
        ("api/reverse", "The nearest road (within 300 m), an estimated house number, street/town and district, with a label.", false),
        ("api/coords", "The point in the system asked for.", false),
        ("api/submissions/legal-aid/check", "The self-check's outcome (nothing saved).", false),
        ("api/submissions/{reference}", "The submission's `kind`, `status`, `createdAt` and the staff's `reply`.", false),
        ("api/staff/export", "The stations file in the format asked for.", false),
        ("api/qr", "The page's QR code as SVG (image/svg+xml).", false),
    ];

    public static void AddApiDocs(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "LegalServiceMap — Jing'an public legal services";
            document.Info.Description = "Stations, walking areas, coverage, geocoding, the culture map and resident submissions. " +
                "Coordinates are WGS-84 in answers; pass `coord=gcj02` with the host app's positions. Errors are application/problem+json " +
                "with a localized title and, for parameters, `errors` by name. Guide: docs/host-app-integration.md.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[StaffScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = StaffAuthentication.CookieName,
                Description = "A staff sign-in (POST /staff/login); Editor or Admin.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            foreach (var p in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (p.Name is null || !Parameters.TryGetValue(p.Name, out var doc)) continue;
                p.Description = doc.Description;
                if (doc.Example is { } example) p.Example = JsonValue.Create(example);
                if (doc.Values is { } values && p.Schema is OpenApiSchema schema) schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            }
            var path = context.Description.RelativePath ?? "";
            var post = string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
            operation.Responses ??= new OpenApiResponses();
            var submission = post && path.StartsWith("api/submissions/", StringComparison.Ordinal) && !path.EndsWith("/check", StringComparison.Ordinal);
            if (submission && operation.Responses.Remove("200"))
            {
                operation.Responses["201"] = new OpenApiResponse
                {
                    Description = "Saved before this answer: `reference` (show it to the user) and, for a submission without a mobile, a one-time `accessCode`.",
                };
            }
            else if (Answers.FirstOrDefault(a => path.StartsWith(a.Prefix, StringComparison.Ordinal)) is { Prefix: not null } answer
                && operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse success)
            {
                success.Description = answer.Description;
                if (answer.GeoJson)
                {
                    success.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/geo+json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "A GeoJSON FeatureCollection (RFC 7946), WGS-84 [longitude, latitude]." } },
                    };
                }
            }
            if (operation.Parameters?.Count > 0 || post) Problem(operation, "400", "A parameter or field is missing, malformed or out of range: a localized message for each, under `errors`.");
            if (path.Contains('{')) Problem(operation, "404", "Not found (a station or submission that does not exist, or a wrong secret: the same answer).");
            if (path.StartsWith("api/coverage", StringComparison.Ordinal)) Problem(operation, "409", "No district boundary: neither the shipped outline nor an imported one.");
            if (post)
            {
                Problem(operation, "413", "The body is over 64 KB.");
                Problem(operation, "415", "The body is not application/json.");
            }
            if (submission)
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "Idempotency-Key", In = ParameterLocation.Header, Required = true,
                    Description = "8 to 100 letters, digits, `-` or `_`, unique per submission (a UUID). A retry with the same key and body gets the same reference and never makes a second record; the same key with another body is 409.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 8, MaxLength = 100, Pattern = "^[A-Za-z0-9_-]+$" },
                    Example = JsonValue.Create("5f0c6a3e-8d0b-4c1e-9a53-1f6d2b7e4a10"),
                });
                Problem(operation, "409", "The Idempotency-Key was used before with another body.");
            }
            Problem(operation, "429", "Too many requests from this client: try again after `Retry-After` seconds.");
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(StaffScheme, context.Document)] = [] }];
                Problem(operation, "401", "Not signed in as staff.");
                Problem(operation, "403", "Signed in, but without a role that may do this.");
            }
            return Task.CompletedTask;
        });
    }

    private static void Problem(OpenApiOperation operation, string status, string description) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, in the request's language." },
                            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["errors"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object, Description = "For bad parameters or fields: localized messages by name.",
                                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                            },
                        },
                    },
                },
            },
        });
}
