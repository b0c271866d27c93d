using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LegalServiceMap.Web.Setup;

/// <summary>The TLS-terminating reverse proxies in front of the app (section "ReverseProxy").</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of trusted proxies (e.g. "10.0.0.5"). Empty with <see cref="KnownNetworks"/> empty: only a proxy on this machine (loopback).</summary>
    public string[] KnownProxies { get; set; } = [];
    /// <summary>Networks of trusted proxies in CIDR form (e.g. "10.0.0.0/24").</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// Reads the client's address and scheme from X-Forwarded-For / X-Forwarded-Proto, but only when the request came from
/// a configured proxy (by default only from loopback): anyone else's forwarded headers are ignored, so a client cannot
/// choose the address its rate limits are counted under.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        if (Problems(proxy).ToList() is { Count: > 0 } problems) throw new InvalidOperationException(string.Join("; ", problems));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            if (proxy.KnownProxies.Length == 0 && proxy.KnownNetworks.Length == 0) return; // the framework's default: loopback
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxy.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in proxy.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
        return services;
    }

    /// <summary>The configured proxy addresses and networks that do not parse (checked at start, so a typo fails loudly).</summary>
    public static IEnumerable<string> Problems(ReverseProxyOptions o) =>
        o.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"ReverseProxy:KnownProxies: '{p}' is not an IP address")
            .Concat(o.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)).Select(n => $"ReverseProxy:KnownNetworks: '{n}' is not a CIDR network"));
}
