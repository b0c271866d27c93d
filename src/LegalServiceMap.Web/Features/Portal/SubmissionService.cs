using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using LegalServiceMap.Core.Portal;
using LegalServiceMap.Core.Text;
using LegalServiceMap.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Features.Portal;

/// <summary>How a submission ended.</summary>
public enum SubmitOutcome
{
    /// <summary>Saved now.</summary>
    Created,
    /// <summary>A retry of one already saved with the same key and body: the same reference.</summary>
    Replayed,
    /// <summary>The key was used before for a different body: refused, no reference given.</summary>
    KeyReused,
    /// <summary>This client sent too many new submissions; <see cref="SubmitResult.RetryAfter"/> says when to try again.</summary>
    Limited,
}

/// <summary>
/// The outcome of a submission: its reference and, when no mobile was given, the code that opens its status (shown
/// once, to the sender); or why nothing was saved.
/// </summary>
public sealed record SubmitResult(SubmitOutcome Outcome, string? Reference = null, string? AccessCode = null, TimeSpan? RetryAfter = null)
{
    public bool Created => Outcome == SubmitOutcome.Created;
    public bool Saved => Outcome is SubmitOutcome.Created or SubmitOutcome.Replayed;
}

/// <summary>The answer to a status look-up: the submission, nothing (wrong reference or secret), or "too many failures, wait".</summary>
public sealed record LookupResult(SubmissionView? View, TimeSpan? RetryAfter = null);

/// <summary>What a resident may see of a submission on the status page: no personal data beyond what they gave.</summary>
public sealed record SubmissionView(string Reference, SubmissionKind Kind, SubmissionStatus Status, DateTimeOffset CreatedAt, string? Reply);

/// <summary>
/// Saves resident submissions before anyone is told they succeeded; idempotent per client key and body (20 identical
/// posts make one record; the same key with another body is refused); counts only new submissions against the client's
/// allowance; looks them up by reference plus a secret (the last four digits of the mobile, or the 6-digit access code
/// given to a submission without a mobile), with failed look-ups limited per client and per reference.
/// </summary>
public sealed class SubmissionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, Setup.DoorLimits limits, Setup.AppMetrics metrics)
{
    // Stored as readable text (not \u-escaped); it is encoded whenever it is shown.
    private static readonly JsonSerializerOptions PayloadJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string KindSlug(SubmissionKind k) => WireName.Of(k);

    public static string StatusSlug(SubmissionStatus s) => WireName.Of(s);

    public static bool ValidKey(string? key) => key is { Length: >= 8 and <= 100 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public Task<SubmitResult> SubmitAsync(ConsultationForm f, string idempotencyKey, string client, CancellationToken ct = default) =>
        SaveAsync(SubmissionKind.Consultation, idempotencyKey, client, f.Name!.Trim(), SubmissionRules.NormalizeMobile(f.Mobile), null, f.StationId, f.Topic,
            JsonSerializer.Serialize(f, PayloadJson), ct);

    public Task<SubmitResult> SubmitAsync(ErrorReportForm f, string idempotencyKey, string client, CancellationToken ct = default) =>
        SaveAsync(SubmissionKind.ErrorReport, idempotencyKey, client, f.Name!.Trim(), SubmissionRules.NormalizeMobile(f.Contact), f.Contact?.Trim(), f.StationId, f.ErrorType,
            JsonSerializer.Serialize(f, PayloadJson), ct);

    public Task<SubmitResult> SubmitAsync(LegalAidForm f, LegalAidCheckResult check, string idempotencyKey, string client, CancellationToken ct = default) =>
        SaveAsync(SubmissionKind.LegalAid, idempotencyKey, client, f.Name!.Trim(), SubmissionRules.NormalizeMobile(f.Mobile), null, null, f.CaseType,
            JsonSerializer.Serialize(new { form = f, outlook = check.Outlook.ToString() }, PayloadJson), ct);

    private async Task<SubmitResult> SaveAsync(SubmissionKind kind, string key, string client, string name, string? mobile, string? contact, string? stationId,
        string? topic, string payload, CancellationToken ct)
    {
        var slug = KindSlug(kind);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
        if (await ExistingFresh(slug, key, ct) is { } earlier) return Replay(earlier, hash);
        // Only a new, valid submission counts against the client's allowance.
        if (await limits.Submissions.TakeAsync(client) is { } wait) return new SubmitResult(SubmitOutcome.Limited, RetryAfter: wait);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var now = clock.GetUtcNow();
        var row = new Submission
        {
            Reference = "pending-" + Guid.NewGuid().ToString("N"), Kind = slug, Status = StatusSlug(SubmissionStatus.Received), IdempotencyKey = key,
            PayloadHash = hash, AccessCode = mobile is null ? SubmissionRules.AccessCode() : null,
            CreatedAt = now, UpdatedAt = now, Name = name, Mobile = mobile, Contact = contact, StationId = stationId, Topic = topic, Payload = payload,
        };
        // One transaction: the row and its reference (made from the row's id) are written together, so no reader and no
        // backup ever sees a submission without its reference.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Submissions.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A parallel identical post won the race: answer with its reference.
                await tx.RollbackAsync(ct);
                if (await ExistingFresh(slug, key, ct) is { } winner) return Replay(winner, hash);
                throw;
            }
            row.Reference = SubmissionRules.Reference(OpeningHoursYear(now), row.Id);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        metrics.SubmissionReceived(slug);
        return new SubmitResult(SubmitOutcome.Created, row.Reference, row.AccessCode);
    }

    /// <summary>A key seen before: the same reference for the same body (rows saved before bodies were hashed count as the same), refused for another.</summary>
    private static SubmitResult Replay(Submission earlier, string hash) =>
        earlier.PayloadHash is null || earlier.PayloadHash == hash
            ? new SubmitResult(SubmitOutcome.Replayed, earlier.Reference, earlier.AccessCode)
            : new SubmitResult(SubmitOutcome.KeyReused);

    private static int OpeningHoursYear(DateTimeOffset now) => Core.Stations.OpeningHours.ToShanghai(now).Year;

    private static async Task<Submission?> Existing(AppDbContext db, string kind, string key, CancellationToken ct) =>
        await db.Submissions.AsNoTracking().Where(s => s.Kind == kind && s.IdempotencyKey == key).FirstOrDefaultAsync(ct);

    private async Task<Submission?> ExistingFresh(string kind, string key, CancellationToken ct)
    {
        // The winner may still be giving itself its final reference: wait for it briefly.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var row = await Existing(db, kind, key, ct);
            if (row is null) return null;
            if (!row.Reference.StartsWith("pending-", StringComparison.Ordinal)) return row;
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
        return stuck;
    }

    /// <summary>
    /// The submission with this reference, if the secret matches: the last four digits of its mobile, or its 6-digit
    /// access code when it has no mobile. A submission saved with neither (before codes existed) shows its state but
    /// not the reply. Failed look-ups count per client and per reference; past either limit the answer is "wait",
    /// whatever was typed, so all 10,000 endings cannot be tried.
    /// </summary>
    public async Task<LookupResult> LookUpAsync(string? reference, string? secret, string client, CancellationToken ct = default)
    {
        var normalized = SearchableReference(reference);
        if (await limits.StatusFailuresByClient.CheckAsync(client) is { } clientWait) return new LookupResult(null, clientWait);
        if (normalized is not null && await limits.StatusFailuresByReference.CheckAsync(normalized) is { } referenceWait) return new LookupResult(null, referenceWait);
        var view = normalized is null ? null : await FindAsync(normalized, secret?.Trim(), ct);
        if (view is null)
        {
            await limits.StatusFailuresByClient.TakeAsync(client);
            if (normalized is not null) await limits.StatusFailuresByReference.TakeAsync(normalized);
        }
        return new LookupResult(view);
    }

    private static string? SearchableReference(string? reference) =>
        reference is null ? null : Core.Text.SearchText.WithoutInvisibles(reference).Trim().ToUpperInvariant() is { Length: > 0 and <= 40 } r ? r : null;

    private async Task<SubmissionView?> FindAsync(string reference, string? secret, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Reference == reference, ct);
        if (row is null) return null;
        var expected = row.Mobile is { Length: >= 4 } mobile ? mobile[^4..] : row.AccessCode;
        if (expected is not null && (secret is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(expected))))
        {
            return null;
        }
        WireName.TryParse(row.Kind, out SubmissionKind kind);
        WireName.TryParse(row.Status, out SubmissionStatus status);
        return new SubmissionView(row.Reference, kind, status, row.CreatedAt, expected is null ? null : row.Reply);
    }
}
