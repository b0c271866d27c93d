using System.Globalization;
using System.Text.Json;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Web.Setup;
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

    /// <summary>
    /// Whether the answer is in English: the <c>lang</c> parameter (en|zh) when given, else the request's culture. An
    /// unknown language adds an error.
    /// </summary>
    public static bool Language(Dictionary<string, string[]> errors, string? lang, IStringLocalizer L)
    {
        if (lang is null) return Localization.IsEnglish;
        if (Localization.Parse(lang) is not { } c)
        {
            errors["lang"] = [L["Api_LangUnknown"]];
            return false;
        }
        return c.TwoLetterISOLanguageName == "en";
    }
}

/// <summary>GeoJSON pieces written by hand with <see cref="Utf8JsonWriter"/> (WGS-84, [lng, lat], 7 decimals ≈ 1 cm).</summary>
public static class GeoJsonWriting
{
    public static void WritePosition(Utf8JsonWriter w, GeoPoint p)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(p.Longitude, 7));
        w.WriteNumberValue(Math.Round(p.Latitude, 7));
        w.WriteEndArray();
    }

    /// <summary>A Point geometry object (the value of a "geometry" property).</summary>
    public static void WritePoint(Utf8JsonWriter w, GeoPoint p)
    {
        w.WriteStartObject();
        w.WriteString("type", "Point");
        w.WritePropertyName("coordinates");
        WritePosition(w, p);
        w.WriteEndObject();
    }
}
