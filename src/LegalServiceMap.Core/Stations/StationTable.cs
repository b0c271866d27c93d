using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Core.Stations;

/// <summary>
/// Stations as rows of a spreadsheet (CSV, XLSX, GeoJSON properties): the id and one column per
/// <see cref="StationFields"/> entry; lists one item per line in the cell, hours and special days joined with " | ". The same columns are
/// exported and imported.
/// Pure; thread-safe.
/// </summary>
public static class StationTable
{
    /// <summary>
    /// The id, the official codes (street/town 9 digits; a committee's 12 digits, which also finds its record on import),
    /// then one column per <see cref="StationFields"/> entry. The codes are written, not read: the register owns them.
    /// </summary>
    public static readonly string[] Columns = ["id", "street_code", "division_code", .. StationFields.All.Select(f => f.Column)];

    public static IReadOnlyDictionary<string, string?> ToRow(Station s)
    {
        var row = new Dictionary<string, string?> { ["id"] = s.Id, ["street_code"] = s.StreetCode, ["division_code"] = s.DivisionCode };
        foreach (var field in StationFields.All) row[field.Column] = field.ToCell(field.Get(s));
        return row;
    }

    /// <summary>A problem with one row: a resource key and its arguments (the column, the value).</summary>
    public sealed record RowProblem(string Key, string Column, string? Value = null);

    /// <summary>
    /// Reads a row into a station; null with problems when the row cannot be used. For a station that exists
    /// (<paramref name="existing"/>), a column the file does not have leaves that field as it is; for a new one it is empty.
    /// </summary>
    public static Station? FromRow(IReadOnlyDictionary<string, string?> row, Station? existing, Func<GeoPoint, bool>? inDistrict, List<RowProblem> problems)
    {
        string? Cell(string c) => row.TryGetValue(c, out var v) && !string.IsNullOrWhiteSpace(v) ? UnescapeFormula(v.Trim()) : null;
        var before = problems.Count;
        foreach (var (column, value) in row)
        {
            if (value is { Length: > 0 } v && v.TrimStart() is [ '=' or '+' or '@', ..] or [ '-', not (>= '0' and <= '9'), ..])
            {
                problems.Add(new RowProblem("Import_Formula", column, value));
            }
        }
        var id = Cell("id");
        if (id is null) problems.Add(new RowProblem("Import_Missing", "id"));
        else if (!StationFields.IsValidId(id)) problems.Add(new RowProblem("Import_BadId", "id", id));

        var station = new Station { Id = id ?? "", NameZh = "", NameEn = "" };
        if (existing is not null) StationFields.Copy(existing, station);
        var fieldProblems = StationFields.Apply(station, f => f.FromCell(Cell(f.Column)),
            has: existing is null ? null : f => row.ContainsKey(f.Column), inDistrict);
        problems.AddRange(fieldProblems.Select(p => new RowProblem($"Import_{p.Code}", StationFields.Named(p.Field).Column, p.Value)));
        return problems.Count > before ? null : station;
    }

    /// <summary>Escapes a cell that a spreadsheet would run as a formula (= + - @, tab, CR) by prefixing an apostrophe.</summary>
    public static string? EscapeFormula(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    /// <summary>Our own export prefixes risky cells with an apostrophe; reading it back removes it.</summary>
    private static string UnescapeFormula(string v) => v.Length > 1 && v[0] == '\'' && v[1] is '=' or '+' or '-' or '@' ? v[1..] : v;
}
