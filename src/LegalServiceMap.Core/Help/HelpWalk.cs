namespace LegalServiceMap.Core.Help;

/// <summary>An answer given on the way: the question and the option chosen.</summary>
public sealed record HelpAnswer(HelpQuestion Question, HelpOption Option);

/// <summary>
/// Where a resident is in the tree: the group, the answers given so far, and either the next question or the outcome.
/// <see cref="Unknown"/> names the answers in the address that are not answers of their question (the page asks again;
/// the API says 400).
/// </summary>
public sealed record HelpStep(HelpGroup Group, IReadOnlyList<HelpAnswer> Answered, HelpQuestion? Question, HelpOutcome? Outcome, IReadOnlyList<string> Unknown)
{
    public bool Done => Outcome is not null;
}

/// <summary>Follows a path through the tree: the address holds one parameter per question answered (its id = the option's id). Pure.</summary>
public static class HelpWalk
{
    public static HelpStep? From(HelpTree tree, string? problem, Func<string, string?> answerTo)
    {
        if (tree.Group(problem) is not { } group) return null;
        var answered = new List<HelpAnswer>();
        var unknown = new List<string>();
        var question = tree.Questions[group.Start];
        for (var depth = 0; depth <= HelpTree.MaxDepth; depth++)
        {
            var given = answerTo(question.Id);
            if (given is null) break;
            if (question.Option(given) is not { } option)
            {
                unknown.Add(question.Id);
                break;
            }
            answered.Add(new HelpAnswer(question, option));
            if (option.Outcome is { } outcome) return new HelpStep(group, answered, null, tree.Outcomes[outcome], unknown);
            question = tree.Questions[option.Next!];
        }
        return new HelpStep(group, answered, question, null, unknown);
    }
}
