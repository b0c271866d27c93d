namespace LegalServiceMap.Web.Features.Staff.Stations;

/// <summary>One changed field of one station, with who and when; a save writes one row per field under one change set.</summary>
public sealed class StationChange
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public required string ChangeSet { get; set; }
    public DateTimeOffset At { get; set; }
    public required string User { get; set; }
    /// <summary>create, update, verify, restore, import or seed.</summary>
    public required string Action { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
