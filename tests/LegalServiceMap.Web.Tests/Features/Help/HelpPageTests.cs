using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LegalServiceMap.Web.Tests.Features.Help;

/// <summary>/help over HTTP as a browser without script uses it, in both languages, and /api/help answering the same.</summary>
public sealed partial class HelpPageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    [Theory]
    [InlineData("zh", "我该找哪类法律服务？", "工作与工资", "不确定，需要有人帮我判断")]
    [InlineData("en", "Which legal help do I need?", "Work and wages", "Not sure — I need someone to tell me")]
    public async Task TheFirstScreen_OffersTheDescriptionBox_TheEightGroups_AndNotSure(string lang, string title, string group, string notSure)
    {
        var html = Decode(await Client().GetStringAsync($"/help?lang={lang}"));
        Assert.Contains($"<h1>{title}</h1>", html);
        Assert.Contains(group, html);
        Assert.Contains(notSure, html);
        Assert.Equal(9, Regex.Matches(html, "class=\"help-option( help-not-sure)?\"").Count);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains("href=\"tel:12348\"", html);
        Assert.DoesNotContain("role=\"alert\"", html); // nothing to correct yet
        Assert.Contains("role=\"alert\"", await Client().GetStringAsync($"/help?lang={lang}&unclear=1"));
    }

    [Fact]
    public async Task ADescription_IsUnderstood_AndOnlyTheTablesWordsComeBackInTheAddress()
    {
        var client = Client();
        var page = await client.GetStringAsync("/help");
        var token = TokenPattern().Match(page).Groups[1].Value;
        const string typed = "老板三个月没发工资，我叫张三，电话13800138000";
        var posted = await client.PostAsync("/help", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "help-describe", ["__RequestVerificationToken"] = token, ["Describe"] = typed,
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var next = Uri.UnescapeDataString(new Uri(factory.Server.BaseAddress, posted.Headers.Location!).PathAndQuery);
        Assert.StartsWith("/help?problem=work&heard=", next);
        Assert.Contains("没发工资", next);
        Assert.DoesNotContain("张三", next);
        Assert.DoesNotContain("13800138000", next);

        var understood = Decode(await client.GetStringAsync(posted.Headers.Location));
        Assert.Contains("我们理解为“工作与工资”", understood);
        Assert.Contains("几天内有没有必须赶上的日期", understood); // the group's first question, asked at once
    }

    [Fact]
    public async Task APath_EndsInTheServices_TheLegalAidNotes_AndTheFormsPrefilled()
    {
        var html = Decode(await Client().GetStringAsync("/help?problem=work&work-deadline=no&work-what=unpaid"));
        Assert.Contains("法律援助（免费律师）", html);
        Assert.Contains("第三十一条", html);
        Assert.Contains("工作人员", html); // staff decide
        Assert.Contains("href=\"legal-aid?caseType=labour&waived=migrant-worker\"", html);
        Assert.Contains("href=\"consult?topic=labour&from=help\"", html);
        // What was answered is shown, each with a way back to change it.
        Assert.Contains("href=\"help?problem=work&work-deadline=no\"", html);
        Assert.DoesNotContain("help-urgent", html);

        var legalAid = Decode(await Client().GetStringAsync("/legal-aid?caseType=labour&waived=migrant-worker"));
        Assert.Matches("<option value=\"labour\" selected", legalAid);
        Assert.Matches("value=\"migrant-worker\" checked", legalAid);
        var consult = Decode(await Client().GetStringAsync("/consult?topic=labour&from=help"));
        Assert.Matches("value=\"labour\"[^>]*checked", consult);
    }

    [Fact]
    public async Task Violence_IsUrgent_110And12348First()
    {
        var html = Decode(await Client().GetStringAsync("/help?problem=violence&lang=en&violence-what=not-sure"));
        var urgent = html.IndexOf("help-urgent", StringComparison.Ordinal);
        Assert.True(urgent > 0);
        Assert.True(html.IndexOf("tel:110", StringComparison.Ordinal) > urgent);
        Assert.True(html.IndexOf("tel:110", StringComparison.Ordinal) < html.IndexOf("help-services", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APointOutsideJingan_SaysSo_AndPointsTo12348_InsteadOfFarPlaces()
    {
        // People's Square (Huangpu), not in Jing'an.
        var html = Decode(await Client().GetStringAsync("/help?problem=other&other-what=not-sure&lat=31.2304&lng=121.4737&lang=en"));
        Assert.Contains("That place is outside Jing'an District.", html);
        Assert.DoesNotContain("help-place", html);
        var inside = Decode(await Client().GetStringAsync("/help?problem=other&other-what=not-sure&lat=31.2486&lng=121.4670&lang=en"));
        Assert.DoesNotContain("outside Jing'an", inside);
        Assert.Contains("class=\"help-place", inside);
        // Every service of the outcome has a place to go, placed on the map or not (the district mediation centre is not).
        var wages = Decode(await Client().GetStringAsync("/help?problem=work&work-deadline=no&work-what=unpaid&lat=31.2486&lng=121.4670"));
        foreach (var type in new[] { "法律援助", "人民调解", "公共法律服务中心（站）" }) Assert.Contains($"<span class=\"help-place-type\">{type}</span>", wages);
    }

    [Fact]
    public async Task TheApi_AnswersTheSameAsThePage()
    {
        using var byText = JsonDocument.Parse(await Client().GetStringAsync("/api/help?q=" + Uri.EscapeDataString("老板三个月没发工资")));
        Assert.Equal("work", byText.RootElement.GetProperty("understanding").GetProperty("problem").GetString());
        Assert.Equal("work-deadline", byText.RootElement.GetProperty("nextQuestion").GetProperty("id").GetString());

        using var byPath = JsonDocument.Parse(await Client().GetStringAsync("/api/help?problem=work&work-deadline=no&work-what=unpaid&lang=en"));
        var outcome = byPath.RootElement.GetProperty("outcome");
        Assert.Equal("work-unpaid", outcome.GetProperty("id").GetString());
        Assert.Equal("legal-aid?caseType=labour&waived=migrant-worker", outcome.GetProperty("legalAidUrl").GetString());
        Assert.Equal("labour", outcome.GetProperty("legalAid").GetProperty("caseType").GetString());
        Assert.Contains(outcome.GetProperty("services").EnumerateArray(), s => s.GetProperty("type").GetString() == "legal-aid");
        Assert.Equal("help?problem=work&work-deadline=no&work-what=unpaid", byPath.RootElement.GetProperty("page").GetString());
        var page = Decode(await Client().GetStringAsync("/" + byPath.RootElement.GetProperty("page").GetString() + "&lang=en"));
        foreach (var s in outcome.GetProperty("services").EnumerateArray()) Assert.Contains(s.GetProperty("does").GetString()!, page);
        Assert.Contains(outcome.GetProperty("note").GetString()!, page);
    }

    [Theory]
    [InlineData("/api/help?problem=astrology", "problem")]
    [InlineData("/api/help?problem=work&work-deadline=perhaps", "work-deadline")]
    [InlineData("/api/help?lang=fr", "lang")]
    [InlineData("/api/help?problem=work&lat=91&lng=121", "lat")]
    public async Task BadParameters_Are400ProblemsNamingThem(string url, string parameter)
    {
        var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task ATooLongDescription_Is400_AndAnUnknownAnswerOnThePage_IsAskedAgain()
    {
        var response = await Client().GetAsync("/api/help?q=" + new string('工', 501));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = Decode(await Client().GetStringAsync("/help?problem=work&work-deadline=perhaps"));
        Assert.Contains("几天内有没有必须赶上的日期", html);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
