namespace LegalServiceMap.Core.Spatial.Network;

/// <summary>Which OpenStreetMap ways a pedestrian may use. Pure; thread-safe.</summary>
public static class OsmWalkability
{
    private static readonly HashSet<string> Walkable =
    [
        "footway", "path", "pedestrian", "steps", "living_street", "residential", "service", "unclassified", "road",
        "track", "corridor", "cycleway", "bridleway",
        "tertiary", "tertiary_link", "secondary", "secondary_link", "primary", "primary_link",
    ];

    private static readonly HashSet<string> FastRoads = ["motorway", "motorway_link", "trunk", "trunk_link"];

    private static readonly HashSet<string> No = ["no", "private", "use_sidepath", "discouraged"];

    /// <summary>True when the tags describe a way a person can walk along.</summary>
    public static bool IsWalkable(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue("highway", out var highway))
        {
            return false;
        }
        if (tags.TryGetValue("area", out var area) && area == "yes" && highway != "pedestrian")
        {
            return false;
        }
        if (tags.TryGetValue("foot", out var foot))
        {
            if (No.Contains(foot)) return false;
            if (foot is "yes" or "designated" or "permissive") return highway != "construction" && highway != "proposed";
        }
        if (tags.TryGetValue("access", out var access) && No.Contains(access))
        {
            return false;
        }
        if (FastRoads.Contains(highway))
        {
            // Motorways and trunks (often elevated) only where a sidewalk is mapped on the way itself.
            return tags.TryGetValue("sidewalk", out var sidewalk) && sidewalk is "both" or "left" or "right" or "yes";
        }
        return Walkable.Contains(highway);
    }
}
