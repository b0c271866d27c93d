using Microsoft.AspNetCore.Identity;

namespace LegalServiceMap.Web.Features.Staff.Accounts;

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
