using System.Text.Json;
using System.Text;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Spatial;
using LegalServiceMap.Web.Features.Stations;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using LegalServiceMap.Web.Features.Staff.Audit;
using LegalServiceMap.Web.Features.Staff.Stations;

namespace LegalServiceMap.Web.Features.Staff.Import;

public enum TransferFormat { Csv, Xlsx, GeoJson }

public enum ImportRowStatus { New, Changed, Unchanged, Invalid }

/// <summary>The import page (section "Import").</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>How often, at most, the page redraws its progress bar (milliseconds; 0: at every step).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 5000)]
    public int ProgressMilliseconds { get; set; } = 100;
}

/// <summary>Where an import is: receiving the file (bytes), checking rows, saving them, or rebuilding the search index; done of the total.</summary>
public enum ImportPhase { Receiving, Checking, Saving, Indexing }

public sealed record ImportProgress(ImportPhase Phase, int Done, int Total);

public sealed record ImportRow(int Row, string? Id, ImportRowStatus Status, IReadOnlyList<StationTable.RowProblem> Problems, IReadOnlyList<string> ChangedFields);

/// <summary>What an import would do (dry run) or did (committed). <see cref="FileError"/> is a resource key when the file could not be read at all.</summary>
public sealed record ImportReport(string? FileError, IReadOnlyList<ImportRow> Rows, bool Committed)
{
    public int Count(ImportRowStatus status) => Rows.Count(r => r.Status == status);
    public bool CanCommit => FileError is null && Rows.Count > 0 && Rows.All(r => r.Status != ImportRowStatus.Invalid);
}

/// <summary>
/// Bulk import and export of stations: CSV (UTF-8 or GBK, as Excel on Chinese Windows saves it), XLSX, GeoJSON (the HSDS
/// datapackage is the open-data slice's, <see cref="OpenData.HsdsDataPackage"/>). An import is checked row by row first (dry run); committing applies all rows
/// or none, in one transaction, with an audit row per changed field.
/// </summary>
public sealed class StationTransferService(IDbContextFactory<AppDbContext> dbFactory, SpatialStore store, SpatialState state, TimeProvider clock,
    SecurityEvents security)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    static StationTransferService() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TransferFormat? FormatOf(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".csv" or ".txt" => TransferFormat.Csv,
        ".xlsx" => TransferFormat.Xlsx,
        ".geojson" or ".json" => TransferFormat.GeoJson,
        _ => null,
    };

    // ---- Export ----

    public async Task ExportAsync(Stream output, TransferFormat format, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stations = await db.Stations.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        var rows = stations.Select(StationTable.ToRow).ToList();
        switch (format)
        {
            case TransferFormat.Csv or TransferFormat.Xlsx:
                // MiniExcel writes synchronously underneath; HTTP response streams only allow asynchronous writes.
                await using (var buffer = new MemoryStream())
                {
                    await buffer.SaveAsAsync(Sheet(rows), excelType: format == TransferFormat.Csv ? ExcelType.CSV : ExcelType.XLSX,
                        configuration: format == TransferFormat.Csv ? CsvWriting : null, cancellationToken: ct);
                    buffer.Position = 0;
                    await buffer.CopyToAsync(output, ct);
                }
                break;
            default:
                await GeoJson.WriteAsync(output, new GeoFeatureCollection(
                    stations.Select(s => new GeoFeature(s.Location is { } p ? GeoJson.Point(p) : null, StationTable.ToRow(s), s.Id)).ToList()), ct);
                break;
        }
    }

    // ---- Import ----

    /// <summary>How many rows are checked or saved between two progress reports.</summary>
    public const int ProgressStep = 250;

    /// <summary>
    /// Checks a file and, when <paramref name="commit"/> and every row is valid, applies it all in one transaction.
    /// <paramref name="progress"/> hears rows done of the total while it checks, saves (in chunks of
    /// <see cref="ProgressStep"/>, all in the one transaction) and reindexes. Cancelled before the transaction commits,
    /// nothing is saved.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Stream file, string fileName, bool commit, string user, CancellationToken ct = default,
        IProgress<ImportProgress>? progress = null)
    {
        if (FormatOf(fileName) is not { } format) return new ImportReport("Import_FileType", [], false);
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            var read = new byte[81920];
            int n;
            while ((n = await file.ReadAsync(read, ct)) > 0)
            {
                if (buffer.Length + n > MaxFileBytes) return new ImportReport("Import_FileTooLarge", [], false);
                buffer.Write(read, 0, n);
            }
            bytes = buffer.ToArray();
        }

        List<Dictionary<string, string?>>? rows;
        try
        {
            rows = format switch
            {
                TransferFormat.Csv or TransferFormat.Xlsx => ReadSheet(bytes, format),
                _ => ReadGeoJson(bytes),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            rows = null; // unreadable: a wrong or damaged file is a report, never a crash
        }
        if (rows is null) return new ImportReport("Import_Unreadable", [], false);
        if (rows.Count == 0) return new ImportReport("Import_Empty", [], false);

        Dictionary<string, Station> existing;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            // Not tracked: the save attaches each changed station in its chunk, so the tracker never holds all 10,000.
            existing = await read.Stations.AsNoTracking().ToDictionaryAsync(s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        }
        var byDivision = existing.Values.Where(s => s.DivisionCode is not null).ToDictionary(s => s.DivisionCode!, StringComparer.Ordinal);
        var district = state.Current.Boundaries;
        Func<GeoPoint, bool> inDistrict = p => district.Contains(p) ?? (p.Latitude is > 31.1 and < 31.4 && p.Longitude is > 121.3 and < 121.6);
        var report = new List<ImportRow>();
        var parsed = new List<(Station Station, Station? Current, IReadOnlyList<(string Field, string? Old, string? New)> Changes)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % ProgressStep == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportPhase.Checking, i, rows.Count));
            }
            var problems = new List<StationTable.RowProblem>();
            var id = rows[i].GetValueOrDefault("id");
            // A residents' committee is found by its division code too (a sheet of committees and their places needs no ids).
            if (rows[i].GetValueOrDefault("division_code")?.Trim() is { Length: > 0 } code)
            {
                if (!byDivision.TryGetValue(code, out var committee)) problems.Add(new StationTable.RowProblem("Import_UnknownDivision", "division_code", code));
                else if (string.IsNullOrWhiteSpace(id)) rows[i]["id"] = id = committee.Id;
                else if (!string.Equals(id.Trim(), committee.Id, StringComparison.OrdinalIgnoreCase)) problems.Add(new StationTable.RowProblem("Import_DivisionMismatch", "division_code", code));
            }
            var current = id is null ? null : existing.GetValueOrDefault(id.Trim());
            var station = problems.Count > 0 ? null : StationTable.FromRow(rows[i], current, inDistrict, problems);
            if (station is not null && !seen.Add(station.Id))
            {
                problems.Add(new StationTable.RowProblem("Import_Duplicate", "id", station.Id));
                station = null;
            }
            if (station is null)
            {
                report.Add(new ImportRow(i + 2, id, ImportRowStatus.Invalid, problems, []));
                continue;
            }
            var changes = current is null ? [] : StationFields.Changes(current, station);
            var status = current is null ? ImportRowStatus.New : changes.Count == 0 ? ImportRowStatus.Unchanged : ImportRowStatus.Changed;
            report.Add(new ImportRow(i + 2, station.Id, status, [], changes.Select(c => StationFields.Named(c.Field).Column).ToList()));
            parsed.Add((station, current, changes));
        }
        progress?.Report(new ImportProgress(ImportPhase.Checking, rows.Count, rows.Count));
        var result = new ImportReport(null, report, false);
        if (!commit || !result.CanCommit) return result;

        await using var change = await store.BeginStationsAsync(ct);
        var db = change.Db;
        var set = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var saved = 0;
        foreach (var (station, current, changes) in parsed)
        {
            // Saved in chunks inside the one transaction, so the progress is the database's, and a cancel rolls it all back.
            if (saved++ % ProgressStep == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear(); // saved: a tracker that only grows would make every later chunk slower
                progress?.Report(new ImportProgress(ImportPhase.Saving, saved - 1, parsed.Count));
            }
            if (current is null)
            {
                station.SeedVersion = null;
                station.Version = 1;
                db.Stations.Add(station);
                db.StationChanges.Add(new StationChange { StationId = station.Id, ChangeSet = set, At = now, User = user, Action = "import", Field = "created", NewValue = station.NameZh });
            }
            else if (changes.Count > 0)
            {
                db.Stations.Attach(current); // as read (its version is the concurrency check), then changed
                StationFields.Copy(station, current);
                current.SeedVersion = null; // staff own it now: a later seed never overwrites it
                current.Version++;
                db.StationChanges.AddRange(changes.Select(c => new StationChange
                {
                    StationId = station.Id, ChangeSet = set, At = now, User = user, Action = "import", Field = c.Field, OldValue = c.Old, NewValue = c.New,
                }));
            }
        }
        await db.SaveChangesAsync(ct);
        progress?.Report(new ImportProgress(ImportPhase.Saving, parsed.Count, parsed.Count));
        // Commits (until then a cancel rolls it all back), then rebuilds the search index and publishes the stations.
        progress?.Report(new ImportProgress(ImportPhase.Indexing, parsed.Count, parsed.Count));
        await change.CommitAsync(indexed: null, ct);
        await security.RecordAsync(SecurityEventKind.Imported, user, null, result.Count(ImportRowStatus.New), result.Count(ImportRowStatus.Changed), Path.GetExtension(fileName));
        return result with { Committed = true };
    }

    /// <summary>Rows as MiniExcel writes them: the table's columns in order, risky cells escaped.</summary>
    private static IEnumerable<Dictionary<string, object?>> Sheet(IEnumerable<IReadOnlyDictionary<string, string?>> rows) =>
        rows.Select(r => StationTable.Columns.ToDictionary(c => c, c => (object?)StationTable.EscapeFormula(r.GetValueOrDefault(c))));

    /// <summary>CSV as Excel opens Chinese correctly: UTF-8 with a byte-order mark.</summary>
    private static readonly CsvConfiguration CsvWriting = new() { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) };

    /// <summary>Writes rows as CSV (RFC 4180 quoting, UTF-8 with BOM, formulas escaped).</summary>
    public static void WriteCsv(Stream stream, IEnumerable<IReadOnlyDictionary<string, string?>> rows) =>
        stream.SaveAs(Sheet(rows), excelType: ExcelType.CSV, configuration: CsvWriting);

    /// <summary>UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise GBK (code page 936), as Excel on Chinese Windows saves CSV.</summary>
    public static Encoding EncodingOf(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(936);
        }
    }

    public static string Decode(byte[] bytes) => EncodingOf(bytes).GetString(bytes).TrimStart('\uFEFF');

    /// <summary>A CSV or XLSX sheet as rows by lower-case header; null when it has no "id" column.</summary>
    private static List<Dictionary<string, string?>>? ReadSheet(byte[] bytes, TransferFormat format)
    {
        using var stream = new MemoryStream(bytes);
        var csv = format == TransferFormat.Csv;
        // One pass with the first row as data: it is the header, read here (a header with no rows is an empty file).
        var sheet = stream.Query(useHeaderRow: false, excelType: csv ? ExcelType.CSV : ExcelType.XLSX,
                configuration: csv ? new CsvConfiguration { StreamReaderFunc = s => new StreamReader(s, EncodingOf(bytes)) } : null)
            .Cast<IDictionary<string, object?>>().ToList();
        if (sheet.Count == 0) return null;
        var columns = sheet[0].Select(kv => (Cell: kv.Key, Name: Header(kv.Value?.ToString() ?? "")))
            .Where(c => c.Name.Length > 0).GroupBy(c => c.Name).Select(g => g.First()).ToList();
        if (!columns.Any(c => c.Name is "id" or "division_code")) return null;
        return sheet.Skip(1).Where(r => r.Values.Any(v => v is not null && !string.IsNullOrWhiteSpace(v.ToString())))
            .Select(r => columns.ToDictionary(c => c.Name, c => r.TryGetValue(c.Cell, out var value) ? value switch
            {
                null => null,
                double d => d.ToString("0.#######", System.Globalization.CultureInfo.InvariantCulture),
                DateTime dt => dt.ToString("yyyy-MM-dd"),
                var v => v.ToString(),
            } : null)).ToList();
    }

    private static string Header(string key) => key.Trim().TrimStart('\uFEFF').ToLowerInvariant();

    /// <summary>Station features: their properties are the table's columns; a point geometry gives the location.</summary>
    private static List<Dictionary<string, string?>> ReadGeoJson(byte[] bytes) =>
        GeoJson.Read(new MemoryStream(bytes)).Select(f =>
        {
            var row = f.Properties.Keys.ToDictionary(k => k.ToLowerInvariant(), f.Text);
            if (f.Geometry is NetTopologySuite.Geometries.Point p)
            {
                row["longitude"] = p.X.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                row["latitude"] = p.Y.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            }
            return row;
        }).ToList();
}
