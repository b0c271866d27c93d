using System.Text.Json;

namespace LegalServiceMap.Core.Stations;

/// <summary>
/// One entry of the rule-of-law culture map (法治文化地图): a short description of a culture site, in both languages,
/// with the sources it is taken from. <see cref="Red"/>: a source names it a red rule-of-law resource or puts it on a red
/// rule-of-law route. <see cref="OnRoute"/>: the suggested walk visits it (when it has a position).
/// </summary>
public sealed record CultureEntry(string StationId, bool Red, bool OnRoute, string AboutZh, string AboutEn, IReadOnlyList<string> Sources)
{
    public string About(bool english) => english ? AboutEn : AboutZh;
}

/// <summary>Reads data/culture.json. Immutable once read.</summary>
public sealed class CultureGuide(IReadOnlyList<CultureEntry> entries)
{
    public const string Schema = "legal-service-map/culture-guide";

    public static CultureGuide Empty { get; } = new([]);

    public IReadOnlyList<CultureEntry> Entries { get; } = entries;

    public CultureEntry? For(string stationId) =>
        Entries.FirstOrDefault(e => string.Equals(e.StationId, stationId, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="FormatException">Not a culture guide, or an entry lacks its station, a description or a source.</exception>
    public static CultureGuide Read(Stream json)
    {
        Doc? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Doc>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
        if (doc?.Schema != Schema) throw new FormatException($"schema must be {Schema}");
        var entries = new List<CultureEntry>();
        foreach (var (e, i) in (doc.Sites ?? []).Select((e, i) => (e, i)))
        {
            if (string.IsNullOrWhiteSpace(e.Station)) throw new FormatException($"sites[{i}]: station is required");
            if (string.IsNullOrWhiteSpace(e.About?.Zh) || string.IsNullOrWhiteSpace(e.About.En))
                throw new FormatException($"sites[{i}] ({e.Station}): about needs zh and en");
            if (e.Sources is not { Count: > 0 }) throw new FormatException($"sites[{i}] ({e.Station}): a description must cite its sources");
            if (entries.Any(x => string.Equals(x.StationId, e.Station, StringComparison.OrdinalIgnoreCase)))
                throw new FormatException($"sites[{i}]: {e.Station} appears twice");
            entries.Add(new CultureEntry(e.Station.Trim(), e.Red, e.Route, e.About.Zh.Trim(), e.About.En.Trim(), e.Sources));
        }
        return new CultureGuide(entries);
    }

    private sealed record Doc(string? Schema, int Version, List<Entry>? Sites);
    private sealed record Text(string? Zh, string? En);
    private sealed record Entry(string? Station, bool Red, bool Route, Text? About, List<string>? Sources);
}
