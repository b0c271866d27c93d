using System.Collections.Concurrent;
using LegalServiceMap.Core.Portal;
using LegalServiceMap.Web.Data;
using LegalServiceMap.Web.Features.Portal;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegalServiceMap.Web.Tests.Platform;

/// <summary>The backup drill: a backup taken while residents' submissions are being written restores every one committed before it, and nothing half-written.</summary>
public sealed class BackupDrillTests
{
    private static ConsultationForm Form(int i) =>
        new() { Topic = "labour", Question = $"第 {i} 个问题：工资被拖欠怎么办？", Name = "张三", Mobile = "13812345678", PreferredReply = "phone", Consent = true };

    private static async Task<List<string>> ReferencesAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Submissions.Select(s => s.Reference).ToListAsync();
    }

    [Fact]
    public async Task BackupDuringWrites_RestoresEverythingCommittedBeforeIt_AndNothingHalfWritten()
    {
        using var app = new AppFactory();
        using var scope = app.Services.CreateScope();
        var submissions = scope.ServiceProvider.GetRequiredService<SubmissionService>();
        var committed = new ConcurrentQueue<string>();
        var twenty = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var result = await submissions.SubmitAsync(Form(i), $"drill-{i:00000}-key", "drill");
                Assert.True(result.Created);
                committed.Enqueue(result.Reference!);
                if (committed.Count == 20) twenty.SetResult();
            }
        });
        await twenty.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var before = committed.ToArray(); // committed before the backup began
        var directory = Path.Combine(Path.GetTempPath(), "lsm-tests", "backup-" + Guid.NewGuid().ToString("N"));
        var path = await app.Services.GetRequiredService<DatabaseBackup>().BackupAsync(directory);
        await stop.CancelAsync();
        await writer;
        Assert.True(committed.Count > before.Length, "the writer kept writing while the backup ran");

        using var fresh = new AppFactory();
        fresh.CreateClient(); // started, migrated and seeded
        var result = await fresh.Services.GetRequiredService<DatabaseBackup>().RestoreAsync(path);
        Assert.Null(result.Problem);
        var restored = await ReferencesAsync(fresh.Services);
        Assert.Subset(restored.ToHashSet(), before.ToHashSet());
        Assert.DoesNotContain(restored, r => r.StartsWith("pending-", StringComparison.Ordinal)); // every row has its reference
        Assert.InRange(restored.Count, before.Length, committed.Count);
        Assert.Equal(result.Submissions, restored.Count);
        Assert.True(result.Stations > 0);
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData("this is not a database")]
    [InlineData("")]
    public async Task Restore_OfAFileThatIsNotABackup_IsRefused_AndChangesNothing(string content)
    {
        using var app = new AppFactory();
        app.CreateClient();
        var before = await ReferencesAsync(app.Services);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SubmissionService>().SubmitAsync(Form(1), "restore-refused-key", "drill");
        }
        var file = Path.Combine(Path.GetTempPath(), "lsm-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content);

        var result = await app.Services.GetRequiredService<DatabaseBackup>().RestoreAsync(file);

        Assert.NotNull(result.Problem);
        Assert.Equal(before.Count + 1, (await ReferencesAsync(app.Services)).Count);
        File.Delete(file);
    }
}
