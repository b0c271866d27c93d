namespace LegalServiceMap.Core.Text;

/// <summary>
/// Chinese numerals as Shanghai's lane and committee names write them: digit by digit ("一八零" = 180, "一二四四" = 1244)
/// or with place words ("八十七" = 87, "一千一百" = 1100, "二千八百" = 2800, "十" = 10). Pure.
/// </summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static bool IsNumeral(char c) => Digit(c) >= 0 || c is '十' or '百' or '千';

    /// <summary>The number the text writes; null when it is not a numeral (or not one of the two forms).</summary>
    public static int? Parse(string text)
    {
        if (text.Length == 0 || !text.All(IsNumeral)) return null;
        if (text.All(c => Digit(c) >= 0)) return text.Aggregate(0, (n, c) => checked(n * 10 + Digit(c)));
        int total = 0, pending = -1;
        var lastPlace = int.MaxValue;
        foreach (var c in text)
        {
            var d = Digit(c);
            if (d >= 0)
            {
                if (pending >= 0 && d != 0) return null; // two digits in a row in the place-word form
                pending = d == 0 ? -1 : d;
                continue;
            }
            var place = c switch { '十' => 10, '百' => 100, _ => 1000 };
            if (place >= lastPlace) return null; // places must fall: 千 then 百 then 十
            total += (pending < 0 ? 1 : pending) * place;
            lastPlace = place;
            pending = -1;
        }
        return total + (pending < 0 ? 0 : pending);
    }

    private static int Digit(char c) => c == '〇' ? 0 : Digits.IndexOf(c);
}
