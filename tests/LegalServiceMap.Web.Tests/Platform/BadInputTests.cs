using LegalServiceMap.Web.Features.Staff.Accounts;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LegalServiceMap.Web.Tests.Platform;

/// <summary>
/// Every route the app maps (read from its endpoint data sources, so a new route is covered without editing this file),
/// each of its route and query parameters in turn given every value of a corpus of bad input, and every POST given every
/// malformed body: never a 5xx, never an exception's text — anonymous and signed in, in Development and in Production.
/// </summary>
public sealed partial class BadInputTests(ITestOutputHelper output)
{
    /// <summary>Values a careless client or an attacker sends (each escaped into the URL as given).</summary>
    public static readonly string[] BadValues =
    [
        "", " ", "abc", "\0", "abc\0", "\u0001\u001f", "NaN", "Infinity", "-Infinity", "-1", "0", "99999999999", "1e309", "0x1F", "-0.0",
        "<script>alert(1)</script>", "'\"--;", "../../../etc/passwd", "/%09/x", "\r\nX-Injected: 1", "//evil.example", "\\\\evil",
        new string('9', 400), new string('中', 3000), "𠀀😀", "\uFFFD\uFEFF", ",,,", "1,2,3,4,5", "%", "%ZZ", "null", "[]", "{}",
    ];

    /// <summary>Request bodies that are not what the endpoint reads (content, content type).</summary>
    public static readonly (string Name, byte[] Body, string? ContentType)[] BadBodies =
    [
        ("empty", [], "application/json"),
        ("not json", Encoding.UTF8.GetBytes("not json"), "application/json"),
        ("truncated", Encoding.UTF8.GetBytes("{\"name\": \"张"), "application/json"),
        ("null", Encoding.UTF8.GetBytes("null"), "application/json"),
        ("nested 1000 deep", Encoding.UTF8.GetBytes(new string('[', 1000) + new string(']', 1000)), "application/json"),
        ("object nested 1000 deep", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000)), "application/json"),
        ("bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"name\":\"x\"}")], "application/json"),
        ("invalid utf-8", [(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "application/json"),
        ("wrong types", Encoding.UTF8.GetBytes("{\"name\":5,\"consent\":\"yes\",\"topic\":[1],\"monthlyIncomePerPerson\":\"many\",\"exempt\":{}}"), "application/json"),
        ("duplicate keys", Encoding.UTF8.GetBytes("{\"name\":\"a\",\"name\":\"b\"}"), "application/json"),
        ("huge number", Encoding.UTF8.GetBytes("{\"monthlyIncomePerPerson\":1e400}"), "application/json"),
        ("no content type", Encoding.UTF8.GetBytes("{\"name\":\"x\"}"), null),
        ("wrong content type", Encoding.UTF8.GetBytes("{\"name\":\"x\"}"), "text/plain"),
        ("form to a json door", Encoding.UTF8.GetBytes("name=x&consent=true"), "application/x-www-form-urlencoded"),
        ("json to a form door", Encoding.UTF8.GetBytes("{\"email\":\"x\"}"), "application/json"),
        ("broken form", Encoding.UTF8.GetBytes("a=%ZZ&&=&%00=\0&b"), "application/x-www-form-urlencoded"),
        ("broken multipart", Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data\r\n\r\n"), "multipart/form-data; boundary=x"),
    ];

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task EveryRoute_WithBadParametersAndBodies_AnswersBelow500_WithoutExceptionText(string environment)
    {
        using var app = new AppFactory { EnvironmentName = environment };
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/_", StringComparison.Ordinal) && !HasFileExtension(e.RoutePattern.RawText!))
            .ToList();
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} routes found");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/stations/");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/coverage");

        Assert.True((await StaffAuthentication.CreateAccountAsync(app.Services, "admin@example.org", "a long enough passphrase", StaffRoles.Admin)).Ok);
        // Over https, as behind the TLS proxy: Production's cookies are Secure.
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") };
        var anonymous = app.CreateClient(options);
        var staff = app.CreateClient(options);
        await SignInAsync(staff);

        var failures = new List<string>();
        var requests = 0;
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var parameters = QueryParameters(endpoint);
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                foreach (var client in new[] { anonymous, staff })
                {
                    foreach (var url in Urls(endpoint.RoutePattern.RawText!, parameters))
                    {
                        requests++;
                        await CheckAsync(client, new HttpRequestMessage(new HttpMethod(method), url), failures);
                    }
                    if (method != "POST") continue;
                    foreach (var (name, body, type) in BadBodies)
                    {
                        requests++;
                        var request = new HttpRequestMessage(HttpMethod.Post, Fill(endpoint.RoutePattern.RawText!, "x")) { Content = new ByteArrayContent(body) };
                        if (type is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                        request.Headers.Add("Idempotency-Key", "bad-input-" + Guid.NewGuid().ToString("N"));
                        await CheckAsync(client, request, failures, name);
                    }
                }
            }
        }
        output.WriteLine($"{environment}: {requests} requests over {endpoints.Count} routes, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    private static async Task CheckAsync(HttpClient client, HttpRequestMessage request, List<string> failures, string? what = null)
    {
        var label = $"{request.Method} {request.RequestUri}{(what is null ? "" : " [" + what + "]")}";
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {label}");
        else if (ExceptionText().Match(text) is { Success: true } m) failures.Add($"exception text '{m.Value}' in {(int)response.StatusCode} {label}");
    }

    /// <summary>The URLs to try: each parameter alone with each bad value, then all of them with the same value.</summary>
    private static IEnumerable<string> Urls(string pattern, IReadOnlyList<string> query)
    {
        var routeParameters = RouteParameter().Matches(pattern).Count;
        foreach (var value in BadValues)
        {
            var escaped = Uri.EscapeDataString(value);
            // A NUL in the path never reaches the app (the server refuses the request line); in the query it does.
            if (routeParameters > 0 && value.Length > 0 && !value.Contains('\0')) yield return Fill(pattern, escaped);
            foreach (var name in query) yield return $"{Fill(pattern, "x")}?{name}={escaped}";
            if (query.Count > 1) yield return $"{Fill(pattern, "x")}?{string.Join("&", query.Select(n => $"{n}={escaped}"))}";
        }
    }

    private static string Fill(string pattern, string value) => RouteParameter().Replace(pattern, value);

    /// <summary>The query parameters an endpoint reads: a handler's plain parameters, or a page's [SupplyParameterFromQuery] properties.</summary>
    private static IReadOnlyList<string> QueryParameters(RouteEndpoint endpoint)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "lang" };
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            foreach (var p in handler.GetParameters())
            {
                if (p.ParameterType == typeof(string) || Nullable.GetUnderlyingType(p.ParameterType) is not null || p.ParameterType.IsPrimitive)
                {
                    if (!RouteParameter().Matches(endpoint.RoutePattern.RawText!).Any(m => m.Groups[1].Value.Equals(p.Name, StringComparison.OrdinalIgnoreCase)))
                    {
                        names.Add(p.Name!);
                    }
                }
            }
        }
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } page)
        {
            foreach (var property in page.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } q) names.Add(q.Name ?? property.Name);
            }
        }
        names.UnionWith(["embed", "elder"]);
        return names.ToList();
    }

    private static bool HasFileExtension(string pattern) => Path.HasExtension(pattern.TrimEnd('/')) && !pattern.Contains('{');

    private static async Task SignInAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/staff/login");
        var token = Token().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "admin@example.org", ["password"] = "a long enough passphrase", ["returnUrl"] = "/staff", ["__RequestVerificationToken"] = token,
        }));
        Assert.True(response.Headers.Location?.OriginalString == "/staff", $"{(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}");
    }

    [GeneratedRegex(@"\{\*?([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>What an exception's message or stack trace looks like in a response.</summary>
    [GeneratedRegex(@"[A-Za-z]+Exception\b|\bat (System|Microsoft|LegalServiceMap)\.[A-Za-z.]+|StackTrace|stack trace|Stack Trace", RegexOptions.IgnoreCase)]
    public static partial Regex ExceptionText();
}
