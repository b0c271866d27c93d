using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Web.Setup;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.OpenData;

/// <summary>
/// The Open Referral HSDS 3.0 API (<c>/api/hsds/</c>): public, read-only, no key, open to any origin; the paths and page
/// fields of HSDS's own openapi.json. Lists are paged (<c>page</c> from 1, <c>per_page</c> 1–200, default 50) and filtered
/// by <c>search</c> (or <c>q</c>), <c>taxonomy_term_id</c>, <c>taxonomy_id</c>, <c>organization_id</c> and proximity
/// (<c>lat</c>, <c>lng</c>, optional <c>proximity</c> in metres: nearest first). <c>lang</c> chooses the language of
/// names (the other language is <c>alternate_name</c>). docs/hsds.md.
/// </summary>
public static class HsdsApi
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 200;

    public static IEndpointRouteBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/hsds").WithTags("Open Referral HSDS 3.0")
            .AddEndpointFilter(async (context, next) =>
            {
                var headers = context.HttpContext.Response.Headers;
                headers.AccessControlAllowOrigin = "*";
                headers.CacheControl = "public, max-age=60";
                return await next(context);
            });
        group.MapGet("/", About);
        group.MapGet("/profile", Profile);
        group.MapGet("/services", Services);
        group.MapGet("/services/{id}", Service);
        group.MapGet("/organizations", Organizations);
        group.MapGet("/organizations/{id}", Organization);
        group.MapGet("/service_at_locations", ServiceAtLocations);
        group.MapGet("/service_at_locations/{id}", ServiceAtLocation);
        group.MapGet("/taxonomies", Taxonomies);
        group.MapGet("/taxonomies/{id}", Taxonomy);
        group.MapGet("/taxonomy_terms", TaxonomyTerms);
        group.MapGet("/taxonomy_terms/{id}", TaxonomyTerm);
        return app;
    }

    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, HsdsJson.Options);

    private static JsonHttpResult<HsdsAbout> About(HttpContext http)
    {
        var root = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        return Json(new HsdsAbout(Hsds.Version, $"{root}/api/hsds/profile", $"{root}/openapi/v1.json"));
    }

    public sealed record HsdsAbout(string Version, string Profile, string OpenapiUrl);

    /// <summary>What this API adds to HSDS 3.0 and leaves out (the profile the root names).</summary>
    private static JsonHttpResult<HsdsProfile> Profile(IStringLocalizer<SharedResource> L) =>
        Json(new HsdsProfile("lsm-jingan", Hsds.Version, L["Hsds_ProfileAbout"], [Hsds.TypesTaxonomy, Hsds.TiersTaxonomy]));

    public sealed record HsdsProfile(string Name, string HsdsVersion, string Description, IReadOnlyList<string> Taxonomies);

    // ---- Lists and single records ----

    private static Task<Results<JsonHttpResult<HsdsPage<HsdsService>>, ValidationProblem>> Services(
        string? search, string? q, string? page, string? per_page, string? taxonomy_term_id, string? taxonomy_id, string? organization_id,
        string? lat, string? lng, string? proximity, string? lang, HsdsQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        ListAsync(ListRequest.Read(L, lang, search ?? q, page, per_page, taxonomy_term_id, taxonomy_id, organization_id, lat, lng, proximity), queries, L, ct,
            async (view, request) => request.Page(await queries.SelectAsync(request, ct), view.ServiceSummary));

    private static Task<Results<JsonHttpResult<HsdsService>, ProblemHttpResult, ValidationProblem>> Service(
        string id, string? lang, HsdsQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        OneAsync(id, lang, queries, L, ct, (view, uuid) => queries.Stations.FirstOrDefault(s => Hsds.ServiceId(s.Id) == uuid) is { } s ? view.Service(s) : null);

    private static Task<Results<JsonHttpResult<HsdsPage<HsdsOrganization>>, ValidationProblem>> Organizations(
        string? search, string? q, string? page, string? per_page, string? lang, HsdsQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        ListAsync(ListRequest.Read(L, lang, search ?? q, page, per_page), queries, L, ct,
            async (view, request) => request.Page(await queries.SelectAsync(request, ct), s => view.Organization(s)));

    private static Task<Results<JsonHttpResult<HsdsOrganization>, ProblemHttpResult, ValidationProblem>> Organization(
        string id, string? lang, HsdsQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        OneAsync(id, lang, queries, L, ct, (view, uuid) => queries.Stations.FirstOrDefault(s => Hsds.OrganizationId(s.Id) == uuid) is { } s ? view.Organization(s, withServices: true) : null);

    private static Task<Results<JsonHttpResult<HsdsPage<HsdsServiceAtLocation>>, ValidationProblem>> ServiceAtLocations(
        string? search, string? q, string? page, string? per_page, string? taxonomy_term_id, string? taxonomy_id, string? organization_id,
        string? lat, string? lng, string? proximity, string? lang, HsdsQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        ListAsync(ListRequest.Read(L, lang, search ?? q, page, per_page, taxonomy_term_id, taxonomy_id, organization_id, lat, lng, proximity), queries, L, ct,
            async (view, request) => request.Page((await queries.SelectAsync(request, ct)).Where(s => s.Location is not null).ToList(), view.ServiceAtLocationWithService));

    private static Task<Results<JsonHttpResult<HsdsServiceAtLocation>, ProblemHttpResult, ValidationProblem>> ServiceAtLocation(
        string id, string? lang, HsdsQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        OneAsync(id, lang, queries, L, ct, (view, uuid) =>
            queries.Stations.FirstOrDefault(s => Hsds.ServiceAtLocationId(s.Id) == uuid && s.Location is not null) is { } s ? view.ServiceAtLocationWithService(s) : null);

    private static Task<Results<JsonHttpResult<HsdsPage<HsdsTaxonomy>>, ValidationProblem>> Taxonomies(
        string? search, string? page, string? per_page, string? lang, HsdsQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        ListAsync(ListRequest.Read(L, lang, search, page, per_page), queries, L, ct,
            (view, request) => Task.FromResult(request.Page(view.Taxonomies().Where(t => Matches(request.Search, t.Name, t.Description)).ToList(), t => t)));

    private static Task<Results<JsonHttpResult<HsdsTaxonomy>, ProblemHttpResult, ValidationProblem>> Taxonomy(
        string id, string? lang, HsdsQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        OneAsync(id, lang, queries, L, ct, (view, uuid) => view.Taxonomies().FirstOrDefault(t => t.Id == uuid));

    private static Task<Results<JsonHttpResult<HsdsPage<HsdsTaxonomyTerm>>, ValidationProblem>> TaxonomyTerms(
        string? search, string? page, string? per_page, string? taxonomy_id, string? lang, HsdsQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        ListAsync(ListRequest.Read(L, lang, search, page, per_page, taxonomyId: taxonomy_id), queries, L, ct,
            (view, request) => Task.FromResult(request.Page(view.Terms()
                .Where(t => request.TaxonomyId is not { } taxonomy || t.TaxonomyId == taxonomy)
                .Where(t => Matches(request.Search, t.Name, t.Description, t.Code))
                .ToList(), t => t)));

    private static Task<Results<JsonHttpResult<HsdsTaxonomyTerm>, ProblemHttpResult, ValidationProblem>> TaxonomyTerm(
        string id, string? lang, HsdsQueries queries, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        OneAsync(id, lang, queries, L, ct, (view, uuid) =>
            view.Terms().FirstOrDefault(t => t.Id == uuid) is { } term ? term with { TaxonomyDetail = view.Taxonomies().First(t => t.Id == term.TaxonomyId) } : null);

    /// <summary>A list: its parameters checked (400), then one page of what <paramref name="page"/> selects.</summary>
    private static async Task<Results<JsonHttpResult<HsdsPage<T>>, ValidationProblem>> ListAsync<T>(ListRequest request, HsdsQueries queries,
        IStringLocalizer L, CancellationToken ct, Func<Hsds, ListRequest, Task<HsdsPage<T>>> page)
    {
        if (request.Errors.Any) return request.Errors.Problem();
        return Json(await page(await queries.ViewAsync(L, request.English, ct), request));
    }

    /// <summary>One record by its UUID: 400 for an id that is not one, 404 when <paramref name="find"/> finds nothing.</summary>
    private static async Task<Results<JsonHttpResult<T>, ProblemHttpResult, ValidationProblem>> OneAsync<T>(string id, string? lang, HsdsQueries queries,
        IStringLocalizer L, CancellationToken ct, Func<Hsds, Guid, T?> find) where T : class
    {
        var errors = new ParameterErrors(L);
        var english = errors.English(lang);
        var uuid = Uuid(errors, id);
        if (errors.Any) return errors.Problem();
        return find(await queries.ViewAsync(L, english, ct), uuid) is { } found ? Json(found) : NotFound(L, id);
    }

    // ---- Shared ----

    private static bool Matches(string? search, params string?[] texts)
    {
        var folded = SearchText.Fold(search);
        return folded.Length == 0 || texts.Any(t => SearchText.Fold(t).Contains(folded, StringComparison.Ordinal));
    }

    private static Guid Uuid(ParameterErrors errors, string? raw, string name = "id")
    {
        if (Guid.TryParseExact(raw?.Trim(), "D", out var id)) return id;
        errors.Add(name, "Api_BadUuid");
        return Guid.Empty;
    }

    private static ProblemHttpResult NotFound(IStringLocalizer L, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: L["Api_HsdsNotFound"], detail: L["Api_HsdsNotFoundDetail", id]);

    /// <summary>A list request's parameters, checked: each problem a localized message under its name.</summary>
    public sealed class ListRequest
    {
        public required ParameterErrors Errors { get; init; }
        public bool English { get; init; }
        public string? Search { get; init; }
        public int PageNumber { get; init; } = 1;
        public int PerPage { get; init; } = DefaultPerPage;
        public Guid? TaxonomyTermId { get; init; }
        public Guid? TaxonomyId { get; init; }
        public Guid? OrganizationId { get; init; }
        public GeoPoint? Near { get; init; }
        public double? ProximityMetres { get; init; }

        public static ListRequest Read(IStringLocalizer L, string? lang, string? search, string? page, string? perPage,
            string? taxonomyTermId = null, string? taxonomyId = null, string? organizationId = null, string? lat = null, string? lng = null, string? proximity = null)
        {
            var errors = new ParameterErrors(L);
            var english = errors.English(lang);
            if (search is { Length: > SearchText.MaxQueryLength }) errors.Add("search", "Api_QueryTooLong", SearchText.MaxQueryLength);
            var pageNumber = errors.Count("page", page, 1, 100_000, 1, "Api_PageRange");
            var size = errors.Count("per_page", perPage, 1, MaxPerPage, DefaultPerPage, "Api_PerPageRange");
            Guid? Optional(string name, string? raw) => raw is null ? null : Uuid(errors, raw, name);
            GeoPoint? near = null;
            double? metres = null;
            // proximity is read always (a bad value is a 400) but limits only with a point to measure from.
            if (proximity is not null) metres = errors.Number("proximity", proximity, 1, 100_000);
            if (lat is not null || lng is not null) near = errors.Point(lat, lng, null);
            return new ListRequest
            {
                Errors = errors, English = english, Search = search, PageNumber = pageNumber, PerPage = size,
                TaxonomyTermId = Optional("taxonomy_term_id", taxonomyTermId), TaxonomyId = Optional("taxonomy_id", taxonomyId),
                OrganizationId = Optional("organization_id", organizationId), Near = near, ProximityMetres = metres,
            };
        }

        /// <summary>One page of <paramref name="items"/>, with HSDS's page fields.</summary>
        public HsdsPage<TOut> Page<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map)
        {
            var totalPages = (items.Count + PerPage - 1) / PerPage;
            var contents = items.Skip((PageNumber - 1) * PerPage).Take(PerPage).Select(map).ToList();
            return new HsdsPage<TOut>(items.Count, totalPages, PageNumber, contents.Count, PageNumber == 1, PageNumber >= totalPages, items.Count == 0, contents);
        }
    }
}
