using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace LegalServiceMap.Web.Components;

/// <summary>
/// The HTML encoder of the app's markup: Razor's own output (registered in ApplicationSetup) and the few fragments
/// written as text (a station type's badge). Every value goes in through <see cref="Encode"/>.
/// </summary>
public static class Html
{
    /// <summary>
    /// Encodes markup characters (&lt; &gt; &amp; quotes) and leaves Chinese text as it is; also the encoder Razor's own
    /// output uses (registered in ApplicationSetup), so both write the same.
    /// </summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string value) => Encoder.Encode(value);
}
