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

    /// <summary>A parameter's meaning, an example, and its schema: the type, range or pattern the endpoint really accepts.</summary>
    private sealed record Parameter(string Description, string? Example = null, string[]? Values = null, Func<OpenApiSchema>? Schema = null);

    private static readonly string[] Systems = ["wgs84", "gcj02", "bd09"];

    private static Func<OpenApiSchema> Number(double min, double max) => () => new OpenApiSchema { Type = JsonSchemaType.Number, Minimum = Invariant(min), Maximum = Invariant(max) };
    private static Func<OpenApiSchema> Integer(int min, int max) => () => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = Invariant(min), Maximum = Invariant(max) };
    private static Func<OpenApiSchema> Text(string? pattern = null, int? maxLength = null, int? minLength = null) =>
        () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = pattern, MaxLength = maxLength, MinLength = minLength };
    private static OpenApiSchema Uuid() => new() { Type = JsonSchemaType.String, Format = "uuid", Pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$" };
    private static string Invariant(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string TypeSlugs = string.Join("|", LegalServiceMap.Core.Stations.StationTypes.All.Select(LegalServiceMap.Core.Text.WireName.Of));

    /// <summary>A pace: normal, elder (or slow), or km/h from 1 to 10.</summary>
    private const string PacePattern = "^(normal|elder|slow|[1-9](\\.[0-9]{1,3})?|10)$";

    private static readonly Dictionary<string, Parameter> Parameters = new()
    {
        ["lat"] = new("Latitude in degrees, -90 to 90, in the system named by `coord` (WGS-84 unless it says otherwise).", "31.2286", Schema: Number(-90, 90)),
        ["lng"] = new("Longitude in degrees, -180 to 180, in the system named by `coord`.", "121.4586", Schema: Number(-180, 180)),
        ["coord"] = new("The coordinate system of `lat`/`lng`: `wgs84` (default), `gcj02` (the host app and Chinese map providers) or `bd09`. Answers are always WGS-84.", "gcj02", Systems),
        ["from"] = new("The coordinate system of the point given.", "gcj02", Systems),
        ["to"] = new("The coordinate system to convert to.", "wgs84", Systems),
        ["minutes"] = new("Walking time in minutes, 1 to 60 (default 15).", "15", Schema: Integer(1, 60)),
        ["speed"] = new("Walking pace: `normal` (5 km/h, default), `elder` (3.6 km/h) or km/h from 1 to 10.", "elder", Schema: Text(PacePattern)),
        ["pace"] = new("Walking pace of the culture walk: `normal`, `elder` or km/h from 1 to 10.", "normal", Schema: Text(PacePattern)),
        ["type"] = new("Station types, comma-separated: `service-centre`, `legal-aid`, `notary`, `mediation`, `commercial-mediation`, `judicial-office`, `residents-committee`, `law-firm`, `judicial-appraisal`, `culture-site`.", "notary,legal-aid", Schema: Text($"^({TypeSlugs})(,({TypeSlugs}))*$")),
        ["lang"] = new("The language of names and messages: `zh` (default) or `en`.", "en", ["zh", "en"]),
        ["q"] = new("Search text in Chinese or English (pinyin and “Jing'an”/“jingan” fold together), up to 100 characters; for the geocoder up to 200.", "南京西路", Schema: Text(maxLength: 100)),
        ["bbox"] = new("Only stations inside `west,south,east,north` (WGS-84 degrees; west < east, south < north).", "121.44,31.22,121.48,31.25", Schema: Text("^-?[0-9]+(\\.[0-9]+)?(,-?[0-9]+(\\.[0-9]+)?){3}$")),
        ["k"] = new("How many nearest stations, 1 to 100 (default 10).", "10", Schema: Integer(1, 100)),
        ["limit"] = new("How many candidates, 1 to 20 (default 5).", "5", Schema: Integer(1, 20)),
        ["depart"] = new("Departure for “open when you arrive”: `yyyy-MM-ddTHH:mm` in China Standard Time, or with an offset (`+08:00`, `Z`); from yesterday to one year ahead. Each station inside the walk then says `arrival`, `openOnArrival`, `arrivalReason`, `closedBecause` and `arrivalNote`.", "2026-12-02T09:30", Schema: Text("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?$")),
        ["id"] = new("A station's id.", "notary-jingan", Schema: Text(maxLength: 100, minLength: 1)),
        ["reference"] = new("A submission's reference, as it was given when the submission was saved.", "JA-2026-000123-K7QF", Schema: Text(maxLength: 40, minLength: 1)),
        ["last4"] = new("The last four digits of the mobile given with the submission.", "5678", Schema: Text("^[0-9]{4}$")),
        ["code"] = new("The 6-digit access code given with a submission sent without a mobile.", "123456", Schema: Text("^[0-9]{6}$")),
        ["path"] = new("A page of this site, from its first \"/\" (e.g. the map with a walk), up to 500 characters.", "/?lat=31.2286&lng=121.4586", Schema: Text("^/", maxLength: 500)),
        ["format"] = new("The export format: `csv`, `xlsx`, `geojson`, or `hsds` (an HSDS 3.0 datapackage: a ZIP of datapackage.json and its CSV tables).", "csv", ["csv", "xlsx", "geojson", "hsds"]),
        ["problem"] = new("Help: the problem group (`work`, `family`, `neighbours`, `injury`, `consumer`, `violence`, `documents`, `other`); then one parameter per question answered, named by the question's id with the answer's id (`work-deadline=no&work-what=unpaid`).", "work", Schema: Text("^[a-z0-9-]+$", maxLength: 40)),
        ["search"] = new("HSDS: full-text search in names, addresses and services (Chinese, English or pinyin), up to 100 characters.", "公证", Schema: Text(maxLength: 100)),
        ["page"] = new("HSDS: the page, from 1.", "1", Schema: Integer(1, 100_000)),
        ["per_page"] = new("HSDS: items per page, 1 to 200 (default 50).", "50", Schema: Integer(1, 200)),
        ["taxonomy_term_id"] = new("HSDS: only services with this taxonomy term (a station type of `lsm-station-type` or an accuracy of `lsm-location-tier`).", Features.OpenData.Hsds.TermId(Features.OpenData.Hsds.TypesTaxonomy, "notary").ToString(), Schema: Uuid),
        ["taxonomy_id"] = new("HSDS: only records with a term of this taxonomy.", Features.OpenData.Hsds.TaxonomyId(Features.OpenData.Hsds.TypesTaxonomy).ToString(), Schema: Uuid),
        ["organization_id"] = new("HSDS: only the services of this organization.", Features.OpenData.Hsds.OrganizationId("judicial-office-beizhan").ToString(), Schema: Uuid),
        ["proximity"] = new("HSDS: with `lat` and `lng`, only what lies within this many metres (1 to 100000), nearest first; without a point it limits nothing.", "1500", Schema: Number(1, 100_000)),

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
        ("api/submissions/{reference}", "The submission's `kind`, `status`, `createdAt`, `replyDueBy` (the promised reply date) and the staff's `reply`.", false),
        ("api/staff/export", "The stations file in the format asked for.", false),
        ("api/qr", "The page's QR code as SVG (image/svg+xml).", false),
        ("api/help", "The problem groups; for `q`, what it was understood as; for a path, the answers given and the next question or the outcome (services with what they do and do not do, advice, urgent numbers, legal-aid notes, prefilled form links, places open on arrival from `lat`/`lng`).", false),
        ("api/hsds/services/{id}", "A service fully nested (HSDS 3.0 schema/compiled/service.json).", false),
        ("api/hsds/services", "A page of services (HSDS 3.0 Page with `contents` of schema/compiled/service_list.json).", false),
        ("api/hsds/organizations/{id}", "An organization with its services (HSDS 3.0 schema/compiled/organization.json).", false),
        ("api/hsds/organizations", "A page of organizations (HSDS 3.0 Page of schema/compiled/organization_list.json).", false),
        ("api/hsds/service_at_locations/{id}", "A service at a location with its location and service (HSDS 3.0).", false),
        ("api/hsds/service_at_locations", "A page of services at locations (HSDS 3.0 Page of schema/compiled/service_at_location_list.json).", false),
        ("api/hsds/taxonomies/{id}", "A taxonomy (HSDS 3.0 schema/taxonomy.json).", false),
        ("api/hsds/taxonomies", "A page of taxonomies (HSDS 3.0 Page).", false),
        ("api/hsds/taxonomy_terms/{id}", "A taxonomy term with its taxonomy (HSDS 3.0 schema/taxonomy_term.json).", false),
        ("api/hsds/taxonomy_terms", "A page of taxonomy terms (HSDS 3.0 Page).", false),
        ("api/hsds/profile", "What this API adds to HSDS 3.0 and leaves out.", false),
        ("api/hsds", "The HSDS version, the profile and the OpenAPI document of this API.", false),
    ];

    /// <summary>Each operation's id (for generated clients) and summary, by method and path.</summary>
    private static readonly Dictionary<string, (string Id, string Summary)> Operations = new()
    {
        ["GET api/stations"] = ("listStations", "List the public stations, filtered by type, search text or box"),
        ["GET api/stations/nearest"] = ("nearestStations", "The k nearest placed stations to a point"),
        ["GET api/stations/{id}"] = ("getStation", "One station with its hours, services and sources"),
        ["GET api/isochrone"] = ("getWalkingArea", "The walking area from a point and the stations inside it"),
        ["GET api/coverage"] = ("getCoverage", "The share of the district within a walk of each type of station"),
        ["GET api/coverage/uncovered"] = ("getUncoveredArea", "The parts of the district outside a walk of one type"),
        ["GET api/culture"] = ("getCultureMap", "The rule-of-law culture sites and the suggested walk"),
        ["GET api/geocode"] = ("geocode", "Places matching an address, road, crossing or landmark"),
        ["GET api/reverse"] = ("reverseGeocode", "The nearest road, house number, street/town and district of a point"),
        ["GET api/coords"] = ("convertCoordinates", "Convert a point between WGS-84, GCJ-02 and BD-09"),
        ["GET api/qr"] = ("getQrCode", "The QR code (SVG) of one of this site's pages"),
        ["POST api/submissions/consultation"] = ("submitConsultation", "Leave a consultation message (留言咨询)"),
        ["POST api/submissions/error-report"] = ("submitErrorReport", "Report an error in a station's facts (纠错)"),
        ["POST api/submissions/legal-aid"] = ("submitLegalAidApplication", "Pre-apply for legal aid"),
        ["POST api/submissions/legal-aid/check"] = ("checkLegalAid", "The legal-aid self-check (nothing is saved)"),
        ["GET api/submissions/{reference}"] = ("getSubmissionStatus", "A submission's status and reply, with its secret"),
        ["GET api/staff/export"] = ("exportStations", "Export every station (staff)"),
        ["GET api/help"] = ("getHelp", "Which legal help: the next question or the outcome for a description or a path"),
        ["GET api/hsds"] = ("getAPIMetaInformation", "HSDS: the version, profile and OpenAPI document of this API"),
        ["GET api/hsds/profile"] = ("getHsdsProfile", "HSDS: what this API's profile adds and leaves out"),
        ["GET api/hsds/services"] = ("getPaginatedListOfServices", "HSDS: a page of services, filtered"),
        ["GET api/hsds/services/{id}"] = ("getFullyNestedServiceById", "HSDS: one service, fully nested"),
        ["GET api/hsds/organizations"] = ("getPaginatedListOfOrganizations", "HSDS: a page of organizations"),
        ["GET api/hsds/organizations/{id}"] = ("getOrganizationById", "HSDS: one organization with its services"),
        ["GET api/hsds/service_at_locations"] = ("getPaginatedListOfServiceAtLocation", "HSDS: a page of services at locations, filtered"),
        ["GET api/hsds/service_at_locations/{id}"] = ("getServiceAtLocationWithNestedDataById", "HSDS: one service at a location, nested"),
        ["GET api/hsds/taxonomies"] = ("getPaginatedListOfTaxonomies", "HSDS: a page of taxonomies"),
        ["GET api/hsds/taxonomies/{id}"] = ("getTaxonomyById", "HSDS: one taxonomy"),
        ["GET api/hsds/taxonomy_terms"] = ("getPaginatedListOfTaxonomyTerms", "HSDS: a page of taxonomy terms"),
        ["GET api/hsds/taxonomy_terms/{id}"] = ("getTaxonomyTermById", "HSDS: one taxonomy term"),
    };

    /// <summary>The parameters an operation cannot do without (the others have defaults).</summary>
    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["api/stations/nearest"] = ["lat", "lng"],
        ["api/isochrone"] = ["lat", "lng"],
        ["api/reverse"] = ["lat", "lng"],
        ["api/coords"] = ["lat", "lng", "from", "to"],
        ["api/geocode"] = ["q"],
        ["api/qr"] = ["path"],
        ["api/coverage/uncovered"] = ["type"],
    };

    /// <summary>The media type and schema of each successful answer that is not GeoJSON.</summary>
    private static (string MediaType, OpenApiSchema Schema) Content(string path) => path switch
    {
        "api/qr" => ("image/svg+xml", new OpenApiSchema { Type = JsonSchemaType.String }),
        "api/geocode" => ("application/json", new OpenApiSchema
        {
            Type = JsonSchemaType.Object, Required = new HashSet<string> { "results" },
            Properties = new Dictionary<string, IOpenApiSchema> { ["results"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } } },
        }),
        _ => ("application/json", new OpenApiSchema { Type = JsonSchemaType.Object }),
    };

    /// <summary>A GeoJSON FeatureCollection (RFC 7946) as our answers write it.</summary>
    private static OpenApiSchema FeatureCollection() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A GeoJSON FeatureCollection (RFC 7946), WGS-84 [longitude, latitude] to 6 decimals; foreign members as described.",
        Required = new HashSet<string> { "type", "features" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("FeatureCollection")] },
            ["features"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "type", "geometry", "properties" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("Feature")] },
                        ["id"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["geometry"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object | JsonSchemaType.Null,
                            Required = new HashSet<string> { "type", "coordinates" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. new[] { "Point", "LineString", "Polygon", "MultiPolygon" }.Select(t => (JsonNode)JsonValue.Create(t))] },
                                ["coordinates"] = new OpenApiSchema { Type = JsonSchemaType.Array },
                            },
                        },
                        ["properties"] = new OpenApiSchema { Type = JsonSchemaType.Object },
                    },
                },
            },
        },
    };

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
            var path = (context.Description.RelativePath ?? "").TrimEnd('/');
            var post = string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
            if (Operations.TryGetValue($"{context.Description.HttpMethod?.ToUpperInvariant()} {path}", out var named))
            {
                operation.OperationId = named.Id;
                operation.Summary = named.Summary;
            }
            var required = Required.GetValueOrDefault(path) ?? [];
            foreach (var p in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (p.Name is null || !Parameters.TryGetValue(p.Name, out var doc)) continue;
                p.Description = doc.Description;
                if (doc.Example is { } example) p.Example = JsonValue.Create(example);
                if (doc.Schema is { } make) p.Schema = make();
                if (path.StartsWith("api/hsds/", StringComparison.Ordinal) && p.Name == "id")
                {
                    p.Schema = Uuid();
                    p.Description = "The record's UUID (stable: derived from the station's id).";
                    p.Example = JsonValue.Create(HsdsExample(path));
                }
                if (path == "api/geocode" && p.Name == "q") p.Schema = Text(maxLength: 200, minLength: 1)();
                if (path == "api/help" && p.Name == "q")
                {
                    p.Schema = Text(maxLength: LegalServiceMap.Core.Help.ProblemWords.MaxLength)();
                    p.Description = "Help: the resident's problem in a sentence (Chinese or English, up to 500 characters); understood, never kept or logged.";
                    p.Example = JsonValue.Create("老板三个月没发工资");
                }
                if (path == "api/coverage/uncovered" && p.Name == "type")
                {
                    p.Schema = Text($"^({TypeSlugs})$")();
                    p.Description = "One station type (see `type` of /api/stations).";
                    p.Example = JsonValue.Create("judicial-office");
                }
                // A departure example that stays valid: tomorrow at 09:30 in Shanghai (the API takes yesterday to a year ahead).
                if (p.Name == "depart" && context.ApplicationServices.GetService<TimeProvider>() is { } clock)
                    p.Example = JsonValue.Create(LegalServiceMap.Core.Stations.OpeningHours.ToShanghai(clock.GetUtcNow()).Date.AddDays(1).AddHours(9.5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
                if (doc.Values is { } values && p.Schema is OpenApiSchema schema) schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
                if (required.Contains(p.Name) || p.In == ParameterLocation.Path) p.Required = true;
            }
            operation.Responses ??= new OpenApiResponses();
            var submission = post && path.StartsWith("api/submissions/", StringComparison.Ordinal) && !path.EndsWith("/check", StringComparison.Ordinal);
            if (submission)
            {
                // A new submission is 201; a retry with the same key and body answers the same reference with 200.
                var saved = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "reference", "created" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["reference"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Show it to the user: with the secret it reads the status." },
                        ["created"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "False for a retry of an earlier request (same key and body)." },
                        ["accessCode"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "For a submission without a mobile: the 6-digit code, given once." },
                        ["replyDueBy"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "The date staff will have answered by (working days, statutory holidays and 调休 counted)." },
                    },
                };
                operation.Responses.Remove("200");
                operation.Responses["201"] = new OpenApiResponse
                {
                    Description = "Saved before this answer: `reference` (show it to the user) and, for a submission without a mobile, a one-time `accessCode`.",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = saved } },
                };
                operation.Responses["200"] = new OpenApiResponse
                {
                    Description = "A retry with the same Idempotency-Key and body: the same reference, nothing saved twice.",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = saved } },
                };
            }
            else if (Answers.FirstOrDefault(a => path.StartsWith(a.Prefix, StringComparison.Ordinal)) is { Prefix: not null } answer)
            {
                // Every success is documented with its media type and schema (endpoints that answer IResult declare none).
                var success = operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse known ? known : new OpenApiResponse();
                operation.Responses["200"] = success;
                success.Description = answer.Description;
                var (mediaType, schema) = answer.GeoJson ? ("application/geo+json", FeatureCollection()) : Content(path);
                if (path == "api/stations/{id}") (mediaType, schema) = ("application/geo+json", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "A GeoJSON Feature (RFC 7946) with `details`." });
                success.Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = new() { Schema = schema } };
                if (path == "api/staff/export")
                {
                    // The file as `format` asks.
                    success.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "CSV, UTF-8 with a BOM (Excel)." } },
                        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        ["application/geo+json"] = new() { Schema = FeatureCollection() },
                        ["application/zip"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "An Open Referral HSDS 3.0 datapackage: datapackage.json and the CSV tables." } },
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
            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
            {
                operation.Security = []; // public: no key, no sign-in
            }
            else
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(StaffScheme, context.Document)] = [] }];
                Problem(operation, "401", "Not signed in as staff.");
                Problem(operation, "403", "Signed in, but without a role that may do this.");
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>A real record's id for a path's example (a station present in every installation's seed).</summary>
    private static string HsdsExample(string path)
    {
        const string station = "judicial-office-beizhan"; // placed (at its street/town), so it has a service at a location
        var id = path switch
        {
            _ when path.StartsWith("api/hsds/organizations", StringComparison.Ordinal) => Features.OpenData.Hsds.OrganizationId(station),
            _ when path.StartsWith("api/hsds/service_at_locations", StringComparison.Ordinal) => Features.OpenData.Hsds.ServiceAtLocationId(station),
            _ when path.StartsWith("api/hsds/taxonomies", StringComparison.Ordinal) => Features.OpenData.Hsds.TaxonomyId(Features.OpenData.Hsds.TypesTaxonomy),
            _ when path.StartsWith("api/hsds/taxonomy_terms", StringComparison.Ordinal) => Features.OpenData.Hsds.TermId(Features.OpenData.Hsds.TypesTaxonomy, "notary"),
            _ => Features.OpenData.Hsds.ServiceId(station),
        };
        return id.ToString();
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
