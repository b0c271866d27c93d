using System.Text.RegularExpressions;
using System.Xml.Linq;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Web.Tests.Platform;

public partial class ResourceTests
{
    private static string WebProject
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "LegalServiceMap.Web");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new InvalidOperationException("src/LegalServiceMap.Web not found");
        }
    }

    private static Dictionary<string, string> Keys(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void EnglishAndChineseResources_HaveTheSameKeys()
    {
        var en = Keys("SharedResource.resx");
        var zh = Keys("SharedResource.zh-CN.resx");
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.Empty(zh.Keys.Except(en.Keys));
    }

    [Fact]
    public void NoResourceValue_IsEmpty()
    {
        Assert.DoesNotContain(Keys("SharedResource.resx"), kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.DoesNotContain(Keys("SharedResource.zh-CN.resx"), kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [Fact]
    public void EveryLiteralKeyUsedInTheCode_Exists()
    {
        var keys = Keys("SharedResource.resx");
        var missing = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(u => !keys.ContainsKey(u.Key))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryMessageKeyReturnedByValidation_ExistsInBothLanguages()
    {
        // Validation in Core and Web returns resource keys as string literals (not through L[...]): check them all.
        var en = Keys("SharedResource.resx");
        var zh = Keys("SharedResource.zh-CN.resx");
        var core = Path.Combine(WebProject, "..", "LegalServiceMap.Core");
        var keys = new[] { WebProject, core }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => MessageKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.True(keys.Count > 30, $"only {keys.Count} keys found");
        Assert.DoesNotContain(keys, k => !en.ContainsKey(k) || !zh.ContainsKey(k));
    }

    [Fact]
    public void EveryComposedKey_Exists()
    {
        var keys = Keys("SharedResource.resx");
        var composed = StationTypes.All.Select(t => "Type_" + t.ToSlug())
            .Concat(LegalServiceMap.Core.Portal.ConsultationForm.Topics.Select(t => "Topic_" + t))
            .Concat(LegalServiceMap.Core.Portal.ConsultationForm.Replies.Select(t => "Reply_" + t))
            .Concat(LegalServiceMap.Core.Portal.ErrorReportForm.ErrorTypes.Select(t => "ErrorType_" + t))
            .Concat(LegalServiceMap.Core.Portal.LegalAidForm.CaseTypes.Select(t => "CaseType_" + t))
            .Concat(LegalServiceMap.Core.Portal.LegalAidForm.ExemptGroups.Select(t => "Exempt_" + t))
            .Concat(Enum.GetNames<LegalServiceMap.Core.Portal.LegalAidOutlook>().Select(t => "LegalAidOutlook_" + t))
            .Concat(new[] { "received", "in-progress", "answered", "closed" }.Select(t => "SubmissionStatus_" + t))
            .Concat(new[] { "consultation", "error-report", "legal-aid" }.Select(t => "SubmissionKind_" + t))
            .Concat(new[] { "view", "assign", "reply", "close", "reopen" }.Select(t => "QueueAction_" + t))
            .Concat(Enum.GetNames<LegalServiceMap.Web.Features.Staff.Import.ImportRowStatus>().Select(t => "Import_Status_" + t))
            .Concat(StationFields.All.Select(f => "Field_" + f.Name))
            .Concat(LegalServiceMap.Core.Text.WireName.All<LegalServiceMap.Web.Features.Staff.Audit.SecurityEventKind>().Select(k => "Audit_Kind_" + k))
            .Concat(StationFields.ProblemCodes.SelectMany(c => new[] { "Edit_Error" + c, "Import_" + c }))
            .Concat(new[] { "update", "import", "restore", "create" }.Select(a => "Action_" + a))
            .Concat(Enum.GetValues<LocationTier>().Select(t => "Tier_" + t.ToSlug()))
            .Concat(Enum.GetValues<DayOfWeek>().Select(d => "Day_" + d.ToString()[..3]));
        Assert.All(composed, k => Assert.True(keys.ContainsKey(k), k));
    }

    [Fact]
    public void ChineseResources_AreChinese()
    {
        // Catch copy-paste of English into the Chinese file: user-facing Chinese strings contain CJK characters.
        var zh = Keys("SharedResource.zh-CN.resx");
        var notChinese = zh.Where(kv => !Cjk().IsMatch(kv.Value) && kv.Key is not ("Lang_Other" or "Distance_Metres" or "Distance_Kilometres"))
            .Where(kv => !kv.Key.StartsWith("Api_Bbox")).Select(kv => kv.Key).ToList();
        Assert.Empty(notChinese);
    }

    [GeneratedRegex("""L\["([A-Za-z0-9_\-]+)"[\],]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("\"((?:Form|Import|Edit|LegalAidReason|LegalAidDoc|Api)_[A-Za-z]+)\"")]
    private static partial Regex MessageKey();

    [GeneratedRegex("[\u4e00-\u9fff]")]
    private static partial Regex Cjk();
}
