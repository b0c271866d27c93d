using System.Globalization;
using Microsoft.Extensions.Localization;

namespace LegalServiceMap.Web.Features.Map;

/// <summary>A distance for people: metres to the nearest 10 below 1 km, then kilometres with one decimal.</summary>
public static class Distances
{
    public static string Format(IStringLocalizer L, double metres) =>
        metres < 1000
            ? L["Distance_Metres", Math.Round(metres / 10) * 10]
            : L["Distance_Kilometres", (metres / 1000).ToString("0.0", CultureInfo.InvariantCulture)];
}
