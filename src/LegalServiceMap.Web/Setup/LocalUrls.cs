using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc;

namespace LegalServiceMap.Web.Setup;

/// <summary>Return addresses after a redirect: only a local path, as the framework's own <c>IsLocalUrl</c> decides.</summary>
public static class LocalUrls
{
    // The framework's check (the one LocalRedirect applies): "/" or "~/" paths, no "//" or "/\", no control characters.
    private static readonly IUrlHelper Checker = new UrlHelper(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()));

    /// <summary>The address when it is local, else the fallback.</summary>
    public static string OrDefault(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && Checker.IsLocalUrl(url) ? url : fallback;
}
