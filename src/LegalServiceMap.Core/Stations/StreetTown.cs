namespace LegalServiceMap.Core.Stations;

/// <summary>One of Jing'an's 13 sub-districts (街道) and 1 town (镇).</summary>
/// <param name="Slug">Stable key used in the seed file and the API.</param>
/// <param name="Code">The 9-digit division code of the National Bureau of Statistics (统计用区划代码, 2023-06-30), as in
/// the register that data/generated/divisions.json is written from; a test checks both agree.</param>
public sealed record StreetTown(string Slug, string Code, string NameZh, string NameEn)
{
    public string Name(bool english) => english ? NameEn : NameZh;

    /// <summary>The Chinese name without 街道/镇 ("江宁路"), as people and some boundary files write it.</summary>
    public string ShortNameZh => NameZh.EndsWith("街道", StringComparison.Ordinal) ? NameZh[..^2] : NameZh.TrimEnd('镇');

    /// <summary>The 14 streets/towns; English names as on the district's English site.</summary>
    public static IReadOnlyList<StreetTown> All { get; } =
    [
        new("jiangninglu", "310106006", "江宁路街道", "Jiangning Road Sub-district"),
        new("shimenerlu", "310106011", "石门二路街道", "Shimen Road Number Two Sub-district"),
        new("nanjingxilu", "310106012", "南京西路街道", "West Nanjing Road Sub-district"),
        new("jingansi", "310106013", "静安寺街道", "Jing'an Temple Sub-district"),
        new("caojiadu", "310106014", "曹家渡街道", "Caojiadu Sub-district"),
        new("tianmuxilu", "310106015", "天目西路街道", "West Tianmu Road Sub-district"),
        new("beizhan", "310106016", "北站街道", "Beizhan Sub-district"),
        new("baoshanlu", "310106017", "宝山路街道", "Baoshan Road Sub-district"),
        new("gonghexinlu", "310106018", "共和新路街道", "Gonghexin Road Sub-district"),
        new("daninglu", "310106019", "大宁路街道", "Daning Road Sub-district"),
        new("pengpuxincun", "310106020", "彭浦新村街道", "Pengpu Xincun Sub-district"),
        new("linfenlu", "310106021", "临汾路街道", "Linfen Road Sub-district"),
        new("zhijiangxilu", "310106022", "芷江西路街道", "West Zhijiang Road Sub-district"),
        new("pengpu", "310106101", "彭浦镇", "Pengpu Town"),
    ];

    private static readonly Dictionary<string, StreetTown> BySlug = All.ToDictionary(s => s.Slug, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, StreetTown> ByCode = All.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public static StreetTown? Find(string? slug) => slug is not null && BySlug.TryGetValue(slug, out var s) ? s : null;

    /// <summary>The street/town of a 9-digit division code, or of a longer code inside it (a committee's 12 digits).</summary>
    public static StreetTown? FindByCode(string? code) =>
        code is { Length: >= 9 } && ByCode.TryGetValue(code[..9], out var s) ? s : null;

    /// <summary>
    /// The street/town a boundary file or a spreadsheet means: its slug, its division code (9 or 12 digits, e.g. 310106006
    /// or 310106006000), its Chinese name with or without 街道/镇, or its English name; null when none.
    /// </summary>
    public static StreetTown? Resolve(string? nameOrCode)
    {
        var v = nameOrCode?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.All(char.IsAsciiDigit)) return v.Length is 9 or 12 ? FindByCode(v) : null;
        return Find(v) ?? All.FirstOrDefault(t => t.NameZh == v || t.ShortNameZh == v || string.Equals(t.NameEn, v, StringComparison.OrdinalIgnoreCase));
    }
}
