using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Setup;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Spatial;

/// <summary>
/// The geocoder's fixed sources (data/landmarks.json, the pinyin table written by npm ci, the district centre) and the
/// recipe that adds the changing ones (stations, roads, boundaries). Singleton; thread-safe.
/// </summary>
public sealed class Gazetteer(IOptions<MapOptions> mapOptions, ILogger<Gazetteer> logger)
{
    private readonly Lazy<Landmarks> _landmarks = new(() =>
        DataFiles.Read("landmarks.json", Landmarks.Read, Landmarks.Empty, logger, "named buildings are not geocoded"));
    private readonly Lazy<EnglishRoadNames?> _english = new(() => LoadPinyin(logger));

    /// <summary>The English (pinyin) form of a Chinese road name, when the pinyin table is present.</summary>
    public string? EnglishRoadName(string chinese) => _english.Value?.Translate(chinese);

    /// <summary>English place names from the pinyin table written by npm ci; null when it is missing.</summary>
    public EnglishRoadNames? English => _english.Value;

    public Geocoder Geocoder(StationCatalog stations, RoadSet roads, BoundarySet boundaries)
    {
        var english = _english.Value;
        return new Geocoder(new GazetteerData
        {
            Stations = stations.All,
            Landmarks = _landmarks.Value,
            Roads = roads,
            Streets = boundaries.Streets,
            District = boundaries.District,
            DistrictCentre = new GeoPoint(mapOptions.Value.CenterLatitude, mapOptions.Value.CenterLongitude),
            EnglishRoadName = english is null ? _ => null : english.Translate,
        });
    }

    private static EnglishRoadNames? LoadPinyin(ILogger logger)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "generated", "pinyin.tsv");
        if (!File.Exists(path))
        {
            logger.LogWarning("No pinyin table at {Path} (written by npm ci): English road names are unavailable", path);
            return null;
        }
        using var reader = File.OpenText(path);
        return EnglishRoadNames.FromTable(reader);
    }
}
