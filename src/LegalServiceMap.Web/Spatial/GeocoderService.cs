using LegalServiceMap.Core.Geo;
using LegalServiceMap.Core.Geocoding;
using LegalServiceMap.Core.Stations;
using LegalServiceMap.Web.Setup;
using LegalServiceMap.Web.Stations;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Spatial;

/// <summary>
/// The geocoder over the current data: stations, data/landmarks.json, the roads of the last OSM import and the
/// imported boundaries. Rebuilt when any of them changes (a new snapshot); singleton and thread-safe.
/// </summary>
public sealed class GeocoderService(
    StationQueries stations,
    WalkingAreaService walking,
    BoundaryService boundaries,
    IOptions<MapOptions> mapOptions,
    ILogger<GeocoderService> logger)
{
    private sealed record Inputs(StationCatalog Catalog, RoadSet Roads, BoundarySet Boundaries);

    private readonly Lazy<Landmarks> _landmarks = new(() => LoadLandmarks(logger));
    private readonly Lazy<EnglishRoadNames?> _english = new(() => LoadPinyin(logger));
    private (Inputs Inputs, Geocoder Geocoder)? _current;
    private readonly Lock _lock = new();

    public Geocoder Geocoder
    {
        get
        {
            var inputs = new Inputs(stations.PublicCatalog, walking.Roads, boundaries.Current);
            lock (_lock)
            {
                if (_current is { } c && c.Inputs == inputs) return c.Geocoder;
                var english = _english.Value;
                var geocoder = new Geocoder(new GazetteerData
                {
                    Stations = inputs.Catalog.All,
                    Landmarks = _landmarks.Value,
                    Roads = inputs.Roads,
                    Streets = inputs.Boundaries.Streets,
                    District = inputs.Boundaries.District,
                    DistrictCentre = new GeoPoint(mapOptions.Value.CenterLatitude, mapOptions.Value.CenterLongitude),
                    EnglishRoadName = english is null ? _ => null : english.Translate,
                });
                _current = (inputs, geocoder);
                return geocoder;
            }
        }
    }

    /// <summary>The English (pinyin) form of a Chinese road name, when the pinyin table is present.</summary>
    public string? EnglishRoadName(string chinese) => _english.Value?.Translate(chinese);

    private static Landmarks LoadLandmarks(ILogger logger) =>
        Setup.DataFiles.Read("landmarks.json", Landmarks.Read, Landmarks.Empty, logger, "named buildings are not geocoded");

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
