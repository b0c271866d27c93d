using System.Globalization;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Api;

/// <summary>Shared parsing of query parameters into localized validation errors (by parameter name).</summary>
public static class ApiParameters
{
    /// <summary>A finite number within [min, max]; adds an error and returns 0 when missing (if required), non-numeric or out of range.</summary>
    public static double Number(Dictionary<string, string[]> errors, string name, string? raw, double min, double max, IStringLocalizer L)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            errors[name] = [L["Api_Required"]];
            return 0;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            errors[name] = [L["Api_NotANumber"]];
            return 0;
        }
        if (v < min || v > max) errors[name] = [L["Api_OutOfRange", min, max]];
        return v;
    }
}
