using LegalServiceMap.Core.Text;
using System.Globalization;
using System.Text;
using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Core.Stations;

/// <summary>
/// Stations as rows of a spreadsheet (CSV, XLSX): one column per field, lists joined with "; ", hours in the
/// <see cref="OpeningHoursText"/> form with lines joined by " | ". The same columns are exported and imported.
/// Pure; thread-safe.
/// </summary>
public static class StationTable
{
    public static readonly string[] Columns =
    [
        "id", "type", "name_zh", "name_en", "address_zh", "address_en", "street", "phone", "hours", "exceptions", "hours_note_zh", "hours_note_en",
        "services_zh", "services_en", "languages", "accessibility_zh", "accessibility_en", "latitude", "longitude", "location_tier",
        "note_zh", "note_en", "last_verified", "sources", "status", "closed_from", "closed_until", "closure_reason_zh", "closure_reason_en",
    ];

    public static IReadOnlyDictionary<string, string?> ToRow(Station s) => new Dictionary<string, string?>
    {
        ["id"] = s.Id, ["type"] = s.Type.ToSlug(), ["name_zh"] = s.NameZh, ["name_en"] = s.NameEn, ["address_zh"] = s.AddressZh,
        ["address_en"] = s.AddressEn, ["street"] = s.Street, ["phone"] = s.Phone,
        ["hours"] = OpeningHoursText.Format(s.Hours).Replace("\n", " | "), ["exceptions"] = DatedExceptionsText.Format(s.Exceptions).Replace("\n", " | "), ["hours_note_zh"] = s.HoursNoteZh, ["hours_note_en"] = s.HoursNoteEn,
        ["services_zh"] = string.Join("; ", s.ServicesZh), ["services_en"] = string.Join("; ", s.ServicesEn), ["languages"] = string.Join("; ", s.Languages),
        ["accessibility_zh"] = s.AccessibilityZh, ["accessibility_en"] = s.AccessibilityEn,
        ["latitude"] = s.Latitude?.ToString("0.#######", CultureInfo.InvariantCulture), ["longitude"] = s.Longitude?.ToString("0.#######", CultureInfo.InvariantCulture),
        ["location_tier"] = s.LocationTier.ToSlug(), ["note_zh"] = s.NoteZh, ["note_en"] = s.NoteEn,
        ["last_verified"] = s.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["sources"] = string.Join("; ", s.Sources),
        ["status"] = WireName.Of(s.Status),
        ["closed_from"] = s.ClosedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["closed_until"] = s.ClosedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["closure_reason_zh"] = s.ClosureReasonZh, ["closure_reason_en"] = s.ClosureReasonEn,
    };

    /// <summary>A problem with one row: a resource key and its arguments (the column, the value).</summary>
    public sealed record RowProblem(string Key, string Column, string? Value = null);

    /// <summary>Reads a row into a station; null with problems when the row cannot be used.</summary>
    public static Station? FromRow(IReadOnlyDictionary<string, string?> row, Func<GeoPoint, bool>? inDistrict, List<RowProblem> problems)
    {
        string? Get(string c) => row.TryGetValue(c, out var v) && !string.IsNullOrWhiteSpace(v) ? UnescapeFormula(v.Trim()) : null;
        var before = problems.Count;
        foreach (var (column, value) in row)
        {
            if (value is { Length: > 0 } v && v.TrimStart() is [ '=' or '+' or '@', ..] or [ '-', not (>= '0' and <= '9'), ..])
            {
                problems.Add(new RowProblem("Import_Formula", column, value));
            }
            if (value is { Length: > 2000 }) problems.Add(new RowProblem("Import_TooLong", column));
        }
        var id = Get("id");
        if (id is null) problems.Add(new RowProblem("Import_Missing", "id"));
        else if (id.Length > 100 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-'))) problems.Add(new RowProblem("Import_BadId", "id", id));
        if (!StationTypes.TryParse(Get("type"), out var type)) problems.Add(new RowProblem(Get("type") is null ? "Import_Missing" : "Import_BadType", "type", Get("type")));
        if (Get("name_zh") is null) problems.Add(new RowProblem("Import_Missing", "name_zh"));
        if (Get("name_en") is null) problems.Add(new RowProblem("Import_Missing", "name_en"));
        var street = Get("street");
        if (street is not null && StreetTown.Find(street) is null && StreetTown.All.FirstOrDefault(s => s.NameZh == street) is { } byName) street = byName.Slug;
        if (street is not null && StreetTown.Find(street) is null) problems.Add(new RowProblem("Import_BadStreet", "street", street));
        var phone = Get("phone");
        if (phone is not null && !System.Text.RegularExpressions.Regex.IsMatch(phone, @"^[0-9+\-() ]{3,30}$")) problems.Add(new RowProblem("Import_BadPhone", "phone", phone));
        if (!OpeningHoursText.TryParse((Get("hours") ?? "").Replace(" | ", "\n").Replace("|", "\n"), out var hours, out _))
        {
            problems.Add(new RowProblem("Import_BadHours", "hours", Get("hours")));
        }
        if (!DatedExceptionsText.TryParse((Get("exceptions") ?? "").Replace(" | ", "\n").Replace("|", "\n"), out var exceptions, out _))
        {
            problems.Add(new RowProblem("Import_BadExceptions", "exceptions", Get("exceptions")));
        }
        double? lat = null, lng = null;
        var (latText, lngText) = (Get("latitude"), Get("longitude"));
        if (latText is not null || lngText is not null)
        {
            if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || !double.TryParse(lngText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
                || !new GeoPoint(la, lo).IsValid)
            {
                problems.Add(new RowProblem("Import_BadLocation", "latitude", $"{latText}, {lngText}"));
            }
            else if (inDistrict is not null && !inDistrict(new GeoPoint(la, lo)))
            {
                problems.Add(new RowProblem("Import_OutsideDistrict", "latitude", $"{latText}, {lngText}"));
            }
            else
            {
                (lat, lng) = (la, lo);
                if (street is null) problems.Add(new RowProblem("Import_Missing", "street"));
            }
        }
        var tier = LocationTier.StreetLevel;
        if (Get("location_tier") is { } tierText && !LocationTiers.TryParse(tierText, out tier)) problems.Add(new RowProblem("Import_BadTier", "location_tier", tierText));
        DateOnly? verified = null;
        if (Get("last_verified") is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) verified = d;
            else problems.Add(new RowProblem("Import_BadDate", "last_verified", dateText));
        }
        var status = StationStatus.Active;
        if (Get("status") is { } statusText && !WireName.TryParse(statusText, out status)) problems.Add(new RowProblem("Import_BadStatus", "status", statusText));
        DateOnly? DateOf(string column)
        {
            if (Get(column) is not { } text) return null;
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            problems.Add(new RowProblem("Import_BadDate", column, text));
            return null;
        }
        var closedFrom = DateOf("closed_from");
        var closedUntil = DateOf("closed_until");
        if (problems.Count > before) return null;

        static List<string> List(string? s) => (s ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new Station
        {
            Id = id!, Type = type, NameZh = Get("name_zh")!, NameEn = Get("name_en")!, AddressZh = Get("address_zh"), AddressEn = Get("address_en"),
            Street = street, Phone = phone, Hours = hours, Exceptions = exceptions, HoursNoteZh = Get("hours_note_zh"), HoursNoteEn = Get("hours_note_en"),
            ServicesZh = List(Get("services_zh")), ServicesEn = List(Get("services_en")), Languages = List(Get("languages")),
            AccessibilityZh = Get("accessibility_zh"), AccessibilityEn = Get("accessibility_en"), Latitude = lat, Longitude = lng, LocationTier = tier,
            NoteZh = Get("note_zh"), NoteEn = Get("note_en"), LastVerified = verified, Sources = List(Get("sources")),
            Status = status, ClosedFrom = closedFrom, ClosedUntil = closedUntil, ClosureReasonZh = Get("closure_reason_zh"), ClosureReasonEn = Get("closure_reason_en"),
        };
    }

    /// <summary>Escapes a cell that a spreadsheet would run as a formula (= + - @, tab, CR) by prefixing an apostrophe.</summary>
    public static string? EscapeFormula(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    /// <summary>Writes rows as RFC 4180 CSV (UTF-8 with a byte-order mark, so Excel opens Chinese correctly), formulas escaped.</summary>
    public static void WriteCsv(Stream stream, IEnumerable<IReadOnlyDictionary<string, string?>> rows)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        w.Write(string.Join(",", Columns) + "\r\n");
        foreach (var row in rows)
        {
            w.Write(string.Join(",", Columns.Select(c => Quote(EscapeFormula(row.TryGetValue(c, out var v) ? v : null)))) + "\r\n");
        }
    }

    private static string Quote(string? v) =>
        v is null ? "" : v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;

    /// <summary>
    /// Reads CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). The first row is the header;
    /// returns null when there is no usable header (no "id" column).
    /// </summary>
    public static List<Dictionary<string, string?>>? ReadCsv(string text)
    {
        var records = new List<List<string>>();
        var field = new StringBuilder();
        var record = new List<string>();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': record.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        if (records.Count == 0) return null;
        var header = records[0].Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        if (!header.Contains("id")) return null;
        return records.Skip(1)
            .Where(r => r.Any(v => !string.IsNullOrWhiteSpace(v)))
            .Select(r => header.Select((h, k) => (h, k)).Where(t => t.h.Length > 0)
                .GroupBy(t => t.h).ToDictionary(g => g.Key, g => (string?)(g.First().k < r.Count ? r[g.First().k] : null)))
            .ToList();
    }

    /// <summary>Our own export prefixes risky cells with an apostrophe; reading it back removes it.</summary>
    private static string UnescapeFormula(string v) => v.Length > 1 && v[0] == '\'' && v[1] is '=' or '+' or '-' or '@' ? v[1..] : v;
}
