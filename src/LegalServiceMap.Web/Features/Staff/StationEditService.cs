using System.Globalization;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Stations;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Features.Staff;

/// <summary>The editable fields of a station, as text, plus the version they were read at.</summary>
public sealed class StationForm
{
    public string Id { get; set; } = "";
    public int Version { get; set; }
    public StationType Type { get; set; }
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? AddressZh { get; set; }
    public string? AddressEn { get; set; }
    public string? Street { get; set; }
    public string? Phone { get; set; }
    public string? Hours { get; set; }
    public string? Exceptions { get; set; }
    public string? HoursNoteZh { get; set; }
    public string? HoursNoteEn { get; set; }
    public string? ServicesZh { get; set; }
    public string? ServicesEn { get; set; }
    public string? AccessibilityZh { get; set; }
    public string? AccessibilityEn { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public LocationTier LocationTier { get; set; }
    public string? NoteZh { get; set; }
    public string? NoteEn { get; set; }
    public DateOnly? LastVerified { get; set; }
    public StationStatus Status { get; set; }
    public DateOnly? ClosedFrom { get; set; }
    public DateOnly? ClosedUntil { get; set; }
    public string? ClosureReasonZh { get; set; }
    public string? ClosureReasonEn { get; set; }

    public static string StatusSlug(StationStatus s) => WireName.Of(s);

    public StationForm Copy() => (StationForm)MemberwiseClone();

    /// <summary>The audited fields as text, in a fixed order.</summary>
    public IReadOnlyList<(string Field, string? Value)> Fields() =>
    [
        ("type", Type.ToSlug()), ("nameZh", NameZh), ("nameEn", NameEn), ("addressZh", AddressZh), ("addressEn", AddressEn),
        ("street", Street), ("phone", Phone), ("hours", Hours), ("exceptions", Exceptions), ("hoursNoteZh", HoursNoteZh), ("hoursNoteEn", HoursNoteEn),
        ("servicesZh", ServicesZh), ("servicesEn", ServicesEn), ("accessibilityZh", AccessibilityZh), ("accessibilityEn", AccessibilityEn),
        ("latitude", Latitude?.ToString("0.#######", CultureInfo.InvariantCulture)), ("longitude", Longitude?.ToString("0.#######", CultureInfo.InvariantCulture)),
        ("locationTier", LocationTier.ToSlug()), ("noteZh", NoteZh), ("noteEn", NoteEn),
        ("lastVerified", LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("status", StatusSlug(Status)), ("closedFrom", ClosedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("closedUntil", ClosedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("closureReasonZh", ClosureReasonZh), ("closureReasonEn", ClosureReasonEn),
    ];

    /// <summary>Sets one audited field from its text form (as stored in the audit); false when the text cannot be read.</summary>
    public bool TrySet(string field, string? value)
    {
        var v = string.IsNullOrWhiteSpace(value) ? null : value;
        switch (field)
        {
            case "type": if (!StationTypes.TryParse(v, out var t)) return false; Type = t; break;
            case "nameZh": NameZh = v ?? ""; break;
            case "nameEn": NameEn = v ?? ""; break;
            case "addressZh": AddressZh = v; break;
            case "addressEn": AddressEn = v; break;
            case "street": Street = v; break;
            case "phone": Phone = v; break;
            case "hours": Hours = v; break;
            case "exceptions": Exceptions = v; break;
            case "hoursNoteZh": HoursNoteZh = v; break;
            case "hoursNoteEn": HoursNoteEn = v; break;
            case "servicesZh": ServicesZh = v; break;
            case "servicesEn": ServicesEn = v; break;
            case "accessibilityZh": AccessibilityZh = v; break;
            case "accessibilityEn": AccessibilityEn = v; break;
            case "latitude": if (!TryNumber(v, out var lat)) return false; Latitude = lat; break;
            case "longitude": if (!TryNumber(v, out var lng)) return false; Longitude = lng; break;
            case "locationTier": if (!LocationTiers.TryParse(v, out var tier)) return false; LocationTier = tier; break;
            case "noteZh": NoteZh = v; break;
            case "noteEn": NoteEn = v; break;
            case "lastVerified": if (!TryDate(v, out var verified)) return false; LastVerified = verified; break;
            case "closedFrom": if (!TryDate(v, out var from)) return false; ClosedFrom = from; break;
            case "closedUntil": if (!TryDate(v, out var until)) return false; ClosedUntil = until; break;
            case "closureReasonZh": ClosureReasonZh = v; break;
            case "closureReasonEn": ClosureReasonEn = v; break;
            case "status":
                if (v is null) Status = StationStatus.Active;
                else if (WireName.TryParse(v, out StationStatus status)) Status = status;
                else return false;
                break;
            default: return false;
        }
        return true;
    }

    private static bool TryDate(string? v, out DateOnly? value)
    {
        value = null;
        if (v is null) return true;
        if (!DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        value = d;
        return true;
    }

    private static bool TryNumber(string? v, out double? value)
    {
        value = null;
        if (v is null) return true;
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return false;
        value = d;
        return true;
    }

    /// <summary>Audit field names of the spreadsheet columns (imports are audited like edits).</summary>
    public static string FieldOfColumn(string column) => column switch
    {
        "name_zh" => "nameZh", "name_en" => "nameEn", "address_zh" => "addressZh", "address_en" => "addressEn",
        "hours_note_zh" => "hoursNoteZh", "hours_note_en" => "hoursNoteEn", "services_zh" => "servicesZh", "services_en" => "servicesEn",
        "accessibility_zh" => "accessibilityZh", "accessibility_en" => "accessibilityEn", "location_tier" => "locationTier",
        "note_zh" => "noteZh", "note_en" => "noteEn", "last_verified" => "lastVerified",
        "closed_from" => "closedFrom", "closed_until" => "closedUntil", "closure_reason_zh" => "closureReasonZh", "closure_reason_en" => "closureReasonEn",
        _ => column,
    };

    public static StationForm From(Station s) => new()
    {
        Id = s.Id, Version = s.Version, Type = s.Type, NameZh = s.NameZh, NameEn = s.NameEn, AddressZh = s.AddressZh, AddressEn = s.AddressEn,
        Street = s.Street, Phone = s.Phone, Hours = OpeningHoursText.Format(s.Hours), Exceptions = DatedExceptionsText.Format(s.Exceptions), HoursNoteZh = s.HoursNoteZh, HoursNoteEn = s.HoursNoteEn,
        ServicesZh = string.Join("\n", s.ServicesZh), ServicesEn = string.Join("\n", s.ServicesEn),
        AccessibilityZh = s.AccessibilityZh, AccessibilityEn = s.AccessibilityEn, Latitude = s.Latitude, Longitude = s.Longitude,
        LocationTier = s.LocationTier, NoteZh = s.NoteZh, NoteEn = s.NoteEn, LastVerified = s.LastVerified,
        Status = s.Status, ClosedFrom = s.ClosedFrom, ClosedUntil = s.ClosedUntil, ClosureReasonZh = s.ClosureReasonZh, ClosureReasonEn = s.ClosureReasonEn,
    };
}

/// <summary>A field that someone else changed since the form was loaded: what it was, and what it is now.</summary>
public sealed record ConflictingField(string Field, string? WhenLoaded, string? Now);

public enum SaveOutcome { Saved, Unchanged, Invalid, Conflict, NotFound }

/// <summary>The result of a save: on Invalid, messages by field (resource keys); on Conflict, the fields others changed.</summary>
public sealed record SaveResult(SaveOutcome Outcome, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<ConflictingField> Conflicts, int Version);

/// <summary>
/// Staff edits to stations: validation, optimistic concurrency (the version read with the form must still be current),
/// one audit row per changed field, the station taken out of the seed's hands, the search index and catalog refreshed.
/// </summary>
public sealed class StationEditService(IDbContextFactory<AppDbContext> dbFactory, StationQueries queries, TimeProvider clock)
{
    public async Task<StationForm?> LoadAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? StationForm.From(s) : null;
    }

    public async Task<IReadOnlyList<StationChange>> HistoryAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.StationChanges.AsNoTracking().Where(c => c.StationId == id).ToListAsync(ct))
            .OrderByDescending(c => c.At).ThenBy(c => c.Id).ToList();
    }

    public static IReadOnlyDictionary<string, string> Validate(StationForm f)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(f.NameZh) || f.NameZh.Length > 200) errors["nameZh"] = "Edit_ErrorName";
        if (string.IsNullOrWhiteSpace(f.NameEn) || f.NameEn.Length > 300) errors["nameEn"] = "Edit_ErrorName";
        if (f.Street is not null && StreetTown.Find(f.Street) is null) errors["street"] = "Edit_ErrorStreet";
        if (f.Phone is { Length: > 0 } phone && !System.Text.RegularExpressions.Regex.IsMatch(phone, @"^[0-9+\-() ]{3,30}$")) errors["phone"] = "Edit_ErrorPhone";
        if (!OpeningHoursText.TryParse(f.Hours, out _, out _)) errors["hours"] = "Edit_ErrorHours";
        if (!DatedExceptionsText.TryParse(f.Exceptions, out _, out _)) errors["exceptions"] = "Edit_ErrorExceptions";
        if ((f.Latitude is null) != (f.Longitude is null)) errors["latitude"] = "Edit_ErrorLocationBoth";
        else if (f.Latitude is { } lat && f.Longitude is { } lng && !new Core.Geo.GeoPoint(lat, lng).IsValid) errors["latitude"] = "Edit_ErrorLocation";
        if (f.Latitude is not null && f.Street is null) errors["street"] = "Edit_ErrorStreetForLocation";
        if (f.ClosedFrom is { } from && f.ClosedUntil is { } until && until < from) errors["closedUntil"] = "Edit_ErrorClosureDates";
        foreach (var (field, value) in f.Fields())
        {
            if (value is { Length: > 2000 }) errors.TryAdd(field, "Edit_ErrorTooLong");
        }
        return errors;
    }

    /// <summary>Saves <paramref name="form"/> if the station is still at the version the form was loaded at.</summary>
    /// <param name="loaded">The form as it was loaded, to tell the user what someone else changed meanwhile.</param>
    public async Task<SaveResult> SaveAsync(StationForm form, StationForm loaded, string user, string action = "update", CancellationToken ct = default)
    {
        var errors = Validate(form);
        if (errors.Count > 0) return new SaveResult(SaveOutcome.Invalid, errors, [], form.Version);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == form.Id, ct);
        if (station is null) return new SaveResult(SaveOutcome.NotFound, errors, [], 0);
        var current = StationForm.From(station);
        if (station.Version != form.Version) return Conflict(current, loaded);

        var changes = form.Fields().Zip(current.Fields())
            .Where(p => Clean(p.First.Value) != Clean(p.Second.Value))
            .Select(p => (p.First.Field, Old: Clean(p.Second.Value), New: Clean(p.First.Value)))
            .ToList();
        if (changes.Count == 0) return new SaveResult(SaveOutcome.Unchanged, errors, [], station.Version);

        Apply(form, station);
        station.SeedVersion = null; // staff own it now: a later seed never overwrites it
        station.Version++;
        var set = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        db.StationChanges.AddRange(changes.Select(c => new StationChange
        {
            StationId = station.Id, ChangeSet = set, At = now, User = user, Action = action, Field = c.Field, OldValue = c.Old, NewValue = c.New,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write.
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            var latest = await again.Stations.AsNoTracking().FirstAsync(s => s.Id == form.Id, ct);
            return Conflict(StationForm.From(latest), loaded);
        }
        await UpdateSearchRowAsync(db, station, ct);
        await queries.ReloadAsync(ct);
        return new SaveResult(SaveOutcome.Saved, errors, [], station.Version);
    }

    private static SaveResult Conflict(StationForm current, StationForm loaded) =>
        new(SaveOutcome.Conflict, new Dictionary<string, string>(),
            loaded.Fields().Zip(current.Fields())
                .Where(p => Clean(p.First.Value) != Clean(p.Second.Value))
                .Select(p => new ConflictingField(p.First.Field, Clean(p.First.Value), Clean(p.Second.Value)))
                .ToList(),
            current.Version);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Replace("\r", "");

    private static void Apply(StationForm f, Station s)
    {
        OpeningHoursText.TryParse(f.Hours, out var hours, out _);
        s.Type = f.Type;
        s.NameZh = f.NameZh.Trim();
        s.NameEn = f.NameEn.Trim();
        s.AddressZh = Clean(f.AddressZh);
        s.AddressEn = Clean(f.AddressEn);
        s.Street = Clean(f.Street);
        s.Phone = Clean(f.Phone);
        s.Hours = hours;
        DatedExceptionsText.TryParse(f.Exceptions, out var exceptions, out _);
        s.Exceptions = exceptions;
        s.HoursNoteZh = Clean(f.HoursNoteZh);
        s.HoursNoteEn = Clean(f.HoursNoteEn);
        s.ServicesZh = Lines(f.ServicesZh);
        s.ServicesEn = Lines(f.ServicesEn);
        s.AccessibilityZh = Clean(f.AccessibilityZh);
        s.AccessibilityEn = Clean(f.AccessibilityEn);
        s.Latitude = f.Latitude;
        s.Longitude = f.Longitude;
        s.LocationTier = f.LocationTier;
        s.NoteZh = Clean(f.NoteZh);
        s.NoteEn = Clean(f.NoteEn);
        s.LastVerified = f.LastVerified;
        s.Status = f.Status;
        s.ClosedFrom = f.ClosedFrom;
        s.ClosedUntil = f.ClosedUntil;
        s.ClosureReasonZh = Clean(f.ClosureReasonZh);
        s.ClosureReasonEn = Clean(f.ClosureReasonEn);
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static async Task UpdateSearchRowAsync(AppDbContext db, Station s, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM StationSearch WHERE Id = {s.Id};", ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO StationSearch (Id, Text) VALUES ({s.Id}, {StationSearchIndex.DocumentOf(s)});", ct);
    }

    /// <summary>Creates a station from a form (id, type and both names at least); audited as "create".</summary>
    public async Task<SaveResult> CreateAsync(StationForm form, string user, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(Validate(form));
        if (string.IsNullOrWhiteSpace(form.Id) || form.Id.Length > 100 || form.Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            errors["id"] = "Edit_ErrorId";
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!errors.ContainsKey("id") && await db.Stations.AnyAsync(s => s.Id == form.Id, ct)) errors["id"] = "Edit_ErrorIdTaken";
        if (errors.Count > 0) return new SaveResult(SaveOutcome.Invalid, errors, [], 0);

        var station = new Station { Id = form.Id.Trim(), NameZh = form.NameZh.Trim(), NameEn = form.NameEn.Trim(), Version = 1 };
        Apply(form, station);
        db.Stations.Add(station);
        var set = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        db.StationChanges.AddRange(form.Fields().Where(f => Clean(f.Value) is not null).Select(f => new StationChange
        {
            StationId = station.Id, ChangeSet = set, At = now, User = user, Action = "create", Field = f.Field, NewValue = Clean(f.Value),
        }));
        await db.SaveChangesAsync(ct);
        await UpdateSearchRowAsync(db, station, ct);
        await queries.ReloadAsync(ct);
        return new SaveResult(SaveOutcome.Saved, errors, [], station.Version);
    }

    /// <summary>
    /// Puts a station back as it was before the change set <paramref name="changeSet"/>: that change and every later one
    /// are undone field by field, newest first, and the result is saved as a new "restore" change (nothing is deleted
    /// from the history).
    /// </summary>
    public async Task<SaveResult> RestoreAsync(string stationId, string changeSet, string user, CancellationToken ct = default)
    {
        var current = await LoadAsync(stationId, ct);
        if (current is null) return new SaveResult(SaveOutcome.NotFound, new Dictionary<string, string>(), [], 0);
        var history = await HistoryAsync(stationId, ct);
        var from = history.Where(h => h.ChangeSet == changeSet).Select(h => h.At).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (from == DateTimeOffset.MaxValue) return new SaveResult(SaveOutcome.NotFound, new Dictionary<string, string>(), [], current.Version);
        var form = current.Copy();
        foreach (var change in history.Where(h => h.At >= from && h.Field != "created").OrderByDescending(h => h.At).ThenByDescending(h => h.Id))
        {
            form.TrySet(change.Field, change.OldValue);
        }
        return await SaveAsync(form, current, user, "restore", ct);
    }

    /// <summary>Today in Shanghai, for "verified today".</summary>
    public DateOnly TodayInShanghai() => DateOnly.FromDateTime(OpeningHours.ToShanghai(clock.GetUtcNow()));
}
