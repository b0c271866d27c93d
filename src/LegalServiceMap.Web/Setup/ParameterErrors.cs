using System.Globalization;
using System.Text.RegularExpressions;
using LegalServiceMap.Core.Spatial.Isochrones;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using LegalServiceMap.Core.Geo;
using LegalServiceMap.Web.Setup;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Setup;

/// <summary>
/// The one way the API validates query parameters: every parameter arrives as text and is parsed here, each problem
/// collected as a localized message under the parameter's name, and all of them answered together as one 400
/// problem+json (never a 500, never the framework's binding text).
/// </summary>
public sealed class ParameterErrors(IStringLocalizer L)
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string key, params object[] args)
    {
        if (!_errors.TryGetValue(parameter, out var list)) _errors[parameter] = list = [];
        list.Add(L[key, args]);
    }

    /// <summary>A finite number within [min, max]; missing, non-numeric or out of range adds an error (and gives 0).</summary>
    public double Number(string name, string? raw, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            Add(name, "Api_Required");
            return 0;
        }
        if (QueryValues.Finite(raw) is not { } v)
        {
            Add(name, "Api_NotANumber");
            return 0;
        }
        if (v < min || v > max) Add(name, "Api_OutOfRange", min, max);
        return v;
    }

    /// <summary>Like <see cref="Number(string, string?, double, double)"/>, but a missing value is <paramref name="fallback"/>.</summary>
    public double Number(string name, string? raw, double min, double max, double fallback) =>
        raw is null ? fallback : Number(name, raw, min, max);

    /// <summary>
    /// A departure time: <c>2026-12-02T09:30</c> (China Standard Time) or with an offset (<c>+08:00</c>, <c>Z</c>; a
    /// <c>+</c> that arrived as a space is read as one). Missing: null (leave now). Unreadable, more than a day ago or
    /// more than a year ahead adds an error.
    /// </summary>
    public DateTimeOffset? Departure(string name, string? raw, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = Regex.Replace(raw.Trim(), @" (\d\d:?\d\d)$", "+$1");
        var styles = DateTimeStyles.None;
        var invariant = CultureInfo.InvariantCulture;
        DateTimeOffset value;
        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], invariant, styles, out var local))
            value = new DateTimeOffset(local, OpeningHours.ShanghaiOffset);
        else if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK"],
                     invariant, DateTimeStyles.AssumeUniversal, out var withOffset))
            value = withOffset;
        else
        {
            Add(name, "Api_BadDepart");
            return null;
        }
        if (value < now.AddDays(-1) || value > now.AddYears(1))
        {
            Add(name, "Api_DepartRange");
            return null;
        }
        return value;
    }

    /// <summary>A latitude (lat) and longitude (lng) in the named coordinate system, converted to WGS-84.</summary>
    public GeoPoint Point(string? lat, string? lng, string? coord, string coordName = "coord")
    {
        var latitude = Number("lat", lat, -90, 90);
        var longitude = Number("lng", lng, -180, 180);
        var system = System(coordName, coord);
        return Any ? default : ChinaCoordinates.Convert(new GeoPoint(latitude, longitude), system, CoordinateSystem.Wgs84);
    }

    /// <summary>A coordinate system (nothing is WGS-84 unless <paramref name="required"/>).</summary>
    public CoordinateSystem System(string name, string? raw, bool required = false)
    {
        if ((required && raw is null) || CoordinateSystems.Parse(raw) is not { } system)
        {
            Add(name, "Api_CoordInvalid");
            return CoordinateSystem.Wgs84;
        }
        return system;
    }

    /// <summary>A walking pace: normal, elder or km/h from 1 to 10.</summary>
    public double Speed(string name, string? raw, IsochroneOptions options)
    {
        if (options.ParseSpeed(raw) is { } kmh) return kmh;
        Add(name, "Api_SpeedInvalid");
        return options.DefaultSpeedKmh;
    }

    /// <summary>Whether the answer is in English: the <c>lang</c> parameter (en|zh) when given, else the request's culture.</summary>
    public bool English(string? lang)
    {
        if (lang is null) return Localization.IsEnglish;
        if (Localization.Parse(lang) is not { } culture)
        {
            Add("lang", "Api_LangUnknown");
            return false;
        }
        return culture.TwoLetterISOLanguageName == "en";
    }

    /// <summary>A comma-separated list of station types, or null when not given (or wrong).</summary>
    public IReadOnlySet<StationType>? Types(string? csv, string name = "type")
    {
        if (csv is null) return null;
        if (StationTypes.TryParseList(csv, out var types, out var unknown)) return types;
        Add(name, "Api_TypeUnknown", unknown ?? "", string.Join(", ", StationTypes.All.Select(t => t.ToSlug())));
        return null;
    }

    /// <summary>Exactly one station type.</summary>
    public StationType Type(string? slug, string name = "type")
    {
        if (StationTypes.TryParse(slug, out var type)) return type;
        Add(name, "Api_TypeUnknown", slug ?? "", string.Join(", ", StationTypes.All.Select(t => t.ToSlug())));
        return default;
    }

    /// <summary>A whole number in [min, max], <paramref name="fallback"/> when missing; else the given message.</summary>
    public int Count(string name, string? raw, int min, int max, int fallback, string key)
    {
        if (raw is null) return fallback;
        if (QueryValues.Int(raw, min, max) is { } v) return v;
        Add(name, key, max);
        return fallback;
    }

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: L["Api_InvalidTitle"]);
}
