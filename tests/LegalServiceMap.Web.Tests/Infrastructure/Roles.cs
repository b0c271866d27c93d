using AngleSharp.Dom;
using Bunit;

namespace LegalServiceMap.Web.Tests.Infrastructure;

/// <summary>
/// Finds rendered elements the way a person (or a screen reader) does: by role and accessible name, or by the text of
/// their label, as Testing Library's queries do (bunit.web.query is not on this package feed). Covers the roles our
/// markup uses: link, button, checkbox, radio, heading, textbox/searchbox, slider, status, region.
/// </summary>
public static class Roles
{
    /// <summary>The one element of a role with exactly this accessible name; fails with the names that were there.</summary>
    public static IElement FindByRole<T>(this IRenderedComponent<T> cut, string role, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        FindByRole(cut.Nodes, role, name);

    /// <summary>Every element of a role (in document order).</summary>
    public static IReadOnlyList<IElement> FindAllByRole<T>(this IRenderedComponent<T> cut, string role) where T : Microsoft.AspNetCore.Components.IComponent =>
        All(cut.Nodes, role).ToList();

    /// <summary>The one button with exactly this accessible name.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> cut, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        FindByRole(cut.Nodes, "button", name);

    /// <summary>The one alert (an error a screen reader announces) whose text contains this; fails with the alerts there were.</summary>
    public static IElement Alert<T>(this IRenderedComponent<T> cut, string text) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var all = All(cut.Nodes, "alert").ToList();
        var found = all.Where(e => Squash(e.TextContent).Contains(text, StringComparison.Ordinal)).ToList();
        return found.Count == 1 ? found[0]
            : throw new InvalidOperationException($"{found.Count} alerts with “{text}”. Alerts: {string.Join(" | ", all.Select(e => Squash(e.TextContent)))}");
    }

    /// <summary>The form control labelled with this text (a wrapping label, label for=, aria-label or aria-labelledby).</summary>
    public static IElement FindByLabel<T>(this IRenderedComponent<T> cut, string label) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var controls = cut.Nodes.QuerySelectorAll("input, select, textarea").Where(e => Name(e) == label).ToList();
        return controls.Count == 1 ? controls[0]
            : throw new InvalidOperationException($"{controls.Count} controls labelled “{label}”. Labels: {string.Join(" | ", cut.Nodes.QuerySelectorAll("input, select, textarea").Select(Name))}");
    }

    private static IElement FindByRole(INodeList nodes, string role, string name)
    {
        var all = All(nodes, role).ToList();
        var found = all.Where(e => Name(e) == name).ToList();
        return found.Count == 1 ? found[0]
            : throw new InvalidOperationException($"{found.Count} elements of role {role} named “{name}”. Names: {string.Join(" | ", all.Select(Name))}");
    }

    private static IEnumerable<IElement> All(INodeList nodes, string role)
    {
        var selector = role switch
        {
            "link" => "a[href]",
            "button" => "button, [role=button], input[type=submit], input[type=button]",
            "checkbox" => "input[type=checkbox], [role=checkbox]",
            "radio" => "input[type=radio], [role=radio]",
            "heading" => "h1, h2, h3, h4, h5, h6, [role=heading]",
            "textbox" => "input:not([type]), input[type=text], input[type=email], input[type=tel], textarea",
            "searchbox" => "input[type=search]",
            "slider" => "input[type=range], [role=slider]",
            "status" => "[role=status], output",
            "region" => "section[aria-label], section[aria-labelledby], [role=region]",
            "article" => "article, [role=article]",
            "table" => "table, [role=table], [role=grid]",
            "figure" => "figure, [role=figure]",
            "note" => "[role=note]",
            "alert" => "[role=alert]",
            _ => $"[role={role}]",
        };
        return nodes.QuerySelectorAll(selector).Where(e => !e.HasAttribute("hidden") && e.Closest("[hidden], [aria-hidden=true]") is null);
    }

    /// <summary>The accessible name, simplified: aria-label, aria-labelledby, a label, the alt or title, else the text.</summary>
    public static string Name(IElement e)
    {
        if (e.GetAttribute("aria-label") is { Length: > 0 } label) return label.Trim();
        var root = Root(e);
        if (e.GetAttribute("aria-labelledby") is { Length: > 0 } ids)
            return string.Join(" ", ids.Split(' ').Select(id => root.QuerySelector($"[id='{id}']")?.TextContent.Trim())).Trim();
        if (e.LocalName is "input" or "select" or "textarea")
        {
            var owner = e.Closest("label") ?? (e.Id is { Length: > 0 } id ? root.QuerySelector($"label[for='{id}']") : null);
            if (owner is not null) return Squash(owner.TextContent);
            return e.GetAttribute("title") ?? "";
        }
        return Squash(e.TextContent) is { Length: > 0 } text ? text : e.GetAttribute("title") ?? "";
    }

    /// <summary>The top of the rendered tree (bUnit's nodes may sit in a fragment with no document).</summary>
    private static IElement Root(IElement e)
    {
        while (e.ParentElement is { } parent) e = parent;
        return e;
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
