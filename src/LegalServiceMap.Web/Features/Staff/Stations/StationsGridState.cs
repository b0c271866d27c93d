using System.Globalization;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Web.Features.Staff.Stations;

/// <summary>
/// The stations grid's address: its filters and its sort, so a link, Back or a reload shows the same rows in the same
/// order. Read leniently (an unknown value is dropped), written without the defaults.
/// </summary>
public sealed record StationsGridState(StationListFilter Filter, string? SortBy = null, bool Descending = false)
{
    public const string SearchKey = "q", TypeKey = "type", StreetKey = "street", StatusKey = "status", VerifiedKey = "verified",
        TierKey = "tier", UnplacedKey = "unplaced", SortKey = "sort", DescendingKey = "desc";

    /// <summary>The columns a person sorts by, and what each sorts on (the grid's headers use the same).</summary>
    public static Func<Station, object> SortValue(string column, bool english) => column switch
    {
        "type" => s => (int)s.Type,
        "street" => s => s.StreetTown?.Name(english) ?? "",
        "status" => s => (int)s.Status,
        "verified" => s => s.LastVerified ?? DateOnly.MinValue,
        "tier" => s => s.Location is null ? 9 : (int)s.LocationTier,
        "code" => s => s.DivisionCode ?? s.StreetCode ?? "",
        _ => s => s.Name(english),
    };

    /// <summary>How sort values compare: text as the reader's language orders it (pinyin in Chinese), the rest by value.</summary>
    public static IComparer<object?> ValueComparer(CultureInfo culture) =>
        Comparer<object?>.Create((a, b) => a is string x && b is string y ? string.Compare(x, y, culture, CompareOptions.None) : Comparer<object?>.Default.Compare(a, b));

    public static readonly IReadOnlyList<string> SortColumns = ["name", "type", "street", "status", "verified", "tier", "code"];

    /// <summary>The columns each person may hide (kept in their browser), and their titles' resource keys.</summary>
    public static readonly IReadOnlyList<string> HideableColumns = ["type", "street", "status", "verified", "tier", "code"];

    public static string ColumnTitle(string column) => column switch
    {
        "type" => "Grid_Type",
        "street" => "Staff_Street",
        "status" => "Grid_Status",
        "verified" => "Staff_Verified",
        "tier" => "Grid_Tier",
        _ => "Grid_Codes",
    };

    public static StationsGridState Parse(Func<string, string?> query)
    {
        var filter = new StationListFilter(
            StationTypes.TryParse(query(TypeKey), out var type) ? type : null,
            StreetTown.Find(query(StreetKey))?.Slug,
            Core.Text.WireName.TryParse(query(StatusKey), out StationStatus status) ? status : null,
            Enum.TryParse<Verification>(query(VerifiedKey), ignoreCase: true, out var verification) && Enum.IsDefined(verification) ? verification : null,
            LocationTiers.TryParse(query(TierKey), out var tier) ? tier : null,
            query(UnplacedKey) is "1" or "true",
            query(SearchKey) is { Length: > 0 } q ? q[..Math.Min(q.Length, Core.Text.SearchText.MaxQueryLength)] : null);
        var sort = query(SortKey) is { } s && SortColumns.Contains(s) ? s : null;
        return new StationsGridState(filter, sort, sort is not null && query(DescendingKey) is "1" or "true");
    }

    /// <summary>The query parameters of this state (null removes one), for NavigationManager.GetUriWithQueryParameters.</summary>
    public IReadOnlyDictionary<string, object?> Query() => new Dictionary<string, object?>
    {
        [SearchKey] = string.IsNullOrWhiteSpace(Filter.Search) ? null : Filter.Search,
        [TypeKey] = Filter.Type?.ToSlug(),
        [StreetKey] = Filter.Street,
        [StatusKey] = Filter.Status is { } st ? Core.Text.WireName.Of(st) : null,
        [VerifiedKey] = Filter.Verification?.ToString().ToLowerInvariant(),
        [TierKey] = Filter.Tier?.ToSlug(),
        [UnplacedKey] = Filter.UnplacedOnly ? "1" : null,
        [SortKey] = SortBy,
        [DescendingKey] = SortBy is not null && Descending ? "1" : null,
    };

    /// <summary>The rows this state shows, in its order (by type and name when no column is chosen).</summary>
    public IReadOnlyList<Station> Rows(IEnumerable<Station> all, bool english, DateOnly today)
    {
        var filtered = Filter.Apply(all.OrderBy(s => s.Type).ThenBy(s => s.Name(english), StringComparer.Ordinal), today);
        if (SortBy is null) return filtered;
        var key = SortValue(SortBy, english);
        var comparer = ValueComparer(CultureInfo.CurrentCulture);
        return (Descending ? filtered.OrderByDescending(key, comparer) : filtered.OrderBy(key, comparer)).ToList();
    }
}
