using System.Text.Json;
using LegalServiceMap.Core.Requests;
using LegalServiceMap.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Portal;

/// <summary>The outcome of a submission: its reference, and whether this call created it (false: a retry of one already saved).</summary>
public sealed record SubmitResult(string Reference, bool Created);

/// <summary>What a resident may see of a submission on the status page: no personal data beyond what they gave.</summary>
public sealed record SubmissionView(string Reference, SubmissionKind Kind, SubmissionStatus Status, DateTimeOffset CreatedAt, string? Reply);

/// <summary>
/// Saves resident submissions before anyone is told they succeeded; idempotent per client key (20 identical posts make
/// one record); looks them up by reference plus the last four digits of the mobile.
/// </summary>
public sealed class SubmissionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    // Stored as readable text (not \u-escaped); it is encoded whenever it is shown.
    private static readonly JsonSerializerOptions PayloadJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string KindSlug(SubmissionKind k) => k switch
    {
        SubmissionKind.Consultation => "consultation",
        SubmissionKind.ErrorReport => "error-report",
        _ => "legal-aid",
    };

    public static string StatusSlug(SubmissionStatus s) => s switch
    {
        SubmissionStatus.InProgress => "in-progress",
        SubmissionStatus.Answered => "answered",
        SubmissionStatus.Closed => "closed",
        _ => "received",
    };

    public static bool ValidKey(string? key) => key is { Length: >= 8 and <= 100 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public Task<SubmitResult> SubmitAsync(ConsultationForm f, string idempotencyKey, CancellationToken ct = default) =>
        SaveAsync(SubmissionKind.Consultation, idempotencyKey, f.Name!.Trim(), SubmissionRules.NormalizeMobile(f.Mobile), null, f.StationId, f.Topic,
            JsonSerializer.Serialize(f, PayloadJson), ct);

    public Task<SubmitResult> SubmitAsync(ErrorReportForm f, string idempotencyKey, CancellationToken ct = default) =>
        SaveAsync(SubmissionKind.ErrorReport, idempotencyKey, f.Name!.Trim(), SubmissionRules.NormalizeMobile(f.Contact), f.Contact?.Trim(), f.StationId, f.ErrorType,
            JsonSerializer.Serialize(f, PayloadJson), ct);

    public Task<SubmitResult> SubmitAsync(LegalAidForm f, LegalAidCheckResult check, string idempotencyKey, CancellationToken ct = default) =>
        SaveAsync(SubmissionKind.LegalAid, idempotencyKey, f.Name!.Trim(), SubmissionRules.NormalizeMobile(f.Mobile), null, null, f.CaseType,
            JsonSerializer.Serialize(new { form = f, outlook = check.Outlook.ToString() }, PayloadJson), ct);

    private async Task<SubmitResult> SaveAsync(SubmissionKind kind, string key, string name, string? mobile, string? contact, string? stationId, string? topic,
        string payload, CancellationToken ct)
    {
        var slug = KindSlug(kind);
        if (await ExistingFresh(slug, key, ct) is { } earlier) return new SubmitResult(earlier, false);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var now = clock.GetUtcNow();
        var row = new Submission
        {
            Reference = "pending-" + Guid.NewGuid().ToString("N"), Kind = slug, Status = StatusSlug(SubmissionStatus.Received), IdempotencyKey = key,
            CreatedAt = now, UpdatedAt = now, Name = name, Mobile = mobile, Contact = contact, StationId = stationId, Topic = topic, Payload = payload,
        };
        db.Submissions.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A parallel identical post won the race: answer with its reference.
            if (await ExistingFresh(slug, key, ct) is { } winner) return new SubmitResult(winner, false);
            throw;
        }
        row.Reference = SubmissionRules.Reference(OpeningHoursYear(now), row.Id);
        await db.SaveChangesAsync(ct);
        return new SubmitResult(row.Reference, true);
    }

    private static int OpeningHoursYear(DateTimeOffset now) => Core.Stations.OpeningHours.ToShanghai(now).Year;

    private static async Task<string?> Existing(AppDbContext db, string kind, string key, CancellationToken ct) =>
        await db.Submissions.AsNoTracking().Where(s => s.Kind == kind && s.IdempotencyKey == key).Select(s => s.Reference).FirstOrDefaultAsync(ct);

    private async Task<string?> ExistingFresh(string kind, string key, CancellationToken ct)
    {
        // The winner may still be giving itself its final reference: wait for it briefly.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var reference = await Existing(db, kind, key, ct);
            if (reference is null) return null;
            if (!reference.StartsWith("pending-", StringComparison.Ordinal)) return reference;
            await Task.Delay(20, ct);
        }
        // The first post stopped between saving and numbering (a crash): number it now, so a retry still succeeds.
        await using var fix = await dbFactory.CreateDbContextAsync(ct);
        var stuck = await fix.Submissions.FirstAsync(s => s.Kind == kind && s.IdempotencyKey == key, ct);
        if (stuck.Reference.StartsWith("pending-", StringComparison.Ordinal))
        {
            stuck.Reference = SubmissionRules.Reference(OpeningHoursYear(stuck.CreatedAt), stuck.Id);
            await fix.SaveChangesAsync(ct);
        }
        return stuck.Reference;
    }

    /// <summary>The submission with this reference, if the last four digits match its mobile (or it has no mobile).</summary>
    public async Task<SubmissionView?> FindAsync(string? reference, string? last4, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 40) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Reference == reference.Trim().ToUpperInvariant(), ct);
        if (row is null) return null;
        if (row.Mobile is { } mobile && (last4 is null || !mobile.EndsWith(last4.Trim(), StringComparison.Ordinal) || last4.Trim().Length != 4)) return null;
        var kind = row.Kind switch { "consultation" => SubmissionKind.Consultation, "error-report" => SubmissionKind.ErrorReport, _ => SubmissionKind.LegalAid };
        var status = row.Status switch { "in-progress" => SubmissionStatus.InProgress, "answered" => SubmissionStatus.Answered, "closed" => SubmissionStatus.Closed, _ => SubmissionStatus.Received };
        return new SubmissionView(row.Reference, kind, status, row.CreatedAt, row.Reply);
    }
}
