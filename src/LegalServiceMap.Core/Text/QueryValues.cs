using System.Globalization;

namespace LegalServiceMap.Core.Text;

/// <summary>
/// Parsing of values that arrive as text from a query string or a form (page parameters are bound as strings, never as
/// typed values, so a bad value can be ignored or explained instead of failing the request). Invariant culture; never
/// throws. Pure; thread-safe.
/// </summary>
public static class QueryValues
{
    /// <summary>A whole number in [min, max], or null when missing, not a number or out of range.</summary>
    public static int? Int(string? raw, int min, int max) =>
        int.TryParse(raw?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : null;

    /// <summary>A finite number, or null when missing, not a number, NaN or infinite.</summary>
    public static double? Finite(string? raw) =>
        double.TryParse(raw?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
