using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using LegalServiceMap.Testing;

namespace LegalServiceMap.Web.Tests.Platform;

/// <summary>
/// The docs are the code's front door: every relative link in README and docs/ leads to a file that exists (and to a
/// heading that exists, when it names one), and docs/configuration.md lists every setting of every options class with
/// the default and range the class really has.
/// </summary>
public sealed partial class DocsTests
{
    private static IEnumerable<string> MarkdownFiles() =>
        new[] { Path.Combine(Repository.Root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories));

    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [Fact]
    public void EveryRelativeLink_LeadsToAFileOrHeadingThatExists()
    {
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var file in MarkdownFiles())
        {
            var text = File.ReadAllText(file);
            // Links inside code blocks are examples, not links.
            text = Regex.Replace(text, "```.*?```", "", RegexOptions.Singleline);
            foreach (Match m in Link().Matches(text))
            {
                var target = m.Groups[1].Value;
                if (Regex.IsMatch(target, "^[a-z]+:", RegexOptions.IgnoreCase)) continue; // http:, mailto:
                checkedLinks++;
                var (path, anchor) = target.Split('#', 2) is var parts && parts.Length == 2 ? (parts[0], parts[1]) : (parts[0], null);
                var full = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                var where = $"{Path.GetRelativePath(Repository.Root, file)}: {target}";
                if (!File.Exists(full) && !Directory.Exists(full)) broken.Add(where);
                else if (anchor is not null && full.EndsWith(".md") && !Anchors(File.ReadAllText(full)).Contains(anchor)) broken.Add(where + " (no such heading)");
            }
        }
        Assert.True(checkedLinks > 50, $"only {checkedLinks} links found: is the docs folder there?");
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        Regex.Matches(markdown, "^#+ (.+)$", RegexOptions.Multiline)
            .Select(m => Regex.Replace(m.Groups[1].Value.Trim().ToLowerInvariant(), @"[^\p{L}\p{N}\- _]", "").Replace(' ', '-'))
            .ToHashSet();

    [Fact]
    public void Readme_IsAFrontDoor_NotAManual() =>
        Assert.InRange(File.ReadAllLines(Path.Combine(Repository.Root, "README.md")).Length, 20, 200);

    /// <summary>Every options class the app binds (a class with a <c>Section</c> constant), from Core and Web.</summary>
    private static IEnumerable<Type> OptionsClasses() =>
        new[] { typeof(LegalServiceMap.Core.Spatial.Isochrones.IsochroneOptions).Assembly, typeof(LegalServiceMap.Web.Setup.ApplicationSetup).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.Name.EndsWith("Options") && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    /// <summary>The rows of docs/configuration.md's tables: key → (default, range).</summary>
    private static Dictionary<string, (string Default, string Range)> DocumentedSettings()
    {
        var rows = new Dictionary<string, (string, string)>();
        foreach (var line in File.ReadLines(Path.Combine(Repository.Root, "docs", "configuration.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 5 || !cells[1].StartsWith('`')) continue;
            rows[cells[1].Trim('`')] = (cells[2], cells[3]);
        }
        return rows;
    }

    [Fact]
    public void ConfigurationMd_ListsEverySetting_WithItsRealDefaultAndRange()
    {
        var documented = DocumentedSettings();
        var problems = new List<string>();
        var count = 0;
        foreach (var type in OptionsClasses())
        {
            var section = (string)type.GetField("Section")!.GetRawConstantValue()!;
            var instance = Activator.CreateInstance(type)!;
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
            {
                count++;
                var key = $"{section}:{p.Name}";
                var expected = (Default(p.GetValue(instance)), Range(p));
                if (!documented.TryGetValue(key, out var row)) problems.Add($"missing: | `{key}` | {expected.Item1} | {expected.Item2} | … |");
                else if (row != expected) problems.Add($"{key}: documented {row}, the class says {expected}");
            }
        }
        Assert.True(count > 40, $"only {count} settings found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ConfigurationMd_ListsTheSettingsReadOutsideOptionsClasses()
    {
        var documented = DocumentedSettings();
        // Keys the code reads by name (configuration.GetValue, GetConnectionString), found in its source.
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations"));
        var keys = sources.SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"((?:Database|Cluster|ReverseProxy):[A-Z][A-Za-z]+)\"|GetConnectionString\\(\"([A-Za-z]+)\"\\)"))
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : "ConnectionStrings:" + m.Groups[2].Value)
            .ToHashSet();
        Assert.Contains("Cluster:SyncSeconds", keys);
        Assert.All(keys, k => Assert.True(documented.ContainsKey(k), $"{k} is read by the code but not in docs/configuration.md"));
    }

    private static string Default(object? value) => value switch
    {
        null => "—",
        string { Length: 0 } => "—",
        string s => $"`{s}`",
        bool b => b ? "`true`" : "`false`",
        System.Collections.IEnumerable e when !e.Cast<object>().Any() => "—",
        System.Collections.IEnumerable e => string.Join(", ", e.Cast<object>().Select(x => $"`{Convert.ToString(x, CultureInfo.InvariantCulture)}`")),
        IFormattable f => $"`{f.ToString(null, CultureInfo.InvariantCulture)}`",
        _ => $"`{value}`",
    };

    private static string Range(PropertyInfo p)
    {
        if (p.GetCustomAttribute<RangeAttribute>() is { } r)
            return $"{Convert.ToString(r.Minimum, CultureInfo.InvariantCulture)}–{Convert.ToString(r.Maximum, CultureInfo.InvariantCulture)}";
        if (p.GetCustomAttribute<RegularExpressionAttribute>() is { } rx && Regex.Match(rx.Pattern, @"^\^\(([^)]+)\)\$$") is { Success: true } alt)
            return string.Join(", ", alt.Groups[1].Value.Split('|').Select(v => $"`{v}`"));
        if (p.GetCustomAttribute<MaxLengthAttribute>() is { } max) return $"≤ {max.Length} characters";
        return "—";
    }
}
