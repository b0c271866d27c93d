using LegalServiceMap.Core.Help;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Features.Map;
using LegalServiceMap.Web.Features.Stations;
using LegalServiceMap.Web.Setup;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Help;

/// <summary>
/// <c>GET /api/help</c> for the host app: the same answer as /help. <c>?q=</c> (a description, up to 500 characters;
/// understood, never kept or logged) or <c>?problem=</c> with one parameter per question answered; optionally
/// <c>lat</c>/<c>lng</c>/<c>coord</c> for the places open on arrival. Without either: the problem groups.
/// </summary>
public static class HelpApi
{
    public static IEndpointRouteBuilder MapHelpApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/help").WithTags("Help").MapGet("/", Answer);
        return app;
    }

    private static Results<JsonHttpResult<HelpAnswerDto>, ValidationProblem> Answer(string? q, string? problem, string? lang, string? lat, string? lng, string? coord,
        HttpContext http, HelpService help, IStringLocalizer<SharedResource> L)
    {
        var errors = new ParameterErrors(L);
        var english = errors.English(lang);
        var tree = help.Tree;
        if (q is { Length: > ProblemWords.MaxLength }) errors.Add("q", "Api_HelpTextTooLong", ProblemWords.MaxLength);
        if (problem is not null && tree.Group(problem) is null) errors.Add("problem", "Api_HelpProblemUnknown", string.Join(", ", tree.Groups.Select(g => g.Id)));
        if (lat is not null || lng is not null) errors.Point(lat, lng, coord);
        else if (coord is not null) errors.System("coord", coord);
        var query = HelpQuery.Parse(k => http.Request.Query[k], tree);
        Understanding? understood = null;
        if (problem is null && !string.IsNullOrWhiteSpace(q) && !errors.Any)
        {
            understood = help.Understand(q);
            query = query with { Problem = understood.Best, Heard = understood.Words.Select(w => w.Word).ToList() };
        }
        var view = help.Build(query, english, elder: false);
        foreach (var unknown in view.Step?.Unknown ?? [])
            errors.Add(unknown, "Api_HelpAnswerUnknown", string.Join(", ", tree.Questions[unknown].Options.Select(o => o.Id)));
        if (errors.Any) return errors.Problem();
        return TypedResults.Json(HelpAnswerDto.From(view, understood, english, L));
    }
}

/// <summary>The answer of /api/help (camelCase JSON).</summary>
public sealed record HelpAnswerDto(
    IReadOnlyList<HelpAnswerDto.Group> Groups,
    HelpAnswerDto.Understood? Understanding,
    HelpAnswerDto.Group? Problem,
    IReadOnlyList<HelpAnswerDto.Answered> Answers,
    HelpAnswerDto.Question? NextQuestion,
    HelpAnswerDto.Result? Outcome,
    IReadOnlyList<HelpAnswerDto.Phone> Call,
    bool? OutsideDistrict,
    IReadOnlyList<HelpAnswerDto.Place> Places,
    string Page)
{
    public sealed record Group(string Id, string Label, string Hint);
    public sealed record Understood(string? Problem, IReadOnlyList<string> Words, IReadOnlyList<string> Alternatives);
    public sealed record Answered(string Question, string Text, string Answer, string Label);
    public sealed record Option(string Id, string Label);
    public sealed record Question(string Id, string Text, IReadOnlyList<Option> Options);
    public sealed record Service(string Type, string Name, string Does, string DoesNot);
    public sealed record LegalAidNotes(string CaseType, IReadOnlyList<string> Exempt, IReadOnlyList<string> Waived, string Outlook,
        IReadOnlyList<string> Reasons, IReadOnlyList<string> Documents, string Decides);
    public sealed record Result(string Id, bool Urgent, string Note, IReadOnlyList<Service> Services, string Topic, string ConsultUrl, string? LegalAidUrl, LegalAidNotes? LegalAid);
    public sealed record Phone(string Number, string Label);
    public sealed record Place(string Id, string Type, string Name, string? Phone, double? WalkMinutes, bool? OpenOnArrival, string? Arrival, double? DistanceMetres, string Url);

    public static HelpAnswerDto From(HelpView view, Understanding? understood, bool english, IStringLocalizer L)
    {
        var step = view.Step;
        var outcome = step?.Outcome;
        var calls = new List<Phone>();
        if (outcome?.Urgent == true) calls.Add(new("110", L["Help_Call110"]));
        calls.Add(new("12348", L["Help_Call12348"]));
        return new HelpAnswerDto(
            view.Tree.Groups.Select(g => new Group(g.Id, g.Label.In(english), g.Hint.In(english))).ToList(),
            understood is null ? null : new Understood(understood.Best, understood.Words.Select(w => w.Word).Distinct().ToList(), understood.Groups.Skip(1).Select(g => g.Group).ToList()),
            step is null ? null : new Group(step.Group.Id, step.Group.Label.In(english), step.Group.Hint.In(english)),
            step?.Answered.Select(a => new Answered(a.Question.Id, a.Question.Text.In(english), a.Option.Id, a.Option.Label.In(english))).ToList() ?? [],
            step?.Question is { } q ? new Question(q.Id, q.Text.In(english), q.Options.Select(o => new Option(o.Id, o.Label.In(english))).ToList()) : null,
            outcome is null ? null : new Result(outcome.Id, outcome.Urgent, outcome.Note.In(english),
                outcome.Services.Select(t => new Service(t.ToSlug(), L["Type_" + t.ToSlug()], view.Tree.Services[t].Does.In(english), view.Tree.Services[t].DoesNot.In(english))).ToList(),
                outcome.Topic, view.ConsultUrl!, view.LegalAidUrl,
                outcome.LegalAid is { } a && view.LegalAid is { } check
                    ? new LegalAidNotes(a.CaseType, a.Exempt, a.Waived, LegalServiceMap.Core.Text.WireName.Of(check.Outlook),
                        check.Reasons.Select(r => L[r, ""].Value).ToList(), check.Documents.Select(d => L[d].Value).ToList(), L["LegalAid_Decides"])
                    : null),
            calls,
            view.Origin is null ? null : view.OutsideDistrict,
            view.Places.Select(p => new Place(p.Station.Id, p.Type.ToSlug(), p.Station.Name(english), p.Station.Phone, p.WalkMinutes is { } m ? Math.Round(m, 1) : null,
                p.Arrival?.OpenOnArrival, p.Arrival is { } arrival ? Arrivals.Text(arrival, L, english) : null, p.Metres is { } d ? Math.Round(d) : null,
                StationLinks.Path(p.Station.Id))).ToList(),
            view.Link(view.Path));
    }
}
