using System.Globalization;
using System.Text;

namespace LegalServiceMap.Core.Text;

/// <summary>
/// Folds text for substring search in either language: full-width forms to ASCII (NFKC), lower case,
/// and no spaces, apostrophes or hyphens, so "Jing'an", "jingan" and "ＪＩＮＧ ＡＮ" all match. Control and format
/// characters (NUL, CR, zero-width marks…) and unpaired surrogates are dropped: they are never part of a name, and a NUL
/// would end an FTS5 phrase early. Never throws. Pure; thread-safe.
/// </summary>
public static class SearchText
{
    /// <summary>The longest search query taken (longer ones are refused by the API and cut by the map page).</summary>
    public const int MaxQueryLength = 100;

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var normalized = WithoutInvisibles(text).Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (char.IsWhiteSpace(ch) || category is UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation
                || ch is '\'' or '’' or '‘' or '`' or '·' or '.' or ',' or '，' or '、' or '。' or '|')
            {
                continue;
            }
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    /// <summary>The text without control and format characters and without unpaired surrogates (which would make Normalize throw).</summary>
    public static string WithoutInvisibles(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(ch).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(ch) || char.IsControl(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format)
            {
                continue;
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Joins folded fragments with a separator that can never be part of a folded query, so a match never spans two fields.</summary>
    public static string Document(params IEnumerable<string?> fields) =>
        string.Join("|", fields.Select(Fold).Where(f => f.Length > 0));
}
