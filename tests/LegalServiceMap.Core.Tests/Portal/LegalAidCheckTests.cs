using LegalServiceMap.Core.Portal;

namespace LegalServiceMap.Core.Tests.Portal;

public class LegalAidCheckTests
{
    private static LegalAidForm Form(string caseType = "labour", decimal? income = 2000, params string[] exempt) =>
        new() { CaseType = caseType, MonthlyIncomePerPerson = income, Exempt = [.. exempt], Name = "张三", Mobile = "13812345678", Consent = true };

    [Fact]
    public void BelowTheLine_IsLikelyEligible_AndAsksForIncomeProof()
    {
        var r = LegalAidCheck.Evaluate(Form(income: 2000), monthlyThresholdYuan: 2500);
        Assert.Equal(LegalAidOutlook.LikelyEligible, r.Outlook);
        Assert.Contains("LegalAidDoc_Income", r.Documents);
    }

    [Fact]
    public void AboveTheLine_IsLikelyNotEligible_UnlessExempt()
    {
        Assert.Equal(LegalAidOutlook.LikelyNotEligible, LegalAidCheck.Evaluate(Form(income: 9000), 2500).Outlook);
        var exempt = LegalAidCheck.Evaluate(Form(income: 9000, exempt: "domestic-violence"), 2500);
        Assert.Equal(LegalAidOutlook.LikelyEligible, exempt.Outlook);
        Assert.Contains("LegalAidReason_Exempt", exempt.Reasons);
    }

    [Fact]
    public void Article42Groups_WithProof_AreNotMeansChecked_MigrantWorkersOnlyForPayAndWorkInjuries()
    {
        var elderly = LegalAidCheck.Evaluate(new LegalAidForm { CaseType = "maintenance", MonthlyIncomePerPerson = 9_000, Waived = ["minor-elderly-disabled"] }, 2_000);
        Assert.Equal(LegalAidOutlook.LikelyEligible, elderly.Outlook);
        Assert.Contains("LegalAidReason_Waived", elderly.Reasons);
        Assert.Contains("LegalAidDoc_Waived", elderly.Documents);
        Assert.DoesNotContain("LegalAidDoc_Income", elderly.Documents);

        var wages = LegalAidCheck.Evaluate(new LegalAidForm { CaseType = "labour", MonthlyIncomePerPerson = 9_000, Waived = ["migrant-worker"] }, 2_000);
        Assert.Equal(LegalAidOutlook.LikelyEligible, wages.Outlook);
        // A migrant worker's other matters are means-checked as anyone's.
        var pension = LegalAidCheck.Evaluate(new LegalAidForm { CaseType = "pension", MonthlyIncomePerPerson = 9_000, Waived = ["migrant-worker"] }, 2_000);
        Assert.Equal(LegalAidOutlook.LikelyNotEligible, pension.Outlook);
        Assert.Equal("Form_BadExempt", LegalAidCheck.Validate(new LegalAidForm { Waived = ["rich"] })["waived"]);
    }

    [Fact]
    public void NoConfiguredThreshold_NeedsReviewRatherThanGuessing() =>
        Assert.Equal(LegalAidOutlook.NeedsReview, LegalAidCheck.Evaluate(Form(income: 100), monthlyThresholdYuan: null).Outlook);

    [Fact]
    public void OtherMatters_NeedReview() =>
        Assert.Equal(LegalAidOutlook.NeedsReview, LegalAidCheck.Evaluate(Form(caseType: "other", income: 100), 2500).Outlook);

    [Theory]
    [InlineData("caseType")]
    [InlineData("monthlyIncomePerPerson")]
    [InlineData("exempt")]
    [InlineData("mobile")]
    [InlineData("consent")]
    public void Validate_NamesTheBadField(string field)
    {
        var f = Form();
        switch (field)
        {
            case "caseType": f.CaseType = "tax-evasion"; break;
            case "monthlyIncomePerPerson": f.MonthlyIncomePerPerson = -5; break;
            case "exempt": f.Exempt = ["vip"]; break;
            case "mobile": f.Mobile = "021-1234"; break;
            default: f.Consent = false; break;
        }
        Assert.Equal([field], LegalAidCheck.Validate(f).Keys);
    }
}
