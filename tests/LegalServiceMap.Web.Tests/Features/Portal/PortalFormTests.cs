using System.Net;
using System.Text.RegularExpressions;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Features.Portal;

public sealed partial class PortalFormTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string Hidden(string html, string name) => Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    private static Dictionary<string, string> ValidReport(string html) => new()
    {
        ["_handler"] = "report",
        ["__RequestVerificationToken"] = Hidden(html, "__RequestVerificationToken"),
        ["Input.Key"] = Hidden(html, "Input.Key"),
        ["Input.StationId"] = "notary-jingan",
        ["Input.ErrorType"] = "wrong-phone",
        ["Input.PageUrl"] = "/stations/notary-jingan",
        ["Input.ContentTitle"] = "静安公证处",
        ["Input.WhatHappened"] = "页面上的电话号码打不通，请核实。<script>alert(1)</script>",
        ["Input.Name"] = "测试者",
        ["Input.Consent"] = "true",
    };

    private async Task<int> CountAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Submissions.CountAsync();
    }

    [Fact]
    public async Task ReportForm_FromAStationPage_IsPrefilledWithTheStationAndPage()
    {
        var html = await NewClient().GetStringAsync("/report?station=notary-jingan&page=%2Fstations%2Fnotary-jingan");
        Assert.Contains("value=\"静安公证处\"", html);
        Assert.Contains("value=\"/stations/notary-jingan\"", html);
        Assert.Matches("^[0-9a-f]{32}$", Hidden(html, "Input.Key"));
    }

    [Fact]
    public async Task ReportForm_Valid_IsSavedAndRedirectsToItsReference_AndADoubleTapMakesOneRecord()
    {
        var client = NewClient();
        var html = await client.GetStringAsync("/report?station=notary-jingan");
        var form = ValidReport(html);
        var before = await CountAsync();

        var first = await client.PostAsync("/report", new FormUrlEncodedContent(form));
        var second = await client.PostAsync("/report", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Matches(@"^/submitted/JA-\d{4}-\d{6}-[A-Z2-9]{4}\?form=report$", first.Headers.Location!.PathAndQuery);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, await CountAsync());

        // No mobile was given: the submitted page shows the access code once, and the status needs it.
        var reference = first.Headers.Location!.PathAndQuery.Split('/')[2].Split('?')[0];
        var submitted = await client.GetStringAsync(first.Headers.Location);
        var code = System.Text.RegularExpressions.Regex.Match(submitted, "data-testid=\"access-code\">([0-9]{6})<").Groups[1].Value;
        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain("access-code", await client.GetStringAsync(first.Headers.Location));
        Assert.DoesNotContain("已收到，等待处理", await client.GetStringAsync($"/status?reference={reference}"));
        Assert.Contains("已收到，等待处理", await client.GetStringAsync($"/status?reference={reference}&last4={code}"));
    }

    [Fact]
    public async Task ReportForm_MissingFields_ShowsMessagesAndSavesNothing()
    {
        var client = NewClient();
        var html = await client.GetStringAsync("/report");
        var form = ValidReport(html);
        form["Input.WhatHappened"] = "太短";
        form["Input.Consent"] = "false";
        var before = await CountAsync();
        var response = await client.PostAsync("/report", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-error-for=\"whatHappened\"", page);
        Assert.Contains("data-error-for=\"consent\"", page);
        Assert.Contains("太短", page); // what was typed is kept
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Honeypot_Filled_IsThankedButNothingIsSaved()
    {
        var client = NewClient();
        var form = ValidReport(await client.GetStringAsync("/report"));
        form["Input.Website"] = "http://spam.example";
        var before = await CountAsync();
        var response = await client.PostAsync("/report", new FormUrlEncodedContent(form));
        Assert.Equal("/submitted", response.Headers.Location!.PathAndQuery);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var client = NewClient();
        var form = ValidReport(await client.GetStringAsync("/report"));
        form.Remove("__RequestVerificationToken");
        var response = await NewClient().PostAsync("/report", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("", "此表单已过期，没有发送", "重新打开表单")]
    [InlineData("?lang=en", "This form has expired and was not sent", "Open the form again")]
    public async Task AFormWhoseTokenNoLongerMatches_IsNotSent_AndSaysSo_WithAWayBackToTheForm(string lang, string title, string again)
    {
        // The page was read by a browser that has since lost its antiforgery cookie (a webview that dropped it, a long pause).
        var form = ValidReport(await NewClient().GetStringAsync("/report?station=notary-jingan"));
        var before = await CountAsync();
        var response = await NewClient().PostAsync("/report" + lang, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<h1>{title}</h1>", page);
        Assert.Contains($"<a href=\"/report{lang}\">{again}</a>", page);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Status_NeedsTheLastFourDigitsWhenAMobileWasGiven_AndTextIsStoredAsText()
    {
        var client = NewClient();
        var html = await client.GetStringAsync("/consult");
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "consult", ["__RequestVerificationToken"] = Hidden(html, "__RequestVerificationToken"), ["Input.Key"] = Hidden(html, "Input.Key"),
            ["Input.Topic"] = "housing", ["Input.Question"] = "<b>租房押金</b>不退怎么办？", ["Input.Name"] = "<i>张</i>", ["Input.Mobile"] = "139 1234 5678",
            ["Input.PreferredReply"] = "sms", ["Input.Consent"] = "true",
        };
        var response = await client.PostAsync("/consult", new FormUrlEncodedContent(form));
        var reference = response.Headers.Location!.PathAndQuery.Split('/')[2].Split('?')[0];
        Assert.Contains("data-testid=\"status-none\"", await client.GetStringAsync($"/status?reference={reference}&last4=0000"));
        var statusPage = await client.GetStringAsync($"/status?reference={reference}&last4=5678");
        Assert.Contains("data-testid=\"status-result\"", statusPage);
        Assert.Contains("答复期限", statusPage); // the reply promised, with its date
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日星期. 前（3 个工作日内）", statusPage);
        var submitted = await client.GetStringAsync(response.Headers.Location!.PathAndQuery);
        Assert.Matches(@"我们将在 \d{4}年\d{1,2}月\d{1,2}日星期. 前答复（3 个工作日内", submitted);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var saved = await db.Submissions.SingleAsync(s => s.Reference == reference);
        Assert.Equal("13912345678", saved.Mobile);
        Assert.Contains("<b>租房押金</b>", saved.Payload); // stored as text, encoded only on output
    }
}

public sealed partial class LegalAidFormTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string Hidden(string html, string name) => Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    private static List<KeyValuePair<string, string>> Form(string html, string action, params (string, string)[] fields) =>
    [
        new("_handler", "legal-aid"), new("__RequestVerificationToken", Hidden(html, "__RequestVerificationToken")), new("Input.Key", Hidden(html, "Input.Key")),
        new("Input.Action", action), .. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)),
    ];

    [Fact]
    public async Task Check_ExplainsWithoutDeciding_AndListsTheDocuments()
    {
        var client = NewClient();
        var html = await client.GetStringAsync("/legal-aid?lang=en");
        var response = await client.PostAsync("/legal-aid", new FormUrlEncodedContent(Form(html, "check",
            ("Input.CaseType", "labour"), ("Input.MonthlyIncomePerPerson", "1500"), ("Input.Exempt", "domestic-violence"))));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"legal-aid-result\"", page);
        Assert.Contains("free of the income test", page);
        Assert.Contains("Only the legal aid centre decides", page);
        Assert.Contains("identity card", page);
    }

    [Fact]
    public async Task Send_SavesAPreApplicationWithAReference()
    {
        var client = NewClient();
        var html = await client.GetStringAsync("/legal-aid");
        var response = await client.PostAsync("/legal-aid", new FormUrlEncodedContent(Form(html, "submit",
            ("Input.CaseType", "maintenance"), ("Input.MonthlyIncomePerPerson", "800"), ("Input.Name", "王五"), ("Input.Mobile", "13600001234"),
            ("Input.Consent", "true"))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"^/submitted/JA-\d{4}-\d{6}-[A-Z2-9]{4}\?form=legal-aid$", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Api_LegalAid_ValidatesAndSaves()
    {
        var client = factory.CreateClient();
        var bad = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/legal-aid") { Content = System.Net.Http.Json.JsonContent.Create(new { caseType = "astrology", consent = true }) };
        bad.Headers.Add("Idempotency-Key", "legal-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(bad)).StatusCode);
        var good = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/legal-aid")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { caseType = "labour", monthlyIncomePerPerson = 1000, name = "赵六", mobile = "13700009999", consent = true }),
        };
        good.Headers.Add("Idempotency-Key", "legal-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(good)).StatusCode);
    }
}
