using System.Text.Json;
using System.Text.Json.Serialization;
using LegalServiceMap.Core.Portal;
using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Help;

/// <summary>A text in both languages.</summary>
public sealed record Bilingual(string Zh, string En)
{
    public string In(bool english) => english ? En : Zh;
}

/// <summary>What a service type does, and its limit ("mediation needs both sides to agree").</summary>
public sealed record HelpService(Bilingual Does, Bilingual DoesNot);

/// <summary>A problem group in residents' words, with the question it starts with.</summary>
public sealed record HelpGroup(string Id, Bilingual Label, Bilingual Hint, string Start);

/// <summary>An answer to a question: it leads to another question or to an outcome.</summary>
public sealed record HelpOption(string Id, Bilingual Label, string? Next, string? Outcome)
{
    public const string NotSure = "not-sure";
}

public sealed record HelpQuestion(string Id, string Group, Bilingual Text, IReadOnlyList<HelpOption> Options)
{
    public HelpOption? Option(string? id) => Options.FirstOrDefault(o => o.Id == id);
}

/// <summary>
/// Where an outcome points the legal-aid pre-application: the matter (Legal Aid Law art. 31), the situations this path
/// has already established that need no means test (art. 32), and those that may waive the means check with proof
/// (art. 42), asked rather than assumed.
/// </summary>
public sealed record HelpLegalAid(string CaseType, IReadOnlyList<string> Exempt, IReadOnlyList<string> Waived);

/// <summary>
/// Where a path ends: the service types to go to (most suitable first), the consultation topic and legal-aid matter to
/// prefill, whether it is urgent (110 and 12348 first), and advice for this path.
/// </summary>
public sealed record HelpOutcome(string Id, IReadOnlyList<StationType> Services, string Topic, HelpLegalAid? LegalAid, bool Urgent, Bilingual Note);

/// <summary>
/// The reviewed triage tree of /help (data/help/tree.json, both languages in one file): groups, questions, outcomes and
/// what each service type does. Immutable; thread-safe. <see cref="Problems"/> lists what makes a file unusable.
/// </summary>
public sealed class HelpTree
{
    public required int Version { get; init; }
    public required string Reviewed { get; init; }
    public required IReadOnlyDictionary<StationType, HelpService> Services { get; init; }
    public required IReadOnlyList<HelpGroup> Groups { get; init; }
    public required IReadOnlyDictionary<string, HelpQuestion> Questions { get; init; }
    public required IReadOnlyDictionary<string, HelpOutcome> Outcomes { get; init; }

    /// <summary>The deepest a path may go: a resident answers at most this many questions.</summary>
    public const int MaxDepth = 3;

    public HelpGroup? Group(string? id) => Groups.FirstOrDefault(g => g.Id == id);

    // ---- Reading the file ----

    private sealed record TextDto(string Zh, string En);
    private sealed record ServiceDto(TextDto Does, TextDto DoesNot);
    private sealed record GroupDto(string Id, TextDto Label, TextDto Hint, string Start);
    private sealed record OptionDto(string Id, TextDto Label, string? Next, string? Outcome);
    private sealed record QuestionDto(string Id, string Group, TextDto Text, List<OptionDto> Options);
    private sealed record LegalAidDto(string CaseType, List<string>? Exempt, List<string>? Waived);
    private sealed record OutcomeDto(string Id, List<string> Services, string Topic, LegalAidDto? LegalAid, bool Urgent, TextDto Note);
    private sealed record TreeDto(int Version, string Reviewed, Dictionary<string, ServiceDto> Services, List<GroupDto> Groups, List<QuestionDto> Questions, List<OutcomeDto> Outcomes);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    private static Bilingual B(TextDto t) => new(t.Zh, t.En);

    private static StationType Type(string slug) =>
        StationTypes.TryParse(slug, out var type) ? type : throw new InvalidDataException($"Unknown service type '{slug}' in the help tree.");

    /// <summary>Reads a tree file. Throws <see cref="InvalidDataException"/> when it cannot be read or has <see cref="Problems"/>.</summary>
    public static HelpTree Read(string json)
    {
        TreeDto dto;
        try { dto = JsonSerializer.Deserialize<TreeDto>(json, Json) ?? throw new InvalidDataException("The help tree is empty."); }
        catch (JsonException e) { throw new InvalidDataException("The help tree is not valid JSON: " + e.Message, e); }
        var tree = new HelpTree
        {
            Version = dto.Version,
            Reviewed = dto.Reviewed,
            Services = dto.Services.ToDictionary(s => Type(s.Key), s => new HelpService(B(s.Value.Does), B(s.Value.DoesNot))),
            Groups = dto.Groups.Select(g => new HelpGroup(g.Id, B(g.Label), B(g.Hint), g.Start)).ToList(),
            Questions = dto.Questions.ToDictionary(q => q.Id, q => new HelpQuestion(q.Id, q.Group, B(q.Text),
                q.Options.Select(o => new HelpOption(o.Id, B(o.Label), o.Next, o.Outcome)).ToList())),
            Outcomes = dto.Outcomes.ToDictionary(o => o.Id, o => new HelpOutcome(o.Id, o.Services.Select(Type).ToList(), o.Topic,
                o.LegalAid is { } a ? new HelpLegalAid(a.CaseType, a.Exempt ?? [], a.Waived ?? []) : null, o.Urgent, B(o.Note))),
        };
        if (tree.Problems() is { Count: > 0 } problems) throw new InvalidDataException("The help tree has problems: " + string.Join("; ", problems));
        return tree;
    }

    /// <summary>
    /// What is wrong with the tree: a reference to nothing, a question without "not sure" as its last answer, a cycle or a
    /// path deeper than <see cref="MaxDepth"/>, an outcome no path reaches or that names no service, a service without its
    /// scope note, a consultation topic or legal-aid matter the forms do not know, a text missing in one language.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Text(string where, Bilingual t)
        {
            if (string.IsNullOrWhiteSpace(t.Zh) || string.IsNullOrWhiteSpace(t.En)) problems.Add($"{where}: a text is missing in one language");
        }
        var reached = new HashSet<string>();
        void Walk(string question, int depth, string path)
        {
            if (!Questions.TryGetValue(question, out var q)) { problems.Add($"{path}: no question '{question}'"); return; }
            if (depth > MaxDepth) { problems.Add($"{path}: deeper than {MaxDepth} questions (or a cycle)"); return; }
            foreach (var o in q.Options)
            {
                var here = $"{path} > {q.Id}={o.Id}";
                if ((o.Next is null) == (o.Outcome is null)) problems.Add($"{here}: leads to a question or an outcome, exactly one");
                else if (o.Next is { } next) Walk(next, depth + 1, here);
                else if (!Outcomes.ContainsKey(o.Outcome!)) problems.Add($"{here}: no outcome '{o.Outcome}'");
                else reached.Add(o.Outcome!);
            }
        }
        foreach (var g in Groups)
        {
            Text($"group {g.Id}", g.Label);
            Text($"group {g.Id} hint", g.Hint);
            Walk(g.Start, 1, g.Id);
        }
        if (Groups.Select(g => g.Id).Distinct().Count() != Groups.Count) problems.Add("two groups have the same id");
        foreach (var q in Questions.Values)
        {
            Text($"question {q.Id}", q.Text);
            if (q.Options.Count < 2) problems.Add($"question {q.Id}: fewer than two answers");
            if (q.Options.LastOrDefault()?.Id != HelpOption.NotSure) problems.Add($"question {q.Id}: \"not sure\" is not its last answer");
            if (q.Options.Select(o => o.Id).Distinct().Count() != q.Options.Count) problems.Add($"question {q.Id}: two answers have the same id");
            if (Group(q.Group) is null) problems.Add($"question {q.Id}: no group '{q.Group}'");
            foreach (var o in q.Options) Text($"question {q.Id} answer {o.Id}", o.Label);
        }
        foreach (var o in Outcomes.Values)
        {
            Text($"outcome {o.Id}", o.Note);
            if (!reached.Contains(o.Id)) problems.Add($"outcome {o.Id}: no path reaches it");
            if (o.Services.Count == 0) problems.Add($"outcome {o.Id}: names no service");
            foreach (var s in o.Services.Where(s => !Services.ContainsKey(s))) problems.Add($"outcome {o.Id}: no scope note for {s}");
            if (!ConsultationForm.Topics.Contains(o.Topic)) problems.Add($"outcome {o.Id}: unknown consultation topic '{o.Topic}'");
            if (o.LegalAid is { } a)
            {
                if (!o.Services.Contains(StationType.LegalAid)) problems.Add($"outcome {o.Id}: legal-aid notes but legal aid is not among its services");
                if (!LegalAidForm.CaseTypes.Contains(a.CaseType)) problems.Add($"outcome {o.Id}: unknown legal-aid matter '{a.CaseType}'");
                foreach (var x in a.Exempt.Where(x => !LegalAidForm.ExemptGroups.Contains(x))) problems.Add($"outcome {o.Id}: unknown art. 32 situation '{x}'");
                foreach (var x in a.Waived.Where(x => !LegalAidForm.WaivedGroups.Contains(x))) problems.Add($"outcome {o.Id}: unknown art. 42 group '{x}'");
            }
        }
        foreach (var (type, service) in Services)
        {
            Text($"service {type}", service.Does);
            Text($"service {type} limit", service.DoesNot);
        }
        return problems;
    }
}
