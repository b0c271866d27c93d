using System.Globalization;
using LegalServiceMap.Core.Geo;

namespace LegalServiceMap.Core.Geocoding;

/// <summary>One labelled query: the text and where it really is (WGS-84).</summary>
public sealed record LabelledQuery(string Query, GeoPoint Expected, string Form);

/// <summary>Match rate and error distances of a geocoder over a labelled set.</summary>
/// <param name="Matched">Queries whose first candidate lies within <see cref="GeocodeQuality.MatchRadiusMetres"/> of the truth.</param>
public sealed record GeocodeQualityReport(int Queries, int Answered, int Matched, double MedianErrorMetres, double P90ErrorMetres,
    IReadOnlyList<(LabelledQuery Query, GeocodeCandidate? Best, double? ErrorMetres)> Details)
{
    public double MatchRate => Queries == 0 ? 0 : (double)Matched / Queries;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Queries} queries: {Answered} answered, {Matched} within {GeocodeQuality.MatchRadiusMetres} m = match rate {MatchRate:P1}; " +
        $"error of first candidate: median {MedianErrorMetres:0.0} m, p90 {P90ErrorMetres:0.0} m");
}

/// <summary>Measures a geocoder against a labelled set (CSV: query,lat,lng,form; lines starting with # are comments).</summary>
public static class GeocodeQuality
{
    public const double MatchRadiusMetres = 50;

    public static IReadOnlyList<LabelledQuery> ReadCsv(TextReader reader)
    {
        var result = new List<LabelledQuery>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.StartsWith("query,", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split(',');
            if (parts.Length < 3) continue;
            if (double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lng))
            {
                result.Add(new LabelledQuery(parts[0], new GeoPoint(lat, lng), parts.Length > 3 ? parts[3] : ""));
            }
        }
        return result;
    }

    public static GeocodeQualityReport Evaluate(Geocoder geocoder, IReadOnlyList<LabelledQuery> set)
    {
        var details = set.Select(q =>
        {
            var best = geocoder.Geocode(q.Query, 1).FirstOrDefault();
            return (q, best, best is null ? (double?)null : best.Location.DistanceTo(q.Expected));
        }).ToList();
        var errors = details.Where(d => d.Item3 is not null).Select(d => d.Item3!.Value).Order().ToList();
        double Percentile(double p) => errors.Count == 0 ? double.NaN : errors[Math.Min(errors.Count - 1, (int)Math.Ceiling(p * errors.Count) - 1)];
        return new GeocodeQualityReport(set.Count, errors.Count, errors.Count(e => e <= MatchRadiusMetres), Percentile(0.5), Percentile(0.9), details);
    }
}
