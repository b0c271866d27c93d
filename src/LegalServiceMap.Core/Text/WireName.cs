using System.Collections.Concurrent;
using System.Text;

namespace LegalServiceMap.Core.Text;

/// <summary>
/// The one rule for an enum value's name on the wire (API, URLs, files, database): its C# name in kebab case
/// (<c>TemporarilyClosed</c> → <c>temporarily-closed</c>, <c>ExactPoint</c> → <c>exact-point</c>); parsing ignores
/// case and surrounding spaces. The names are part of the public contract: renaming a member renames its slug.
/// Thread-safe.
/// </summary>
public static class WireName
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<Enum, string> ToName, Dictionary<string, Enum> ToValue)> Tables = new();

    public static string Of<T>(T value) where T : struct, Enum => Table<T>().ToName[value];

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        if (name is not null && Table<T>().ToValue.TryGetValue(name.Trim(), out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Every value's wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToList();

    /// <summary>PascalCase to kebab case.</summary>
    public static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    private static (Dictionary<Enum, string> ToName, Dictionary<string, Enum> ToValue) Table<T>() where T : struct, Enum =>
        Tables.GetOrAdd(typeof(T), _ =>
        {
            var names = Enum.GetValues<T>().ToDictionary(v => (Enum)v, v => Kebab(v.ToString()));
            return (names, names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase));
        });
}
