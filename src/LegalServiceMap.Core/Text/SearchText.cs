using System.Globalization;
using System.Text;

namespace LegalServiceMap.Core.Text;

/// <summary>
/// Folds text for substring search in either language: full-width forms to ASCII (NFKC), lower case,
/// and no spaces, apostrophes or hyphens, so "Jing'an", "jingan" and "ＪＩＮＧ ＡＮ" all match. Pure; thread-safe.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var normalized = text.Normalize(NormalizationForm.FormKC);
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

    /// <summary>Joins folded fragments with a separator that can never be part of a folded query, so a match never spans two fields.</summary>
    public static string Document(params IEnumerable<string?> fields) =>
        string.Join("|", fields.Select(Fold).Where(f => f.Length > 0));
}
