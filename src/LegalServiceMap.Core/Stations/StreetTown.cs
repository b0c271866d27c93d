namespace LegalServiceMap.Core.Stations;

/// <summary>One of Jing'an's 13 sub-districts (街道) and 1 town (镇).</summary>
/// <param name="Slug">Stable key used in the seed file and the API.</param>
/// <param name="StatsCode">2023 NBS statistical code.</param>
public sealed record StreetTown(string Slug, string StatsCode, string NameZh, string NameEn)
{
    public string Name(bool english) => english ? NameEn : NameZh;

    /// <summary>The 14 streets/towns; English names as on the district's English site.</summary>
    public static IReadOnlyList<StreetTown> All { get; } =
    [
        new("jiangninglu", "310106006000", "江宁路街道", "Jiangning Road Sub-district"),
        new("shimenerlu", "310106011000", "石门二路街道", "Shimen Road Number Two Sub-district"),
        new("nanjingxilu", "310106012000", "南京西路街道", "West Nanjing Road Sub-district"),
        new("jingansi", "310106013000", "静安寺街道", "Jing'an Temple Sub-district"),
        new("caojiadu", "310106014000", "曹家渡街道", "Caojiadu Sub-district"),
        new("tianmuxilu", "310106015000", "天目西路街道", "West Tianmu Road Sub-district"),
        new("beizhan", "310106016000", "北站街道", "Beizhan Sub-district"),
        new("baoshanlu", "310106017000", "宝山路街道", "Baoshan Road Sub-district"),
        new("gonghexinlu", "310106018000", "共和新路街道", "Gonghexin Road Sub-district"),
        new("daninglu", "310106019000", "大宁路街道", "Daning Road Sub-district"),
        new("pengpuxincun", "310106020000", "彭浦新村街道", "Pengpu Xincun Sub-district"),
        new("linfenlu", "310106021000", "临汾路街道", "Linfen Road Sub-district"),
        new("zhijiangxilu", "310106022000", "芷江西路街道", "West Zhijiang Road Sub-district"),
        new("pengpu", "310106100000", "彭浦镇", "Pengpu Town"),
    ];

    private static readonly Dictionary<string, StreetTown> BySlug = All.ToDictionary(s => s.Slug, StringComparer.OrdinalIgnoreCase);

    public static StreetTown? Find(string? slug) => slug is not null && BySlug.TryGetValue(slug, out var s) ? s : null;
}
