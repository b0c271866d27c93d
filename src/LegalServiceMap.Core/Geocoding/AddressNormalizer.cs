using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LegalServiceMap.Core.Geocoding;

/// <summary>
/// Puts address text in one canonical form before parsing or matching: full-width forms to ASCII (NFKC), common
/// traditional characters to simplified, no white space, unified brackets and separators, Chinese numerals that count
/// lanes, numbers, buildings, floors and rooms as Arabic digits (road names such as 石门二路 keep theirs), Latin letters
/// in upper case. Pure, thread-safe and idempotent: Normalize(Normalize(s)) == Normalize(s).
/// </summary>
public static partial class AddressNormalizer
{
    /// <summary>Traditional → simplified for characters met in Shanghai addresses (not a general converter).</summary>
    private static readonly Dictionary<char, char> Simplified = new()
    {
        ['區'] = '区', ['號'] = '号', ['樓'] = '楼', ['層'] = '层', ['門'] = '门', ['靜'] = '静', ['閘'] = '闸', ['寶'] = '宝',
        ['華'] = '华', ['寧'] = '宁', ['陝'] = '陕', ['東'] = '东', ['長'] = '长', ['漢'] = '汉', ['與'] = '与', ['蘇'] = '苏',
        ['廣'] = '广', ['場'] = '场', ['廈'] = '厦', ['國'] = '国', ['際'] = '际', ['園'] = '园', ['灣'] = '湾', ['鎮'] = '镇',
        ['滬'] = '沪', ['龍'] = '龙', ['陽'] = '阳', ['黃'] = '黄', ['濱'] = '滨', ['興'] = '兴', ['電'] = '电', ['鐵'] = '铁',
        ['車'] = '车', ['馬'] = '马', ['橋'] = '桥', ['張'] = '张', ['劉'] = '刘', ['達'] = '达',
        ['慶'] = '庆', ['鶴'] = '鹤', ['臨'] = '临', ['齊'] = '齐', ['濟'] = '济', ['遠'] = '远', ['灘'] = '滩',
        ['陳'] = '陈', ['楊'] = '杨', ['萬'] = '万', ['榮'] = '荣', ['豐'] = '丰', ['縣'] = '县', ['勝'] = '胜', ['陸'] = '陆',
        ['雲'] = '云', ['嶺'] = '岭', ['後'] = '后', ['館'] = '馆', ['紀'] = '纪', ['會'] = '会', ['處'] = '处', ['務'] = '务',
        ['議'] = '议', ['調'] = '调', ['證'] = '证', ['師'] = '师', ['鑒'] = '鉴', ['鑑'] = '鉴', ['書'] = '书',
        ['舊'] = '旧', ['總'] = '总', ['蘭'] = '兰', ['藝'] = '艺', ['術'] = '术', ['學'] = '学',
        ['條'] = '条', ['麗'] = '丽', ['裏'] = '里', ['裡'] = '里', ['進'] = '进', ['貴'] = '贵', ['運'] = '运',
        ['復'] = '复', ['風'] = '风', ['鳳'] = '凤', ['歸'] = '归', ['為'] = '为', ['億'] = '亿', ['實'] = '实', ['業'] = '业',
    };

    private static readonly string Digits = "零〇一二三四五六七八九";

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var raw in s)
        {
            var c = Simplified.TryGetValue(raw, out var simple) ? simple : raw;
            if (char.IsWhiteSpace(c) || c is '\u200b' or '"' or '“' or '”' or '\'' or '‘' or '’' or '·') continue;
            c = c switch
            {
                '【' or '[' or '〔' or '{' => '(',
                '】' or ']' or '〕' or '}' => ')',
                '，' or '；' or ';' or '、' => ',',
                '－' or '—' or '–' or '~' or '〜' => '-',
                _ => c,
            };
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            sb.Append(char.ToUpperInvariant(c));
        }
        var compact = sb.ToString();
        return ChineseCount().Replace(compact, m => ToArabic(m.Groups[1].Value) is { } n ? n + m.Groups[2].Value : m.Value);
    }

    /// <summary>"一百二十" → "120", "三" → "3", "二〇八" → "208"; null when it is not a numeral.</summary>
    public static string? ToArabic(string numeral)
    {
        if (numeral.Length == 0) return null;
        if (!numeral.Contains('十') && !numeral.Contains('百') && !numeral.Contains('千'))
        {
            // Digit by digit: 二〇八 → 208.
            var digits = new StringBuilder();
            foreach (var c in numeral)
            {
                var d = DigitOf(c);
                if (d < 0) return null;
                digits.Append((char)('0' + d));
            }
            return digits.ToString();
        }
        long total = 0, current = 0;
        foreach (var c in numeral)
        {
            var d = DigitOf(c);
            if (d >= 0)
            {
                current = d;
                continue;
            }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return (total + current).ToString(CultureInfo.InvariantCulture);
    }

    private static int DigitOf(char c) => c switch
    {
        '两' => 2,
        _ => Digits.IndexOf(c) switch { < 0 => -1, 0 or 1 => 0, var i => i - 1 },
    };

    // A Chinese numeral followed by a counting unit; 路 is not one (石门二路 stays).
    [GeneratedRegex("([零〇一二两三四五六七八九十百千]+)(支弄|号楼|号|弄|幢|栋|座|楼|层|室|期)")]
    private static partial Regex ChineseCount();
}
