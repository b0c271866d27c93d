using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Features.Staff.Audit;
using LegalServiceMap.Web.Spatial;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Features.Staff.Stations;

/// <summary>
/// The staff form: every field of <see cref="StationFields"/> as text, by name (the text the audit stores), plus the
/// station's id and the version the form was read at.
/// </summary>
public sealed class StationForm
{
    public string Id { get; set; } = "";
    public int Version { get; set; }
    public Dictionary<string, string?> Values { get; private init; } = StationFields.All.ToDictionary(f => f.Name, _ => (string?)null);

    public string? this[string field]
    {
        get => Values[field];
        set => Values[field] = value;
    }

    public StationForm Copy() => new() { Id = Id, Version = Version, Values = new Dictionary<string, string?>(Values) };

    /// <summary>Puts the pin at <paramref name="p"/> (7 decimals, about 1 cm) with the tier that says how well it is known.</summary>
    public void Place(Core.Geo.GeoPoint p, LocationTier tier)
    {
        this["latitude"] = Math.Round(p.Latitude, 7).ToString(System.Globalization.CultureInfo.InvariantCulture);
        this["longitude"] = Math.Round(p.Longitude, 7).ToString(System.Globalization.CultureInfo.InvariantCulture);
        this["locationTier"] = tier.ToSlug();
    }

    /// <summary>The pin the form's coordinates give (WGS-84), or null.</summary>
    public Core.Geo.GeoPoint? Pin =>
        Core.Text.QueryValues.Finite(this["latitude"]) is { } lat && Core.Text.QueryValues.Finite(this["longitude"]) is { } lng ? new Core.Geo.GeoPoint(lat, lng) : null;

    /// <summary>What the geocoder is asked for this station: its address, else its name.</summary>
    public string GeocodingQuery => (this["addressZh"] ?? this["addressEn"]) is { Length: > 0 } address && !string.IsNullOrWhiteSpace(address) ? address : this["nameZh"] ?? "";

    public static StationForm From(Station s) => new() { Id = s.Id, Version = s.Version, Values = StationFields.TextOf(s) };

    /// <summary>A form for a new station: the first type, a street-level position, active.</summary>
    public static StationForm New() => From(new Station { Id = "", NameZh = "", NameEn = "", Type = StationTypes.All[0] });
}

/// <summary>Where a station is put: a point (WGS-84), how well it is known, and the street/town a geocoding candidate gives.</summary>
public sealed record Placement(Core.Geo.GeoPoint Location, LocationTier Tier, string? StreetTown);

/// <summary>A field that someone else changed since the form was loaded: what it was, and what it is now.</summary>
public sealed record ConflictingField(string Field, string? WhenLoaded, string? Now);

public enum SaveOutcome { Saved, Unchanged, Invalid, Conflict, NotFound }

/// <summary>The result of a save: on Invalid, messages by field (resource keys); on Conflict, the fields others changed.</summary>
public sealed record SaveResult(SaveOutcome Outcome, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<ConflictingField> Conflicts, int Version);

/// <summary>
/// Staff edits to stations: validation, optimistic concurrency (the version read with the form must still be current),
/// one audit row per changed field, the station taken out of the seed's hands, the search index and catalog refreshed.
/// </summary>
public sealed class StationEditService(IDbContextFactory<AppDbContext> dbFactory, SpatialStore store, TimeProvider clock, SecurityEvents security)
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

    /// <summary>Reads a form into a new, detached station; the errors are resource keys by field.</summary>
    public static (Station Station, Dictionary<string, string> Errors) Read(StationForm form)
    {
        var station = new Station { Id = form.Id.Trim(), NameZh = "", NameEn = "" };
        var errors = new Dictionary<string, string>();
        foreach (var p in StationFields.Apply(station, f => form.Values.GetValueOrDefault(f.Name))) errors.TryAdd(p.Field, $"Edit_Error{p.Code}");
        return (station, errors);
    }

    /// <summary>Saves <paramref name="form"/> if the station is still at the version the form was loaded at.</summary>
    /// <param name="loaded">The form as it was loaded, to tell the user what someone else changed meanwhile.</param>
    public async Task<SaveResult> SaveAsync(StationForm form, StationForm loaded, string user, string action = "update", CancellationToken ct = default)
    {
        var (edited, errors) = Read(form);
        if (errors.Count > 0) return new SaveResult(SaveOutcome.Invalid, errors, [], form.Version);

        await using var change = await store.BeginStationsAsync(ct);
        var db = change.Db;
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == form.Id, ct);
        if (station is null) return new SaveResult(SaveOutcome.NotFound, errors, [], 0);
        if (station.Version != form.Version) return Conflict(StationForm.From(station), loaded);

        var changes = StationFields.Changes(station, edited);
        if (changes.Count == 0) return new SaveResult(SaveOutcome.Unchanged, errors, [], station.Version);

        StationFields.Copy(edited, station);
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
            await change.CommitAsync([station], ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write.
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            var latest = await again.Stations.AsNoTracking().FirstAsync(s => s.Id == form.Id, ct);
            return Conflict(StationForm.From(latest), loaded);
        }
        return new SaveResult(SaveOutcome.Saved, errors, [], station.Version);
    }

    private static SaveResult Conflict(StationForm current, StationForm loaded) =>
        new(SaveOutcome.Conflict, new Dictionary<string, string>(),
            StationFields.All.Where(f => loaded.Values.GetValueOrDefault(f.Name) != current[f.Name])
                .Select(f => new ConflictingField(f.Name, loaded.Values.GetValueOrDefault(f.Name), current[f.Name]))
                .ToList(),
            current.Version);

    /// <summary>Creates a station from a form (id, type and both names at least); audited as "create".</summary>
    public async Task<SaveResult> CreateAsync(StationForm form, string user, CancellationToken ct = default)
    {
        var (station, errors) = Read(form);
        if (!StationFields.IsValidId(station.Id)) errors["id"] = "Edit_ErrorBadId";
        await using var change = await store.BeginStationsAsync(ct);
        var db = change.Db;
        if (!errors.ContainsKey("id") && await db.Stations.AnyAsync(s => s.Id == station.Id, ct)) errors["id"] = "Edit_ErrorIdTaken";
        if (errors.Count > 0) return new SaveResult(SaveOutcome.Invalid, errors, [], 0);

        station.Version = 1;
        db.Stations.Add(station);
        var set = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        db.StationChanges.AddRange(StationFields.All.Select(f => (f.Name, Value: f.Get(station))).Where(f => f.Value is not null).Select(f => new StationChange
        {
            StationId = station.Id, ChangeSet = set, At = now, User = user, Action = "create", Field = f.Name, NewValue = f.Value,
        }));
        await change.CommitAsync([station], ct);
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
            if (form.Values.ContainsKey(change.Field)) form[change.Field] = change.OldValue;
        }
        var result = await SaveAsync(form, current, user, "restore", ct);
        if (result.Outcome == SaveOutcome.Saved) await security.RecordAsync(SecurityEventKind.Restored, user, null, stationId, changeSet);
        return result;
    }

    /// <summary>
    /// Places a station at a geocoding candidate (the "place the unplaced" work): its point, the tier its match type
    /// gives, and its street/town when the record has none; saved and audited like any edit (action "place").
    /// </summary>
    public async Task<SaveResult> PlaceAsync(string id, Core.Geocoding.GeocodeCandidate candidate, string user, CancellationToken ct = default)
    {
        if (await LoadAsync(id, ct) is not { } loaded) return new SaveResult(SaveOutcome.NotFound, new Dictionary<string, string>(), [], 0);
        var form = loaded.Copy();
        form.Place(candidate.Location, candidate.Tier);
        if (string.IsNullOrEmpty(form["street"]) && candidate.StreetTown is not null) form["street"] = candidate.StreetTown;
        return await SaveAsync(form, loaded, user, "place", ct);
    }

    /// <summary>
    /// One change to many stations (the list's bulk actions): each is saved on its own through <see cref="SaveAsync"/>
    /// — validated, audited with <paramref name="action"/>, refused when someone changed it meanwhile — and the outcome
    /// counted.
    /// </summary>
    public async Task<IReadOnlyDictionary<SaveOutcome, int>> BulkAsync(IEnumerable<string> ids, Action<StationForm> change, string user, string action,
        CancellationToken ct = default)
    {
        var outcomes = new Dictionary<SaveOutcome, int>();
        foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            SaveOutcome outcome;
            if (await LoadAsync(id, ct) is not { } loaded) outcome = SaveOutcome.NotFound;
            else
            {
                var form = loaded.Copy();
                change(form);
                outcome = (await SaveAsync(form, loaded, user, action, ct)).Outcome;
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        return outcomes;
    }

    /// <summary>Today in Shanghai, for "verified today".</summary>
    public DateOnly TodayInShanghai() => DateOnly.FromDateTime(OpeningHours.ToShanghai(clock.GetUtcNow()));
}
