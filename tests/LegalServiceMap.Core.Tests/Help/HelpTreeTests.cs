using System.Text.Json.Nodes;
using LegalServiceMap.Core.Help;
using LegalServiceMap.Core.Tests.Fixtures;
using LegalServiceMap.Core.Portal;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Help;

/// <summary>The reviewed tree of /help (data/help/tree.json): every path ends somewhere useful, and the checks that keep it so bite.</summary>
public class HelpTreeTests
{
    private static string Json => File.ReadAllText(Path.Combine(RepoPaths.Root, "data", "help", "tree.json"));
    internal static HelpTree Shipped => HelpTree.Read(Json);

    /// <summary>Every path from every group's first question, each answer followed.</summary>
    internal static IEnumerable<(HelpGroup Group, List<(string Question, string Answer)> Path, HelpOutcome Outcome)> AllPaths(HelpTree tree)
    {
        IEnumerable<(List<(string, string)>, HelpOutcome)> From(string question, List<(string, string)> path)
        {
            foreach (var option in tree.Questions[question].Options)
            {
                var here = new List<(string, string)>(path) { (question, option.Id) };
                if (option.Outcome is { } o) yield return (here, tree.Outcomes[o]);
                else foreach (var deeper in From(option.Next!, here)) yield return deeper;
            }
        }
        return tree.Groups.SelectMany(g => From(g.Start, []).Select(p => (g, p.Item1, p.Item2)));
    }

    [Fact]
    public void TheShippedTree_HasNoProblems_AndAbout8GroupsInResidentsWords()
    {
        var tree = Shipped;
        Assert.Empty(tree.Problems());
        Assert.Equal(["work", "family", "neighbours", "injury", "consumer", "violence", "documents", "other"], tree.Groups.Select(g => g.Id));
    }

    [Fact]
    public void EveryPath_EndsInAServiceWithItsScopeNote_AndNotSureIsOnEveryStep()
    {
        var tree = Shipped;
        var paths = AllPaths(tree).ToList();
        Assert.True(paths.Count >= 40, $"{paths.Count} paths");
        Assert.All(paths, p =>
        {
            Assert.NotEmpty(p.Outcome.Services);
            Assert.All(p.Outcome.Services, s => Assert.True(tree.Services.ContainsKey(s), $"{p.Outcome.Id}: {s} has no scope note"));
            Assert.InRange(p.Path.Count, 1, HelpTree.MaxDepth);
            // The walk the page and the API take reaches the same outcome.
            var step = HelpWalk.From(tree, p.Group.Id, q => p.Path.FirstOrDefault(x => x.Question == q).Answer);
            Assert.Same(p.Outcome, step!.Outcome);
        });
        Assert.All(tree.Questions.Values, q => Assert.Equal(HelpOption.NotSure, q.Options[^1].Id));
        // "Not sure" all the way down ends with the public legal service centre (and the page's 12348).
        foreach (var group in tree.Groups)
        {
            var step = HelpWalk.From(tree, group.Id, _ => HelpOption.NotSure)!;
            Assert.True(step.Done, group.Id);
            Assert.Contains(StationType.ServiceCentre, step.Outcome!.Services);
        }
    }

    [Fact]
    public void UrgentPaths_AreTheViolenceOnes_AndThoseWithADeadlineInDays()
    {
        var tree = Shipped;
        Assert.All(AllPaths(tree).Where(p => p.Group.Id == "violence"), p => Assert.True(p.Outcome.Urgent, p.Outcome.Id));
        foreach (var group in new[] { "work", "injury", "consumer" })
            Assert.Contains(AllPaths(tree), p => p.Group.Id == group && p.Outcome.Urgent);
        Assert.Contains(AllPaths(tree), p => !p.Outcome.Urgent);
    }

    [Fact]
    public void TheLegalAidNotes_AgreeWithThePreApplicationCheck()
    {
        foreach (var outcome in Shipped.Outcomes.Values.Where(o => o.LegalAid is not null))
        {
            var aid = outcome.LegalAid!;
            Assert.Contains(aid.CaseType, LegalAidForm.CaseTypes);
            var check = LegalAidCheck.Evaluate(new LegalAidForm { CaseType = aid.CaseType, Exempt = [.. aid.Exempt] }, monthlyThresholdYuan: 2_000);
            if (aid.Exempt.Count > 0)
            {
                // Art. 32: no means test; the check says so, for a listed matter likely eligible.
                Assert.Contains("LegalAidReason_Exempt", check.Reasons);
                Assert.Equal(aid.CaseType == "other" ? LegalAidOutlook.NeedsReview : LegalAidOutlook.LikelyEligible, check.Outlook);
            }
            else Assert.Contains("LegalAidReason_NoIncome", check.Reasons); // the income is asked on the form, never guessed
            foreach (var group in aid.Waived)
            {
                // Art. 42: the engine waives the means check for this matter (migrant workers only for pay and work injuries).
                var waived = LegalAidCheck.Evaluate(new LegalAidForm { CaseType = aid.CaseType, Waived = [group] }, 2_000);
                Assert.Contains("LegalAidReason_Waived", waived.Reasons);
            }
        }
    }

    private static string Mutate(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(Json)!;
        change(node);
        return node.ToJsonString();
    }

    [Fact]
    public void Problems_AreFound_ABrokenReference_AMissingNotSure_ACycle_AnUnreachableOutcome_AnUnknownTopic()
    {
        Assert.Contains("no question 'nowhere'", Assert.Throws<InvalidDataException>(() => HelpTree.Read(Mutate(n =>
            n["questions"]![0]!["options"]![1]!["next"] = "nowhere"))).Message);
        Assert.Contains("\"not sure\" is not its last answer", Assert.Throws<InvalidDataException>(() => HelpTree.Read(Mutate(n =>
            n["questions"]![0]!["options"]!.AsArray().RemoveAt(n["questions"]![0]!["options"]!.AsArray().Count - 1)))).Message);
        Assert.Contains("deeper than", Assert.Throws<InvalidDataException>(() => HelpTree.Read(Mutate(n =>
        {
            // work-what's "not sure" leads back to work-deadline: a cycle.
            var workWhat = n["questions"]!.AsArray().First(q => q!["id"]!.GetValue<string>() == "work-what")!;
            var notSure = workWhat["options"]!.AsArray()[^1]!;
            notSure.AsObject().Remove("outcome");
            notSure["next"] = "work-deadline";
        }))).Message);
        Assert.Contains("no path reaches it", Assert.Throws<InvalidDataException>(() => HelpTree.Read(Mutate(n =>
            n["outcomes"]!.AsArray().Add(JsonNode.Parse(n["outcomes"]![0]!.ToJsonString().Replace("\"work-urgent\"", "\"orphan\"")))))).Message);
        Assert.Contains("unknown consultation topic", Assert.Throws<InvalidDataException>(() => HelpTree.Read(Mutate(n =>
            n["outcomes"]![0]!["topic"] = "astrology"))).Message);
        Assert.Contains("missing in one language", Assert.Throws<InvalidDataException>(() => HelpTree.Read(Mutate(n =>
            n["groups"]![0]!["label"]!["en"] = " "))).Message);
    }

    [Fact]
    public void AWalk_FollowsTheAddress_AndNamesAnAnswerThatIsNotOne()
    {
        var tree = Shipped;
        var asked = HelpWalk.From(tree, "work", q => q == "work-deadline" ? "no" : null)!;
        Assert.Equal("work-what", asked.Question!.Id);
        Assert.Single(asked.Answered);
        var done = HelpWalk.From(tree, "work", q => q switch { "work-deadline" => "no", "work-what" => "unpaid", _ => null })!;
        Assert.Equal("work-unpaid", done.Outcome!.Id);
        Assert.Equal("labour", done.Outcome.LegalAid!.CaseType);
        var wrong = HelpWalk.From(tree, "work", q => q == "work-deadline" ? "perhaps" : null)!;
        Assert.Equal(["work-deadline"], wrong.Unknown);
        Assert.Equal("work-deadline", wrong.Question!.Id);
        Assert.Null(HelpWalk.From(tree, "astrology", _ => null));
    }
}
