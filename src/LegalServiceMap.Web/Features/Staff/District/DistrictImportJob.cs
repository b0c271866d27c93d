using LegalServiceMap.Core.Spatial;

namespace LegalServiceMap.Web.Features.Staff.District;

public enum DistrictJobKind { Network, Boundaries }

public enum DistrictJobState { Queued, Running, Done, Failed, Interrupted }

/// <summary>What a job is doing: waiting its turn, reading the file (bytes), saving it and placing the stations on it, finished.</summary>
public enum DistrictJobPhase { Waiting, Reading, Saving, Finished }

/// <summary>One import of district data, kept so that any instance (and the admin who closed the page) sees how it went.</summary>
public sealed class DistrictImportJob
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public long Bytes { get; set; }
    public required string StartedBy { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    /// <summary>Written every few seconds while the job runs: a running job whose heartbeat stopped was interrupted (its instance stopped).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public required string State { get; set; }
    public required string Phase { get; set; }
    public long Done { get; set; }
    public long Total { get; set; }
    /// <summary>The request's settings (<see cref="DistrictJobSettings"/> as JSON).</summary>
    public string? Settings { get; set; }
    /// <summary>The <see cref="DistrictJobSummary"/> as JSON, when done.</summary>
    public string? Summary { get; set; }
    /// <summary>A resource key saying why it failed (never an exception's text).</summary>
    public string? Error { get; set; }
}

/// <summary>How a file is read: for boundaries their kind, coordinate system and name property; for a network whether it is clipped to the district.</summary>
public sealed record DistrictJobSettings(string? BoundaryKind = null, bool Gcj02 = false, string? NameProperty = null, bool ClipToDistrict = false);

/// <summary>A station the boundaries put in another street/town than its record says.</summary>
public sealed record MismatchRow(string StationId, string? Recorded, string? Found);

/// <summary>What an import did: the network's figures or the areas imported, and how the stations now fit.</summary>
public sealed record DistrictJobSummary(
    NetworkFacts? Network, int Areas, IReadOnlyList<string> AreaNames, IReadOnlyList<string> UnknownAreas,
    int Placed, int OnNetwork, bool StreetsChecked, int MismatchCount, IReadOnlyList<MismatchRow> Mismatches);

/// <summary>A job as a page shows it.</summary>
public sealed record DistrictJobView(
    Guid Id, DistrictJobKind Kind, string FileName, long Bytes, string StartedBy, DateTimeOffset QueuedAt, DateTimeOffset? FinishedAt,
    DistrictJobState State, DistrictJobPhase Phase, long Done, long Total, DistrictJobSummary? Summary, string? Error)
{
    public bool IsActive => State is DistrictJobState.Queued or DistrictJobState.Running;
}
