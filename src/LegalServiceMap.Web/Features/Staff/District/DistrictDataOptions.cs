using System.ComponentModel.DataAnnotations;

namespace LegalServiceMap.Web.Features.Staff.District;

/// <summary>District data uploaded from the browser (section "DistrictData").</summary>
public sealed class DistrictDataOptions
{
    public const string Section = "DistrictData";

    /// <summary>Largest OSM file accepted (.osm or .osm.pbf), in megabytes. Shanghai's whole extract as PBF is well under it.</summary>
    [Range(1, 4096)]
    public int MaxNetworkMegabytes { get; set; } = 300;

    /// <summary>Largest boundary GeoJSON accepted, in megabytes.</summary>
    [Range(1, 200)]
    public int MaxBoundaryMegabytes { get; set; } = 20;

    /// <summary>Where uploads wait for their import (deleted when it ends); empty: a folder in the system's temporary directory.</summary>
    public string? UploadDirectory { get; set; }

    /// <summary>How far around the district an OSM file is kept when clipped (metres): walks from the edge may pass a neighbour's streets.</summary>
    [Range(0, 5000)]
    public double ClipMarginMetres { get; set; } = 500;

    public long MaxNetworkBytes => MaxNetworkMegabytes * 1024L * 1024;
    public long MaxBoundaryBytes => MaxBoundaryMegabytes * 1024L * 1024;
}
