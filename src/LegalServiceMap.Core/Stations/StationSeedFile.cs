using System.Globalization;
using System.Text.Json;

namespace LegalServiceMap.Core.Stations;

/// <summary>The seed file could not be used; <see cref="Problems"/> lists every problem found, by record.</summary>
public sealed class SeedFormatException(IReadOnlyList<string> problems)
    : Exception("The station seed file is invalid: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads the versioned station seed file (data/stations.json). Format: see README, "Seed format".
/// The whole file is validated before anything is returned, so a bad edit never half-applies.
/// </summary>
public static class StationSeedFile
{
    public const string Schema = "legal-service-map/stations";

    public sealed record Contents(int Version, IReadOnlyList<Station> Stations);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Contents Read(Stream stream)
    {
        Doc? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Doc>(stream, Options);
        }
        catch (JsonException ex)
        {
            throw new SeedFormatException([$"not valid JSON: {ex.Message}"]);
        }
        if (doc is null || doc.Schema != Schema)
        {
            throw new SeedFormatException([$"schema must be \"{Schema}\""]);
        }

        var problems = new List<string>();
        if (doc.Version <= 0)
        {
            problems.Add("version must be a positive integer");
        }
        var stations = new List<Station>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rec, index) in (doc.Stations ?? []).Select((r, i) => (r, i)))
        {
            var where = $"station #{index + 1} ({rec.Id ?? "no id"})";
            var station = ToStation(rec, doc.Version, where, problems);
            if (station is null)
            {
                continue;
            }
            if (!ids.Add(station.Id))
            {
                problems.Add($"{where}: duplicate id");
                continue;
            }
            stations.Add(station);
        }
        if (problems.Count > 0)
        {
            throw new SeedFormatException(problems);
        }
        return new Contents(doc.Version, stations);
    }

    private static Station? ToStation(Rec r, int version, string where, List<string> problems)
    {
        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(r.Id) || r.Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            problems.Add($"{where}: id must be ASCII letters, digits and hyphens");
        }
        if (!StationTypes.TryParse(r.Type, out var type))
        {
            problems.Add($"{where}: unknown type '{r.Type}'");
        }
        if (string.IsNullOrWhiteSpace(r.Name?.Zh) || string.IsNullOrWhiteSpace(r.Name?.En))
        {
            problems.Add($"{where}: name needs both zh and en");
        }
        if (r.Street is not null && StreetTown.Find(r.Street) is null)
        {
            problems.Add($"{where}: unknown street/town '{r.Street}'");
        }

        var tier = LocationTier.StreetLevel;
        Geo.GeoPoint? wgs = null;
        if (r.Location is { } loc)
        {
            var system = (loc.Coord ?? "wgs84").ToLowerInvariant() switch
            {
                "wgs84" => Geo.CoordinateSystem.Wgs84,
                "gcj02" => Geo.CoordinateSystem.Gcj02,
                "bd09" => Geo.CoordinateSystem.Bd09,
                _ => (Geo.CoordinateSystem?)null,
            };
            if (system is null)
            {
                problems.Add($"{where}: location coord must be wgs84, gcj02 or bd09");
            }
            else
            {
                wgs = Geo.ChinaCoordinates.Convert(new Geo.GeoPoint(loc.Lat, loc.Lng), system.Value, Geo.CoordinateSystem.Wgs84);
            }
            if (!new Geo.GeoPoint(loc.Lat, loc.Lng).IsValid)
            {
                problems.Add($"{where}: location is not a valid WGS-84 point");
            }
            if (!LocationTiers.TryParse(loc.Tier, out tier))
            {
                problems.Add($"{where}: unknown location tier '{loc.Tier}'");
            }
            if (r.Street is null)
            {
                problems.Add($"{where}: a located station needs its street/town");
            }
        }

        var hours = new List<OpeningPeriod>();
        foreach (var h in r.Hours ?? [])
        {
            if (!TryParseDay(h.Day, out var day)
                || !TimeOnly.TryParseExact(h.Opens, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                || !TimeOnly.TryParseExact(h.Closes, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
                || closes <= opens)
            {
                problems.Add($"{where}: bad opening period {h.Day} {h.Opens}-{h.Closes}");
                continue;
            }
            hours.Add(new OpeningPeriod(day, opens, closes));
        }

        DateOnly? verified = null;
        if (r.LastVerified is { } lv)
        {
            if (DateOnly.TryParseExact(lv, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                verified = d;
            }
            else
            {
                problems.Add($"{where}: lastVerified must be yyyy-MM-dd");
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new Station
        {
            Id = r.Id!,
            Type = type,
            NameZh = r.Name!.Zh!.Trim(),
            NameEn = r.Name!.En!.Trim(),
            AddressZh = Clean(r.Address?.Zh),
            AddressEn = Clean(r.Address?.En),
            Street = r.Street,
            Phone = Clean(r.Phone),
            Hours = hours,
            HoursNoteZh = Clean(r.HoursNote?.Zh),
            HoursNoteEn = Clean(r.HoursNote?.En),
            ServicesZh = r.Services?.Zh ?? [],
            ServicesEn = r.Services?.En ?? [],
            Languages = r.Languages ?? [],
            AccessibilityZh = Clean(r.Accessibility?.Zh),
            AccessibilityEn = Clean(r.Accessibility?.En),
            Latitude = wgs?.Latitude,
            Longitude = wgs?.Longitude,
            LocationTier = tier,
            LocationNoteZh = Clean(r.Location?.Note?.Zh),
            LocationNoteEn = Clean(r.Location?.Note?.En),
            Sources = r.Sources ?? [],
            NoteZh = Clean(r.Note?.Zh),
            NoteEn = Clean(r.Note?.En),
            LastVerified = verified,
            SeedVersion = version,
        };
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool TryParseDay(string? s, out DayOfWeek day)
    {
        day = (s ?? "").ToLowerInvariant() switch
        {
            "mon" => DayOfWeek.Monday,
            "tue" => DayOfWeek.Tuesday,
            "wed" => DayOfWeek.Wednesday,
            "thu" => DayOfWeek.Thursday,
            "fri" => DayOfWeek.Friday,
            "sat" => DayOfWeek.Saturday,
            "sun" => DayOfWeek.Sunday,
            _ => (DayOfWeek)(-1),
        };
        return (int)day >= 0;
    }

    private sealed record Doc(string? Schema, int Version, List<Rec>? Stations);

    private sealed record Text(string? Zh, string? En);

    private sealed record TextList(List<string>? Zh, List<string>? En);

    private sealed record Period(string? Day, string? Opens, string? Closes);

    /// <param name="Coord">wgs84 (default), gcj02 or bd09: locations copied from Chinese maps are converted to WGS-84 on reading.</param>
    private sealed record Loc(double Lat, double Lng, string? Tier, Text? Note, string? Coord);

    private sealed record Rec(
        string? Id, string? Type, Text? Name, Text? Address, string? Street, string? Phone,
        List<Period>? Hours, Text? HoursNote, TextList? Services, List<string>? Languages, Text? Accessibility,
        Loc? Location, List<string>? Sources, Text? Note, string? LastVerified);
}
