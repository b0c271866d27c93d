using System.Text;
using System.Text.RegularExpressions;

namespace LegalServiceMap.Core.Geocoding;

/// <summary>
/// English forms of Chinese road names as Shanghai's road signs write them: pinyin of the name, the direction word in
/// front, the number and the kind after: 南京西路 → "West Nanjing Road", 江场三路 → "Jiangchang No. 3 Road",
/// 中山东一路 → "East Zhongshan No. 1 Road". Also the matching key that makes "N. Chengdu Rd", "Chengdu Road North"
/// and "North Chengdu Road" equal. Thread-safe once built.
/// </summary>
public sealed partial class EnglishRoadNames(IReadOnlyDictionary<char, string> pinyin)
{
    /// <summary>Readings of characters whose most common reading is not the one used in place names.</summary>
    private static readonly Dictionary<char, string> PlaceReadings = new()
    {
        ['都'] = "du", ['重'] = "chong", ['藏'] = "zang", ['厦'] = "xia", ['长'] = "chang", ['曾'] = "zeng", ['乐'] = "le",
        ['行'] = "xing", ['会'] = "hui", ['区'] = "qu", ['广'] = "guang", ['沈'] = "shen", ['单'] = "shan", ['蚌'] = "beng",
    };

    private static readonly Dictionary<char, string> Directions = new()
    {
        ['东'] = "East", ['西'] = "West", ['南'] = "South", ['北'] = "North", ['中'] = "Middle",
    };

    private static readonly (string Suffix, string Kind)[] Kinds =
    [
        ("支路", "Branch Road"), ("大道", "Avenue"), ("公路", "Highway"), ("路", "Road"), ("大街", "Street"), ("街", "Street"),
    ];

    private const string Numerals = "一二三四五六七八九";

    /// <summary>The English form of a Chinese road name, or null when it has characters without a known reading.</summary>
    public string? Translate(string chineseRoad)
    {
        var stem = AddressNormalizer.Normalize(chineseRoad);
        var kind = Kinds.FirstOrDefault(k => stem.EndsWith(k.Suffix, StringComparison.Ordinal));
        if (kind.Kind is null || stem.Length <= kind.Suffix.Length) return null;
        stem = stem[..^kind.Suffix.Length];

        string? number = null, direction = null;
        if (stem.Length >= 3 && Numerals.IndexOf(stem[^1]) is var n and >= 0)
        {
            number = $"No. {n + 1}";
            stem = stem[..^1];
        }
        if (stem.Length >= 3 && Directions.TryGetValue(stem[^1], out var dir))
        {
            direction = dir;
            stem = stem[..^1];
        }
        if (Pinyin(stem) is not { } name) return null;
        return string.Join(' ', new[] { direction, name, number, kind.Kind }.Where(s => s is not null));
    }

    /// <summary>
    /// A place name's pinyin as one capitalised word ("联宝里" → "Lianbaoli", "新安" → "Xin'an"), with place-name readings
    /// and the apostrophe that divides syllables; null when empty or when a character has no known reading.
    /// </summary>
    public string? Pinyin(string chinese)
    {
        var name = new StringBuilder();
        foreach (var c in chinese)
        {
            var reading = PlaceReadings.TryGetValue(c, out var r) ? r : pinyin.TryGetValue(c, out var p) ? p : null;
            if (reading is null) return null;
            // The syllable-dividing mark: a syllable after the first that starts with a, o or e (延安 → Yan'an, 新安 → Xin'an).
            if (name.Length > 0 && reading[0] is 'a' or 'o' or 'e') name.Append('\'');
            name.Append(reading);
        }
        if (name.Length == 0) return null;
        name[0] = char.ToUpperInvariant(name[0]);
        return name.ToString();
    }

    /// <summary>Reads the "character TAB pinyin" table written by the npm install step.</summary>
    public static EnglishRoadNames FromTable(TextReader reader)
    {
        var table = new Dictionary<char, string>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab == 1 && line.Length > 2) table[line[0]] = line[2..].Trim();
        }
        return new EnglishRoadNames(table);
    }

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["rd"] = "road", ["st"] = "street", ["ave"] = "avenue", ["av"] = "avenue", ["hwy"] = "highway",
        ["n"] = "north", ["s"] = "south", ["e"] = "east", ["w"] = "west", ["m"] = "middle", ["central"] = "middle", ["mid"] = "middle",
        ["first"] = "1", ["second"] = "2", ["third"] = "3", ["fourth"] = "4", ["fifth"] = "5",
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5",
        ["1st"] = "1", ["2nd"] = "2", ["3rd"] = "3", ["4th"] = "4", ["5th"] = "5",
    };

    /// <summary>
    /// A matching key for an English road name: direction + name + number + kind, each found wherever it is written,
    /// so word order, abbreviations and "No. 2"/"2nd"/"Number Two" do not matter. Null for empty input.
    /// </summary>
    public static string? Key(string? english)
    {
        if (string.IsNullOrWhiteSpace(english)) return null;
        string dir = "", num = "", kind = "";
        var name = new StringBuilder();
        foreach (var raw in WordSplit().Split(english.ToLowerInvariant()))
        {
            if (raw.Length == 0 || raw is "no" or "number" or "of" or "the") continue;
            var w = Words.GetValueOrDefault(raw, raw);
            if (w is "north" or "south" or "east" or "west" or "middle") dir = w;
            else if (w is "road" or "street" or "avenue" or "highway" or "lu" or "jie") kind = w is "lu" ? "road" : w is "jie" ? "street" : w;
            else if (w is "branch") kind = "branch" + kind;
            else if (w.All(char.IsAsciiDigit)) num = w;
            else name.Append(w);
        }
        if (kind.StartsWith("branch", StringComparison.Ordinal) && kind.Length == 6) kind = "branchroad";
        var key = dir + name + num + kind;
        return key.Length == 0 ? null : key;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex WordSplit();
}
