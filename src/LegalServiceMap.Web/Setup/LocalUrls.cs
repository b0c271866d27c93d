using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc;

namespace LegalServiceMap.Web.Setup;

/// <summary>Return addresses after a redirect: only a local path, as the framework's own <c>IsLocalUrl</c> decides.</summary>
public static class LocalUrls
{
    // The framework's check (the one LocalRedirect applies): "/" or "~/" paths, no "//" or "/\", no control characters.
    private static readonly IUrlHelper Checker = new UrlHelper(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()));

    /// <summary>
    /// The address when it is local, else the fallback; ready for a Location header: every character outside printable
    /// ASCII is percent-encoded as UTF-8 (a raw "/é" in a header is refused by the server with a 500).
    /// </summary>
    public static string OrDefault(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && Checker.IsLocalUrl(url) ? HeaderSafe(url) : fallback;

    private static string HeaderSafe(string url)
    {
        if (url.All(c => c is > ' ' and < '\u007f')) return url;
        var text = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f) { text.Append((char)rune.Value); continue; }
            var n = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..n]) text.Append('%').Append(b.ToString("X2"));
        }
        return text.ToString();
    }
}
