using LegalServiceMap.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Features.Staff.Accounts;

/// <summary>A staff account as the accounts page lists it: its email, roles, and until when it is locked (null: not locked).</summary>
public sealed record AccountRow(string? Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil);

/// <summary>The staff accounts, read-only (they are created on the command line: docs/operations.md). Thread-safe.</summary>
public sealed class AccountQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccountRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, ct);
        var links = await db.UserRoles.ToListAsync(ct);
        var now = clock.GetUtcNow();
        return (await db.Users.OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u => new AccountRow(u.Email, links.Where(l => l.UserId == u.Id).Select(l => roles[l.RoleId]).Order().ToList(), u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }
}
