using System.Globalization;
using System.Text.RegularExpressions;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Core.Stations;

/// <summary>
/// One field of a station as text: the form that the staff editor shows, the audit stores (old → new), and a spreadsheet
/// cell holds (lines joined with <see cref="CellSeparator"/>). <see cref="Get"/> writes the canonical text;
/// <see cref="TrySet"/> reads it back. Immutable; thread-safe.
/// </summary>
public sealed class StationField
{
    private readonly Func<Station, string?> _get;
    private readonly Func<Station, string?, bool> _set;

    internal StationField(string name, string column, Func<Station, string?> get, Func<Station, string?, bool> set,
        string problem = "TooLong", int maxLength = StationFields.MaxLength, bool required = false, string? cellSeparator = null)
    {
        (Name, Column, _get, _set, Problem, MaxLength, Required, CellSeparator) = (name, column, get, set, problem, maxLength, required, cellSeparator);
    }

    /// <summary>camelCase: the form field, the audit row's field, and the label's resource key (<c>Field_{Name}</c>).</summary>
    public string Name { get; }
    /// <summary>snake_case: the column of CSV, XLSX and GeoJSON exports and imports.</summary>
    public string Column { get; }
    /// <summary>The problem code when the text cannot be read (<c>BadPhone</c>, <c>BadHours</c> …).</summary>
    public string Problem { get; }
    public int MaxLength { get; }
    /// <summary>The field cannot be empty (the names).</summary>
    public bool Required { get; }
    /// <summary>For multi-line fields (hours, lists): how their lines are joined in one spreadsheet cell; null for one-line fields.</summary>
    public string? CellSeparator { get; }
    public bool IsMultiline => CellSeparator is not null;

    /// <summary>The field's canonical text; null when empty.</summary>
    public string? Get(Station s) => _get(s);

    /// <summary>Sets the field from text (blank = empty, trimmed, CR removed); false when the text cannot be read, and then the station is unchanged.</summary>
    public bool TrySet(Station s, string? text) => _set(s, StationFields.Clean(text));

    /// <summary>The text as a spreadsheet cell (lines joined).</summary>
    public string? ToCell(string? text) => CellSeparator is null ? text : text?.Replace("\n", CellSeparator);

    /// <summary>A spreadsheet cell as text (split into lines on the separator, with or without its spaces, and on line breaks).</summary>
    public string? FromCell(string? cell) =>
        CellSeparator is null || cell is null ? cell
            : string.Join("\n", cell.Replace("\r", "").Split([CellSeparator.Trim() is { Length: > 0 } s ? s[0] : '\n', '\n'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>A field that could not be taken: its <see cref="StationField.Name"/>, a problem code, and the text given.</summary>
public sealed record FieldProblem(string Field, string Code, string? Value = null);

/// <summary>
/// The one table of a station's fields: the staff form, the audit, the CSV/XLSX/GeoJSON columns and the copy of one
/// version over another all go through it. Station ids are the key and not a field. Pure; thread-safe.
/// </summary>
public static class StationFields
{
    public const int MaxLength = 2000;

    private static readonly Regex PhonePattern = new(@"^[0-9+\-() ]{3,30}$", RegexOptions.Compiled);
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"];

    public static IReadOnlyList<StationField> All { get; } =
    [
        Choice("type", "type", s => s.Type.ToSlug(), (s, v) => StationTypes.TryParse(v, out var t) && Assign(() => s.Type = t), "BadType", required: true),
        Text("nameZh", "name_zh", s => s.NameZh, (s, v) => s.NameZh = v ?? "", maxLength: 200, required: true),
        Text("nameEn", "name_en", s => s.NameEn, (s, v) => s.NameEn = v ?? "", maxLength: 300, required: true),
        Text("addressZh", "address_zh", s => s.AddressZh, (s, v) => s.AddressZh = v),
        Text("addressEn", "address_en", s => s.AddressEn, (s, v) => s.AddressEn = v),
        Choice("street", "street", s => s.Street, (s, v) =>
        {
            // A slug, or a street/town's Chinese name as people type it in a spreadsheet.
            var street = v is null ? null : StreetTown.Find(v) ?? StreetTown.All.FirstOrDefault(t => t.NameZh == v);
            return (v is null || street is not null) && Assign(() => s.Street = street?.Slug);
        }, "BadStreet"),
        Choice("phone", "phone", s => s.Phone, (s, v) => (v is null || PhonePattern.IsMatch(v)) && Assign(() => s.Phone = v), "BadPhone"),
        Lines("hours", "hours", s => OpeningHoursText.Format(s.Hours), (s, v) =>
            OpeningHoursText.TryParse(v, out var hours, out _) && Assign(() => s.Hours = hours), "BadHours", " | "),
        Lines("exceptions", "exceptions", s => DatedExceptionsText.Format(s.Exceptions), (s, v) =>
            DatedExceptionsText.TryParse(v, out var exceptions, out _) && Assign(() => s.Exceptions = exceptions), "BadExceptions", " | "),
        Text("hoursNoteZh", "hours_note_zh", s => s.HoursNoteZh, (s, v) => s.HoursNoteZh = v),
        Text("hoursNoteEn", "hours_note_en", s => s.HoursNoteEn, (s, v) => s.HoursNoteEn = v),
        List("servicesZh", "services_zh", s => s.ServicesZh, (s, v) => s.ServicesZh = v),
        List("servicesEn", "services_en", s => s.ServicesEn, (s, v) => s.ServicesEn = v),
        List("languages", "languages", s => s.Languages, (s, v) => s.Languages = v),
        Text("accessibilityZh", "accessibility_zh", s => s.AccessibilityZh, (s, v) => s.AccessibilityZh = v),
        Text("accessibilityEn", "accessibility_en", s => s.AccessibilityEn, (s, v) => s.AccessibilityEn = v),
        Choice("latitude", "latitude", s => Number(s.Latitude), (s, v) => TryNumber(v, out var lat) && Assign(() => s.Latitude = lat), "BadLocation"),
        Choice("longitude", "longitude", s => Number(s.Longitude), (s, v) => TryNumber(v, out var lng) && Assign(() => s.Longitude = lng), "BadLocation"),
        Choice("locationTier", "location_tier", s => s.LocationTier.ToSlug(), (s, v) =>
            v is null ? Assign(() => s.LocationTier = LocationTier.StreetLevel) : LocationTiers.TryParse(v, out var tier) && Assign(() => s.LocationTier = tier), "BadTier"),
        Text("locationNoteZh", "location_note_zh", s => s.LocationNoteZh, (s, v) => s.LocationNoteZh = v),
        Text("locationNoteEn", "location_note_en", s => s.LocationNoteEn, (s, v) => s.LocationNoteEn = v),
        Text("noteZh", "note_zh", s => s.NoteZh, (s, v) => s.NoteZh = v),
        Text("noteEn", "note_en", s => s.NoteEn, (s, v) => s.NoteEn = v),
        Choice("lastVerified", "last_verified", s => Date(s.LastVerified), (s, v) => TryDate(v, out var d) && Assign(() => s.LastVerified = d), "BadDate"),
        List("sources", "sources", s => s.Sources, (s, v) => s.Sources = v),
        Choice("status", "status", s => WireName.Of(s.Status), (s, v) =>
            v is null ? Assign(() => s.Status = StationStatus.Active) : WireName.TryParse(v, out StationStatus status) && Assign(() => s.Status = status), "BadStatus"),
        Choice("closedFrom", "closed_from", s => Date(s.ClosedFrom), (s, v) => TryDate(v, out var d) && Assign(() => s.ClosedFrom = d), "BadDate"),
        Choice("closedUntil", "closed_until", s => Date(s.ClosedUntil), (s, v) => TryDate(v, out var d) && Assign(() => s.ClosedUntil = d), "BadDate"),
        Text("closureReasonZh", "closure_reason_zh", s => s.ClosureReasonZh, (s, v) => s.ClosureReasonZh = v),
        Text("closureReasonEn", "closure_reason_en", s => s.ClosureReasonEn, (s, v) => s.ClosureReasonEn = v),
    ];

    /// <summary>Every problem code <see cref="Apply"/> can give (each has a message for the form and for imports).</summary>
    public static IReadOnlyList<string> ProblemCodes { get; } =
        ["Missing", "TooLong", "LocationBoth", "OutsideDistrict", "StreetForLocation", "ClosureDates", .. All.Select(f => f.Problem).Distinct()];

    private static readonly Dictionary<string, StationField> ByNameTable = All.ToDictionary(f => f.Name);
    private static readonly Dictionary<string, StationField> ByColumnTable = All.ToDictionary(f => f.Column);

    public static StationField Named(string name) => ByNameTable[name];
    public static StationField? ByName(string name) => ByNameTable.GetValueOrDefault(name);
    public static StationField? ByColumn(string column) => ByColumnTable.GetValueOrDefault(column);

    /// <summary>The field texts of a station, by name.</summary>
    public static Dictionary<string, string?> TextOf(Station s) => All.ToDictionary(f => f.Name, f => f.Get(s));

    /// <summary>
    /// Sets every field for which <paramref name="text"/> has a value (a field it does not know, returned as
    /// <c>false</c> by <paramref name="has"/>, is left as it is), then checks the rules between fields. Problems name
    /// the field; the station is usable only when there are none.
    /// </summary>
    public static List<FieldProblem> Apply(Station s, Func<StationField, string?> text, Func<StationField, bool>? has = null,
        Func<GeoPoint, bool>? inDistrict = null)
    {
        var problems = new List<FieldProblem>();
        foreach (var field in All)
        {
            if (has is not null && !has(field)) continue;
            var value = text(field);
            var clean = Clean(value);
            if (clean is { Length: var n } && n > field.MaxLength) problems.Add(new FieldProblem(field.Name, "TooLong"));
            else if (field.Required && clean is null) problems.Add(new FieldProblem(field.Name, "Missing"));
            else if (!field.TrySet(s, clean)) problems.Add(new FieldProblem(field.Name, field.Problem, value));
        }
        if (problems.Any(p => p.Field is "latitude" or "longitude")) return problems;
        if ((s.Latitude is null) != (s.Longitude is null)) problems.Add(new FieldProblem("latitude", "LocationBoth"));
        else if (s.Location is { } p)
        {
            var where = $"{Number(p.Latitude)}, {Number(p.Longitude)}";
            if (!p.IsValid) problems.Add(new FieldProblem("latitude", "BadLocation", where));
            else if (inDistrict is not null && !inDistrict(p)) problems.Add(new FieldProblem("latitude", "OutsideDistrict", where));
            else if (s.Street is null && !problems.Any(x => x.Field == "street")) problems.Add(new FieldProblem("street", "StreetForLocation"));
        }
        if (s.ClosedFrom is { } from && s.ClosedUntil is { } until && until < from) problems.Add(new FieldProblem("closedUntil", "ClosureDates"));
        return problems;
    }

    /// <summary>Copies every field of <paramref name="source"/> onto <paramref name="target"/> (lists as new lists).</summary>
    public static void Copy(Station source, Station target)
    {
        foreach (var field in All) field.TrySet(target, field.Get(source));
    }

    /// <summary>The fields whose text differs: (field, old, new).</summary>
    public static List<(string Field, string? Old, string? New)> Changes(Station before, Station after) =>
        All.Select(f => (f.Name, Old: f.Get(before), New: f.Get(after))).Where(c => c.Old != c.New).ToList();

    /// <summary>A valid station id: letters, digits and hyphens, at most 100.</summary>
    public static bool IsValidId(string? id) => id is { Length: > 0 and <= 100 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Replace("\r", "").Trim();

    private static bool Assign(Action set)
    {
        set();
        return true;
    }

    private static StationField Text(string name, string column, Func<Station, string?> get, Action<Station, string?> set, int maxLength = MaxLength, bool required = false) =>
        new(name, column, get, (s, v) => Assign(() => set(s, v)), maxLength: maxLength, required: required);

    private static StationField Choice(string name, string column, Func<Station, string?> get, Func<Station, string?, bool> set, string problem, bool required = false) =>
        new(name, column, get, set, problem, required: required);

    private static StationField Lines(string name, string column, Func<Station, string?> get, Func<Station, string?, bool> set, string problem, string separator) =>
        new(name, column, s => Clean(get(s)), set, problem, cellSeparator: separator);

    private static StationField List(string name, string column, Func<Station, List<string>> get, Action<Station, List<string>> set) =>
        new(name, column, s => get(s) is { Count: > 0 } list ? string.Join("\n", list) : null,
            (s, v) => Assign(() => set(s, (v ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList())),
            cellSeparator: "\n"); // one item per line in the cell too: an item may hold a semicolon

    private static string? Number(double? v) => v?.ToString("0.#######", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryNumber(string? v, out double? value)
    {
        value = null;
        if (v is null) return true;
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d)) return false;
        value = d;
        return true;
    }

    private static bool TryDate(string? v, out DateOnly? value)
    {
        value = null;
        if (v is null) return true;
        if (!DateOnly.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        value = d;
        return true;
    }
}
