using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace LegalServiceMap.Web.Components;

/// <summary>
/// Markup written as text for the few fragments that a list repeats on every row (a station type's badge, a row of the
/// station list). Blazor keeps each element, attribute and text of a component's output as a render-tree frame, twice per
/// component and per circuit; a fragment written here is one frame. Every value goes in through <see cref="Text"/>, which encodes it.
/// </summary>
public static class Html
{
    /// <summary>
    /// Encodes markup characters (&lt; &gt; &amp; quotes) and leaves Chinese text as it is; also the encoder Razor's own
    /// output uses (registered in ApplicationSetup), so both write the same.
    /// </summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string value) => Encoder.Encode(value);

    /// <summary>Appends text or an attribute's value, encoded (markup itself goes in with <c>Append</c>).</summary>
    public static StringBuilder Text(this StringBuilder html, string value)
    {
        Encoder.Encode(new StringWriter(html), value);
        return html;
    }
}
