using System.Text.Json;

namespace LegalServiceMap.Core.Geocoding;

/// <summary>A named place with the road address a source gives for it (data/landmarks.json). No coordinates.</summary>
public sealed record Landmark(string NameZh, string? NameEn, IReadOnlyList<string> Aliases, string Road, string? Number, string? Lane,
    IReadOnlyList<string> Sources);

/// <summary>Reads data/landmarks.json and finds landmarks named in an address. Immutable and thread-safe once read.</summary>
public sealed class Landmarks
{
    private readonly List<(string Key, Landmark Landmark)> _keys;

    public Landmarks(IEnumerable<Landmark> landmarks)
    {
        All = landmarks.ToList();
        // Longest names first, so 静安嘉里中心 wins over 嘉里中心 and 宝华国际广场 over a shorter alias.
        _keys = All.SelectMany(l => new[] { l.NameZh }.Concat(l.Aliases).Select(k => (AddressNormalizer.Normalize(k), l)))
            .Where(k => k.Item1.Length >= 2)
            .OrderByDescending(k => k.Item1.Length)
            .ToList();
    }

    public static Landmarks Empty { get; } = new([]);

    public IReadOnlyList<Landmark> All { get; }

    /// <exception cref="FormatException">The file is not a landmarks file.</exception>
    public static Landmarks Read(Stream json)
    {
        try
        {
            var doc = JsonSerializer.Deserialize<Doc>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            if (doc?.Schema != "legal-service-map/landmarks") throw new FormatException("schema must be legal-service-map/landmarks");
            return new Landmarks((doc.Landmarks ?? []).Where(l => !string.IsNullOrWhiteSpace(l.Name?.Zh) && !string.IsNullOrWhiteSpace(l.Road))
                .Select(l => new Landmark(l.Name!.Zh!, l.Name.En, l.Aliases ?? [], l.Road!, l.Number, l.Lane, l.Sources ?? [])));
        }
        catch (JsonException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>The landmark whose name (or alias) appears in the normalized address, longest name first; null if none.</summary>
    public Landmark? FindIn(string normalizedAddress)
    {
        foreach (var (key, landmark) in _keys)
        {
            if (normalizedAddress.Contains(key, StringComparison.Ordinal)) return landmark;
        }
        return null;
    }

    private sealed record Doc(string? Schema, int Version, List<Entry>? Landmarks);
    private sealed record Name(string? Zh, string? En);
    private sealed record Entry(Name? Name, List<string>? Aliases, string? Road, string? Number, string? Lane, List<string>? Sources);
}
