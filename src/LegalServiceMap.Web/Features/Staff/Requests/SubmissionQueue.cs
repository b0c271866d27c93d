using LegalServiceMap.Core.Portal;
using LegalServiceMap.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using LegalServiceMap.Web.Features.Portal;

namespace LegalServiceMap.Web.Features.Staff.Requests;

/// <summary>A row of the staff queue: the mobile masked (138****5678), and the reply date the resident was promised.</summary>
public sealed record QueueRow(long Id, string Reference, string Kind, string Status, DateTimeOffset CreatedAt, string Name, string MaskedMobile,
    string? StationId, string? Topic, string? AssignedTo, DateOnly DueBy, DateTimeOffset? AnsweredAt = null)
{
    /// <summary>Still waiting for staff (received or in progress): the promise can still be broken.</summary>
    public bool Open => Status is "received" or "in-progress";
}

/// <summary>Where a waiting request stands against its promise: overdue, due within one working day, or neither.</summary>
public enum Due { None, Overdue, Soon }

/// <summary>The staff view of one submission: the full mobile, the form, and its history.</summary>
public sealed record QueueDetail(Submission Submission, IReadOnlyList<SubmissionEvent> Events);

/// <summary>
/// Staff handling of resident submissions: a filtered queue with masked mobiles, a detail view that shows the full
/// mobile and is logged, assign / reply / close / reopen (each recorded with who and when), and the retention purge.
/// </summary>
public sealed class SubmissionQueue(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IOptions<PortalOptions> options,
    Audit.SecurityEvents security, ReplyPromises promises, LegalServiceMap.Core.Stations.HolidayCalendar calendar, ILogger<SubmissionQueue> logger)
{
    /// <summary>Today in Shanghai.</summary>
    public DateOnly Today => DateOnly.FromDateTime(LegalServiceMap.Core.Stations.OpeningHours.ToShanghai(clock.GetUtcNow()));

    /// <summary>Overdue once its date has passed; due soon when the date is today or the next working day.</summary>
    public Due DueOf(QueueRow row) =>
        !row.Open ? Due.None : row.DueBy < Today ? Due.Overdue : row.DueBy <= calendar.AddWorkingDays(Today, 1) ? Due.Soon : Due.None;

    public async Task<IReadOnlyList<QueueRow>> ListAsync(string? kind, string? status, int? olderThanDays, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        IQueryable<Submission> q = db.Submissions.AsNoTracking();
        if (!string.IsNullOrEmpty(kind)) q = q.Where(s => s.Kind == kind);
        if (!string.IsNullOrEmpty(status)) q = q.Where(s => s.Status == status);
        var rows = await q.ToListAsync(ct);
        // When each was first answered (the reply promise is kept or broken then).
        var replies = (await db.SubmissionEvents.AsNoTracking().Where(e => e.Action == "reply").Select(e => new { e.SubmissionId, e.At }).ToListAsync(ct))
            .GroupBy(e => e.SubmissionId).ToDictionary(g => g.Key, g => g.Min(e => e.At));
        if (olderThanDays is { } days) rows = rows.Where(s => s.CreatedAt <= clock.GetUtcNow().AddDays(-days)).ToList();
        return rows.OrderBy(s => s.CreatedAt)
            .Select(s => new QueueRow(s.Id, s.Reference, s.Kind, s.Status, s.CreatedAt, s.Name, SubmissionRules.Mask(s.Mobile ?? s.Contact), s.StationId, s.Topic, s.AssignedTo,
                promises.DueBy(Core.Text.WireName.TryParse(s.Kind, out SubmissionKind kind) ? kind : SubmissionKind.Consultation, s.CreatedAt),
                replies.TryGetValue(s.Id, out var answered) ? answered : null))
            .ToList();
    }

    /// <summary>The full record; the viewing is logged (who saw whose personal data, and when).</summary>
    public async Task<QueueDetail?> OpenAsync(long id, string user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (row is null) return null;
        db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = id, At = clock.GetUtcNow(), User = user, Action = "view" });
        await db.SaveChangesAsync(ct);
        await security.RecordAsync(Audit.SecurityEventKind.SubmissionViewed, user, null, row.Reference);
        var events = await db.SubmissionEvents.AsNoTracking().Where(e => e.SubmissionId == id).ToListAsync(ct);
        return new QueueDetail(row, events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToList());
    }

    public Task<bool> AssignAsync(long id, string assignee, string user, CancellationToken ct = default) =>
        ChangeAsync(id, user, "assign", assignee, s =>
        {
            s.AssignedTo = assignee;
            if (s.Status == SubmissionService.StatusSlug(SubmissionStatus.Received)) s.Status = SubmissionService.StatusSlug(SubmissionStatus.InProgress);
        }, ct);

    public Task<bool> ReplyAsync(long id, string reply, string user, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(reply) || reply.Length > 4000
            ? Task.FromResult(false)
            : ChangeAsync(id, user, "reply", reply.Trim(), s =>
            {
                s.Reply = reply.Trim();
                s.Status = SubmissionService.StatusSlug(SubmissionStatus.Answered);
            }, ct);

    public Task<bool> CloseAsync(long id, string user, CancellationToken ct = default) =>
        ChangeAsync(id, user, "close", null, s =>
        {
            s.Status = SubmissionService.StatusSlug(SubmissionStatus.Closed);
            s.ClosedAt = clock.GetUtcNow();
        }, ct);

    public Task<bool> ReopenAsync(long id, string user, CancellationToken ct = default) =>
        ChangeAsync(id, user, "reopen", null, s =>
        {
            s.Status = SubmissionService.StatusSlug(SubmissionStatus.InProgress);
            s.ClosedAt = null;
        }, ct);

    private async Task<bool> ChangeAsync(long id, string user, string action, string? detail, Action<Submission> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Submissions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (row is null) return false;
        change(row);
        row.UpdatedAt = clock.GetUtcNow();
        db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = id, At = row.UpdatedAt, User = user, Action = action, Detail = detail });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Deletes submissions closed longer ago than the retention period, with their history. Returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.RetentionDaysAfterClosing);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var closed = await db.Submissions.Where(s => s.ClosedAt != null).ToListAsync(ct);
        var old = closed.Where(s => s.ClosedAt <= cutoff).ToList();
        if (old.Count == 0) return 0;
        var ids = old.Select(s => s.Id).ToList();
        db.SubmissionEvents.RemoveRange(await db.SubmissionEvents.Where(e => ids.Contains(e.SubmissionId)).ToListAsync(ct));
        db.Submissions.RemoveRange(old);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Purged {Count} submissions closed before {Cutoff:yyyy-MM-dd}", old.Count, cutoff);
        return old.Count;
    }
}
