using System.Text.RegularExpressions;

namespace LegalServiceMap.Core.Geocoding;

/// <summary>
/// Splits Chinese and English Shanghai addresses into their parts (<see cref="ParsedAddress"/>). Tolerant of
/// full-width digits, Chinese numerals, spaces, missing prefixes, intersections, "near" clauses and the old district
/// name 闸北区. Never throws; pure and thread-safe.
/// </summary>
public static partial class AddressParser
{
    /// <summary>
    /// A guard against pathological input, not a budget: the patterns are linear on the 200 characters a query may have,
    /// and a shorter limit (it was 100 ms) fired under load on a busy server (a GC pause), silently parsing nothing.
    /// </summary>
    private const int MatchTimeoutMs = 2000;

    private static readonly string[] ShanghaiDistricts =
    [
        "黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区", "浦东新区",
        "金山区", "松江区", "青浦区", "奉贤区", "崇明区", "闸北区", "卢湾区", "南汇区",
    ];

    private static readonly string[] JinganStreets =
    [
        "江宁路", "石门二路", "南京西路", "静安寺", "曹家渡", "天目西路", "北站", "宝山路", "共和新路", "大宁路",
        "彭浦新村", "临汾路", "芷江西路",
    ];

    public static ParsedAddress Parse(string? input)
    {
        try
        {
            var normalized = AddressNormalizer.Normalize(input);
            if (normalized.Length == 0) return new ParsedAddress();
            var letters = normalized.Count(char.IsAsciiLetter);
            var cjk = normalized.Count(IsCjk);
            return letters > cjk * 2 && letters >= 3 ? ParseEnglish(input!, normalized) : ParseChinese(normalized);
        }
        catch (RegexMatchTimeoutException)
        {
            return new ParsedAddress { Normalized = AddressNormalizer.Normalize(input) };
        }
    }

    internal static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static ParsedAddress ParseChinese(string s)
    {
        var rest = s;
        string? province = null, city = null, district = null, streetTown = null;
        var zhabei = false;

        // Province/city prefix (上海市 / 上海), also when a typo or filler precedes the district ("上海经静安区").
        if (rest.StartsWith("上海市"))
        {
            province = city = "上海市";
            rest = rest[3..];
        }
        else if (rest.StartsWith("上海"))
        {
            province = city = "上海市";
            rest = rest[2..];
        }
        if (rest.StartsWith("市辖区")) rest = rest[3..];

        foreach (var d in ShanghaiDistricts)
        {
            var at = rest.IndexOf(d, StringComparison.Ordinal);
            if (at is >= 0 and <= 3)
            {
                district = d == "闸北区" ? "静安区" : d;
                zhabei = d == "闸北区";
                rest = rest[(at + d.Length)..];
                province ??= "上海市";
                city ??= "上海市";
                break;
            }
        }

        var streetMatch = StreetTownPattern().Match(rest);
        if (streetMatch.Success && streetMatch.Index <= 2)
        {
            streetTown = FirstGroup(streetMatch);
            rest = rest[(streetMatch.Index + streetMatch.Length)..];
        }
        else if (BareStreetPrefix().Match(rest) is { Success: true } bare)
        {
            // "静安寺南京西路1717号": a street/town named without 街道 before the road.
            streetTown = bare.Groups[1].Value;
            rest = rest[bare.Length..];
        }

        // "近XX路" / "靠近XX路" / "(近XX路)": a nearby road, not the address's own.
        string? near = null;
        var nearMatch = NearPattern().Match(rest);
        if (nearMatch.Success)
        {
            near = CleanRoad(nearMatch.Groups[1].Value);
            rest = rest.Remove(nearMatch.Index, nearMatch.Length);
        }

        string? road = null, cross = null;
        var inter = IntersectionPattern().Match(rest);
        if (inter.Success)
        {
            road = CleanRoad(inter.Groups[1].Value);
            cross = CleanRoad(inter.Groups[2].Value);
            rest = rest.Remove(inter.Index, inter.Length);
        }
        else
        {
            var roadMatch = RoadPattern().Match(rest);
            if (roadMatch.Success)
            {
                road = CleanRoad(roadMatch.Groups[1].Value);
                rest = rest[(roadMatch.Index + roadMatch.Length)..];
            }
        }
        if (road is null && near is not null && !rest.Any(IsCjk))
        {
            road = near;
            near = null;
        }

        var subLane = Group(SubLanePattern(), ref rest);
        var lane = Group(LanePattern(), ref rest);
        var building = Group(BuildingPattern(), ref rest);
        var number = Group(NumberPattern(), ref rest);
        var room = Group(RoomPattern(), ref rest);
        var floor = Group(FloorPattern(), ref rest);

        var poi = PoiPattern().Match(rest) is { Success: true } p ? p.Value : null;
        if (poi is not null && (poi.Length < 2 || poi is "室" or "楼" or "层")) poi = null;

        return new ParsedAddress
        {
            Normalized = s,
            Language = "zh",
            Province = province,
            City = city,
            District = district,
            FormerZhabei = zhabei,
            StreetTown = streetTown,
            Road = road,
            CrossRoad = cross,
            NearRoad = near,
            Lane = lane,
            SubLane = subLane,
            Number = number,
            Building = building,
            Floor = floor,
            Room = room,
            Poi = poi,
        };
    }

    private static string? Group(Regex pattern, ref string rest)
    {
        var m = pattern.Match(rest);
        if (!m.Success) return null;
        rest = rest.Remove(m.Index, m.Length);
        return FirstGroup(m);
    }

    private static string? FirstGroup(Match m)
    {
        for (var g = 1; g < m.Groups.Count; g++)
        {
            if (m.Groups[g].Success) return m.Groups[g].Value;
        }
        return null;
    }

    /// <summary>Cuts a road match back to the road name: drops building words and other leading text.</summary>
    private static string? CleanRoad(string candidate)
    {
        var s = candidate;
        foreach (var boundary in RoadBoundaries)
        {
            var at = s.LastIndexOf(boundary, StringComparison.Ordinal);
            if (at >= 0 && at + boundary.Length < s.Length - 1) s = s[(at + boundary.Length)..];
        }
        s = s.TrimStart('(', ')', ',', '-');
        // "静安北京西路", "闸北共和新路": a district named without 区 in front of the road.
        foreach (var prefix in new[] { "静安", "闸北" })
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal) && s.Length - prefix.Length >= 3 && !s.StartsWith("静安寺", StringComparison.Ordinal))
            {
                s = s[prefix.Length..];
            }
        }
        return s.Length >= 2 ? s : null;
    }

    // Words and characters that end whatever precedes a road name. Single characters here never occur inside Shanghai
    // road names (镇 and 和 do: 镇宁路, 共和新路).
    private static readonly string[] RoadBoundaries =
    [
        "广场", "大厦", "中心", "大楼", "公寓", "园区", "小区", "街道", "靠近", "上海", "区", "市", "号", "弄", "室", "近", "与", "(", ")", ",",
    ];

    private static ParsedAddress ParseEnglish(string raw, string normalized)
    {
        var text = " " + Regex.Replace(raw.Normalize(System.Text.NormalizationForm.FormKC), @"[\s,]+", " ").Trim() + " ";
        text = Regex.Replace(text, @"\b(?:the\s+)?(?:corner|intersection|junction|crossing)\s+of\b", " ", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(MatchTimeoutMs));
        string? district = null;
        var zhabei = false;
        if (Regex.IsMatch(text, @"\bjing'?\s?an\s+(district|qu)\b", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(MatchTimeoutMs)))
        {
            district = "静安区";
        }
        if (Regex.IsMatch(text, @"\bzhabei\b", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(MatchTimeoutMs)))
        {
            district = "静安区";
            zhabei = true;
        }
        string? Take(Regex pattern)
        {
            var m = pattern.Match(text);
            if (!m.Success) return null;
            text = text.Remove(m.Index, m.Length).Insert(m.Index, " ");
            return FirstGroup(m);
        }
        var room = Take(EnRoom());
        var floor = Take(EnFloor());
        var lane = Take(EnLane());
        var number = Take(EnNumber());

        string? road = null, cross = null;
        var roads = EnRoad().Matches(text).Select(m => CanonicalEnglishRoad(m)).Where(r => r is not null).ToList();
        if (roads.Count > 0) road = roads[0];
        if (roads.Count > 1 && Regex.IsMatch(text, @"&|/|\b(and|at|junction|intersection|corner|crossing)\b", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(MatchTimeoutMs)))
        {
            cross = roads[1];
        }
        if (number is null && road is not null)
        {
            var lead = EnLeadingNumber().Match(text);
            if (lead.Success) number = lead.Groups[1].Value;
        }
        return new ParsedAddress
        {
            Normalized = normalized,
            Language = "en",
            Province = district is null ? null : "上海市",
            City = district is null ? null : "上海市",
            District = district,
            FormerZhabei = zhabei,
            Road = road,
            CrossRoad = cross,
            Lane = lane,
            Number = number,
            Floor = floor,
            Room = room,
        };
    }

    private static readonly Dictionary<string, string> Directions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["n"] = "North", ["north"] = "North", ["s"] = "South", ["south"] = "South", ["e"] = "East", ["east"] = "East",
        ["w"] = "West", ["west"] = "West", ["m"] = "Middle", ["middle"] = "Middle", ["central"] = "Middle", ["c"] = "Middle",
    };

    /// <summary>"N. Chengdu Rd" and "Chengdu Road North" both read "North Chengdu Road".</summary>
    private static string? CanonicalEnglishRoad(Match m)
    {
        // Connectors picked up in front of a name ("… and Changsha Road") are not part of it.
        var name = Regex.Replace(m.Groups["name"].Value.Trim(), @"^(?:(?:and|at|of|the|near|by|to|corner|junction|intersection)\s+)+", "",
            RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(MatchTimeoutMs));
        if (name.Length < 2 || Regex.IsMatch(name, @"^(no|lane|room|floor|the)$", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(MatchTimeoutMs))) return null;
        var dir = m.Groups["pre"].Success ? m.Groups["pre"].Value : m.Groups["post"].Success ? m.Groups["post"].Value : null;
        var words = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
        var kind = m.Groups["kind"].Value.ToLowerInvariant() switch
        {
            "street" or "st" or "st." or "jie" => "Street",
            "avenue" or "ave" or "ave." or "dadao" => "Avenue",
            _ => "Road",
        };
        return dir is null ? $"{words} {kind}" : $"{Directions[dir.TrimEnd('.')]} {words} {kind}";
    }

    [GeneratedRegex(@"((?:江宁路|石门二路|南京西路|静安寺|曹家渡|天目西路|北站|宝山路|共和新路|大宁路|彭浦新村|临汾路|芷江西路))街道|(彭浦)镇", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex StreetTownPattern();

    [GeneratedRegex(@"^(静安寺|曹家渡|北站|彭浦新村)(?=[\u4e00-\u9fff]{1,10}?(?:路|街|大道))", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex BareStreetPrefix();

    [GeneratedRegex(@"\(?(?:靠近|近)([\u4e00-\u9fff]{2,12}?(?:路|街|大道|公路))(?:口)?\)?", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex NearPattern();

    [GeneratedRegex(@"([\u4e00-\u9fff]{2,12}?(?:路|街|大道|公路))(?:与|和|,|-|/)?([\u4e00-\u9fff]{2,8}?(?:路|街|大道|公路))(?:交叉口|路口|交界处|口)", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex IntersectionPattern();

    [GeneratedRegex(@"([\u4e00-\u9fff]{2,14}?(?:路|大道|公路|大街|街|巷))(?!道|口)", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex RoadPattern();

    [GeneratedRegex(@"(\d+)支弄", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex SubLanePattern();

    [GeneratedRegex(@"(\d+)弄", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex LanePattern();

    [GeneratedRegex(@"(\d+(?:-\d+)?)(?:号楼|幢|栋)|([A-Z])座", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex BuildingPattern();

    [GeneratedRegex(@"(\d+(?:[-,]\d+)*)号(?!楼)", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"([A-Z]?\d+[A-Z]?(?:-\d+)?)室", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex RoomPattern();

    [GeneratedRegex(@"(\d+(?:-\d+)?)(?:楼|层|F)(?![\u4e00-\u9fff]{0,0}号)", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex FloorPattern();

    [GeneratedRegex(@"[\u4e00-\u9fffA-Z]{2,}", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex PoiPattern();

    [GeneratedRegex(@"\b(?:room|rm\.?)\s*#?([A-Z]?\d+[A-Z]?)\b", RegexOptions.IgnoreCase, MatchTimeoutMs)]
    private static partial Regex EnRoom();

    [GeneratedRegex(@"\b(?:floor|fl\.?)\s*(\d+)\b|\b(\d+)(?:st|nd|rd|th)?\s+floor\b", RegexOptions.IgnoreCase, MatchTimeoutMs)]
    private static partial Regex EnFloor();

    [GeneratedRegex(@"\b(?:lane|ln\.?)\s*(\d+)\b", RegexOptions.IgnoreCase, MatchTimeoutMs)]
    private static partial Regex EnLane();

    [GeneratedRegex(@"\b(?:no\.?|number|#)\s*(\d+(?:-\d+)?)\b", RegexOptions.IgnoreCase, MatchTimeoutMs)]
    private static partial Regex EnNumber();

    [GeneratedRegex(@"\s(\d+(?:-\d+)?)\s+(?=(?:north|south|east|west|middle|central|[nsewm]\.?\s)?\s*[A-Za-z])", RegexOptions.IgnoreCase, MatchTimeoutMs)]
    private static partial Regex EnLeadingNumber();

    [GeneratedRegex(@"(?:(?<pre>north|south|east|west|middle|central|n\.|s\.|e\.|w\.|m\.)\s+)?(?<name>[A-Za-z][A-Za-z']*(?:\s(?!road\b|rd\b|street\b|st\b|avenue\b|ave\b|lu\b|north\b|south\b|east\b|west\b|middle\b)[A-Za-z][A-Za-z']*){0,3})\s+(?<kind>road|rd\.?|street|st\.?|avenue|ave\.?|lu|jie|dadao)(?:\s+(?<post>north|south|east|west|middle|central|n|s|e|w)\b)?", RegexOptions.IgnoreCase, MatchTimeoutMs)]
    private static partial Regex EnRoad();
}
