namespace LegalServiceMap.Core.Portal;

/// <summary>The legal-aid pre-application: the matter, the household's income and exempt situations, then contact details.</summary>
public class LegalAidForm
{
    /// <summary>Civil and administrative matters for which legal aid may be requested (Legal Aid Law of the PRC, art. 31).</summary>
    public static readonly string[] CaseTypes =
    [
        "state-compensation", "social-insurance", "pension", "maintenance", "labour", "capacity", "personal-injury", "environment", "other",
    ];

    /// <summary>Situations free of the economic test (Legal Aid Law of the PRC, art. 32).</summary>
    public static readonly string[] ExemptGroups = ["hero-relatives", "good-samaritan", "wrongful-conviction", "domestic-violence"];

    /// <summary>
    /// Groups whose economic hardship is not checked when they have material proving they belong to the group (Legal Aid
    /// Law of the PRC, art. 42): minors, elderly and disabled people without a steady income; recipients of social
    /// assistance, judicial assistance or special care; migrant workers claiming pay or work-injury compensation.
    /// </summary>
    public static readonly string[] WaivedGroups = ["minor-elderly-disabled", "social-assistance", "migrant-worker"];

    /// <summary>The matters for which the migrant-worker waiver applies (art. 42 (3): pay, work-injury compensation).</summary>
    public static readonly string[] MigrantWorkerCaseTypes = ["labour", "personal-injury"];

    public string? CaseType { get; set; }
    /// <summary>Household monthly income per person, in yuan.</summary>
    public decimal? MonthlyIncomePerPerson { get; set; }
    public List<string>? Exempt { get; set; } = [];
    /// <summary>Art. 42 groups the applicant says they belong to (and can prove).</summary>
    public List<string>? Waived { get; set; } = [];
    public string? Name { get; set; }
    public string? Mobile { get; set; }
    public string? Summary { get; set; }
    public bool Consent { get; set; }
}

public enum LegalAidOutlook { LikelyEligible, NeedsReview, LikelyNotEligible }

/// <summary>What the self-check says: an outlook with the reasons (resource keys) and the documents to bring. It explains; staff decide.</summary>
public sealed record LegalAidCheckResult(LegalAidOutlook Outlook, IReadOnlyList<string> Reasons, IReadOnlyList<string> Documents);

/// <summary>The eligibility self-check. Pure; thread-safe.</summary>
public static class LegalAidCheck
{
    /// <param name="monthlyThresholdYuan">Shanghai's economic-hardship line per person per month, as configured; null when not configured.</param>
    public static LegalAidCheckResult Evaluate(LegalAidForm f, decimal? monthlyThresholdYuan)
    {
        var reasons = new List<string>();
        var documents = new List<string> { "LegalAidDoc_Id", "LegalAidDoc_Case" };
        var exempt = (f.Exempt ?? []).Where(LegalAidForm.ExemptGroups.Contains).ToList();
        var waived = (f.Waived ?? []).Where(LegalAidForm.WaivedGroups.Contains)
            .Where(g => g != "migrant-worker" || LegalAidForm.MigrantWorkerCaseTypes.Contains(f.CaseType)).ToList();
        LegalAidOutlook outlook;
        if (f.CaseType == "other") reasons.Add("LegalAidReason_OtherCase");
        if (exempt.Count > 0)
        {
            reasons.Add("LegalAidReason_Exempt");
            documents.Add("LegalAidDoc_Exempt");
            outlook = f.CaseType == "other" ? LegalAidOutlook.NeedsReview : LegalAidOutlook.LikelyEligible;
        }
        else if (waived.Count > 0)
        {
            // Art. 42: the hardship is not checked for these groups; the matter must still be one art. 31 lists.
            reasons.Add("LegalAidReason_Waived");
            documents.Add("LegalAidDoc_Waived");
            outlook = f.CaseType == "other" ? LegalAidOutlook.NeedsReview : LegalAidOutlook.LikelyEligible;
        }
        else if (monthlyThresholdYuan is null || f.MonthlyIncomePerPerson is null)
        {
            reasons.Add(monthlyThresholdYuan is null ? "LegalAidReason_NoThreshold" : "LegalAidReason_NoIncome");
            documents.Add("LegalAidDoc_Income");
            outlook = LegalAidOutlook.NeedsReview;
        }
        else if (f.MonthlyIncomePerPerson <= monthlyThresholdYuan)
        {
            reasons.Add("LegalAidReason_BelowLine");
            documents.Add("LegalAidDoc_Income");
            outlook = f.CaseType == "other" ? LegalAidOutlook.NeedsReview : LegalAidOutlook.LikelyEligible;
        }
        else
        {
            reasons.Add("LegalAidReason_AboveLine");
            documents.Add("LegalAidDoc_Income");
            outlook = LegalAidOutlook.LikelyNotEligible;
        }
        return new LegalAidCheckResult(outlook, reasons, documents);
    }

    public static Dictionary<string, string> Validate(LegalAidForm f)
    {
        var e = new Dictionary<string, string>();
        if (f.CaseType is null || !LegalAidForm.CaseTypes.Contains(f.CaseType)) e["caseType"] = "Form_ChooseCaseType";
        if (f.MonthlyIncomePerPerson is < 0 or > 10_000_000) e["monthlyIncomePerPerson"] = "Form_BadIncome";
        if ((f.Exempt ?? []).Any(x => !LegalAidForm.ExemptGroups.Contains(x))) e["exempt"] = "Form_BadExempt";
        if ((f.Waived ?? []).Any(x => !LegalAidForm.WaivedGroups.Contains(x))) e["waived"] = "Form_BadExempt";
        if (string.IsNullOrWhiteSpace(f.Name)) e["name"] = "Form_Required";
        else if (f.Name.Trim().Length > SubmissionRules.MaxName) e["name"] = "Form_TooLong";
        if (string.IsNullOrWhiteSpace(f.Mobile)) e["mobile"] = "Form_Required";
        else if (SubmissionRules.NormalizeMobile(f.Mobile) is null) e["mobile"] = "Form_BadMobile";
        if (f.Summary is { Length: > SubmissionRules.MaxText }) e["summary"] = "Form_TooLong";
        if (!f.Consent) e["consent"] = "Form_Consent";
        return e;
    }
}
