using System.Globalization;
using System.Text;

namespace LegalServiceMap.Core.Help;

/// <summary>A keyword found in what the resident wrote, and the group it points to.</summary>
public sealed record FoundWord(string Word, string Group, int Weight);

/// <summary>What a sentence was understood as: groups by score (best first) and the words that made it so.</summary>
public sealed record Understanding(IReadOnlyList<(string Group, int Score)> Groups, IReadOnlyList<FoundWord> Words)
{
    public string? Best => Groups.Count > 0 ? Groups[0].Group : null;
}

/// <summary>
/// Maps a resident's sentence (Chinese or English) to problem groups through the reviewed keyword table
/// (data/help/keywords.tsv: group, lang, keyword, weight 1–3).
/// Chinese is segmented by forward maximum matching with the table itself as the lexicon: at each position the longest
/// keyword that starts there is taken and its characters are used up ("拖欠工资" wins over "工资"; "邻居家" still holds
/// "邻居", which a general segmenter keeps as one word). English is split into words; a keyword is a stem that must
/// start a word ("injur" finds "injured", "rent" does not find "parent"), a phrase a run of such words.
/// Docs: decisions/037. Pure; thread-safe. Nothing it reads is kept.
/// </summary>
public sealed class ProblemWords
{
    public const int MaxLength = 500;
    private readonly Dictionary<string, List<(string Group, int Weight)>> _chinese = new(StringComparer.Ordinal);
    private readonly int _longestChinese;
    private readonly List<(string[] Stems, string Group, int Weight, string Text)> _english = [];
    private readonly Dictionary<string, int> _order;

    public IReadOnlyList<(string Group, string Lang, string Keyword, int Weight)> Rows { get; }

    private ProblemWords(IReadOnlyList<(string Group, string Lang, string Keyword, int Weight)> rows, IReadOnlyList<string> groups)
    {
        Rows = rows;
        _order = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        foreach (var (group, lang, keyword, weight) in rows)
        {
            if (lang == "zh")
            {
                var word = Fold(keyword);
                if (!_chinese.TryGetValue(word, out var list)) _chinese[word] = list = [];
                list.Add((group, weight));
                _longestChinese = Math.Max(_longestChinese, word.Length);
            }
            else _english.Add((Words(Fold(keyword)).ToArray(), group, weight, keyword));
        }
        // Longer phrases first, so "child support" is found before "child".
        _english.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
    }

    /// <summary>Reads the table (tab-separated, a header line) for the tree's groups, in their order (ties go to the
    /// earlier group). Throws <see cref="InvalidDataException"/> on a bad row.</summary>
    public static ProblemWords Read(string tsv, IReadOnlyList<string> groups)
    {
        var rows = new List<(string, string, string, int)>();
        var lines = tsv.Replace("\r\n", "\n").Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var cells = lines[i].Split('\t');
            if (cells.Length != 4 || !groups.Contains(cells[0]) || cells[1] is not ("zh" or "en") || cells[2].Trim().Length == 0
                || !int.TryParse(cells[3], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight is < 1 or > 3)
                throw new InvalidDataException($"keywords.tsv line {i + 1}: expected group, zh|en, a keyword and a weight 1-3: '{lines[i]}'");
            rows.Add((cells[0], cells[1], cells[2].Trim(), weight));
        }
        return new ProblemWords(rows, groups);
    }

    /// <summary>The groups a sentence points to, best first (ties in the tree's group order), and the words found.</summary>
    public Understanding Understand(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new Understanding([], []);
        var folded = Fold(text.Length > MaxLength ? text[..MaxLength] : text);
        var found = new List<FoundWord>();
        // Chinese: forward maximum matching over the keyword lexicon.
        for (var i = 0; i < folded.Length;)
        {
            var matched = 0;
            for (var n = Math.Min(_longestChinese, folded.Length - i); n >= 1; n--)
            {
                if (!_chinese.TryGetValue(folded.Substring(i, n), out var hits)) continue;
                found.AddRange(hits.Select(h => new FoundWord(folded.Substring(i, n), h.Group, h.Weight)));
                matched = n;
                break;
            }
            i += Math.Max(matched, 1);
        }
        // English: stems at the start of words, phrases as runs of words; each word counts once.
        var words = Words(folded).ToArray();
        var used = new bool[words.Length];
        foreach (var (stems, group, weight, keyword) in _english)
        {
            for (var i = 0; i + stems.Length <= words.Length; i++)
            {
                if (Enumerable.Range(0, stems.Length).Any(k => used[i + k] || !words[i + k].StartsWith(stems[k], StringComparison.Ordinal))) continue;
                // A keyword's last stem may end a longer word; earlier ones are whole words ("child support" ≠ "children supports").
                if (Enumerable.Range(0, stems.Length - 1).Any(k => words[i + k] != stems[k])) continue;
                for (var k = 0; k < stems.Length; k++) used[i + k] = true;
                found.Add(new FoundWord(string.Join(' ', words[i..(i + stems.Length)]), group, weight));
            }
        }
        var groups = found.GroupBy(f => f.Group)
            .Select(g => (Group: g.Key, Score: g.Sum(f => f.Weight)))
            .OrderByDescending(g => g.Score).ThenBy(g => _order[g.Group])
            .ToList();
        return new Understanding(groups, found);
    }

    /// <summary>Lower case, full-width letters and digits as ASCII (Ｗａｇｅ → wage), nothing else changed.</summary>
    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>The words of a folded text (<see cref="Fold"/>): runs of ASCII letters, digits and apostrophes.</summary>
    private static IEnumerable<string> Words(string folded)
    {
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or '\'') word.Append(c);
            else if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
        }
        if (word.Length > 0) yield return word.ToString();
    }
}
