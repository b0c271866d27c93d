using Microsoft.AspNetCore.Identity;

namespace LegalServiceMap.Web.Data;

/// <summary>A staff member who signs in (ASP.NET Core Identity). Roles: <see cref="StaffRoles"/>.</summary>
public sealed class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
}

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public static readonly string[] All = [Admin, Editor];

    /// <summary>Policy for every staff page and API: Admin or Editor.</summary>
    public const string StaffPolicy = "Staff";
    public const string AdminPolicy = "Admin";
}

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
