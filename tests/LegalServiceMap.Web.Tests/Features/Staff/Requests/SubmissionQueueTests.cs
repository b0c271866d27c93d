using LegalServiceMap.Web.Features.Staff.Requests;
using LegalServiceMap.Core.Portal;
using LegalServiceMap.Web.Features.Portal;
using LegalServiceMap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LegalServiceMap.Web.Tests.Features.Staff.Requests;


public sealed class SubmissionQueueTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    private readonly LegalServiceMap.Web.Setup.DoorLimits _limits = new(Options.Create(new LegalServiceMap.Web.Setup.RateLimitOptions()), Options.Create(new PortalOptions()), TimeProvider.System, NullLogger<LegalServiceMap.Web.Setup.DoorLimits>.Instance);
    private SubmissionService Submissions => new(_db.Factory, _clock, _limits, _db.Metrics);
    private static readonly PortalOptions Portal = new() { RetentionDaysAfterClosing = 180 };
    private SubmissionQueue Queue => new(_db.Factory, _clock, Options.Create(Portal), _db.Security,
        new ReplyPromises(Options.Create(Portal), LegalServiceMap.Core.Stations.HolidayCalendar.Empty), LegalServiceMap.Core.Stations.HolidayCalendar.Empty, NullLogger<SubmissionQueue>.Instance);

    private async Task<long> SubmitAsync(string mobile = "13812345678")
    {
        var form = new ConsultationForm { Topic = "labour", Question = "工资被拖欠怎么办？", Name = "张三", Mobile = mobile, PreferredReply = "phone", Consent = true };
        var reference = (await Submissions.SubmitAsync(form, Guid.NewGuid().ToString("N"), "client")).Reference;
        await using var db = _db.Factory.CreateDbContext();
        return (await db.Submissions.SingleAsync(s => s.Reference == reference)).Id;
    }

    [Fact]
    public async Task ARequest_IsDueOnItsPromisedDay_DueSoonTheWorkingDayBefore_OverdueAfter_AndNotOnceAnswered()
    {
        // Received on Monday 1 June 2026 (10:00 in Shanghai): a consultation is promised within 3 working days, Thursday 4 June.
        var id = await SubmitAsync();
        var row = Assert.Single(await Queue.ListAsync(null, null, null));
        Assert.Equal(new DateOnly(2026, 6, 4), row.DueBy);
        Assert.Equal(Due.None, Queue.DueOf(row));
        _clock.Now += TimeSpan.FromDays(2); // Wednesday: due the next working day
        Assert.Equal(Due.Soon, Queue.DueOf(row));
        _clock.Now += TimeSpan.FromDays(2); // Friday: the promise is broken
        Assert.Equal(Due.Overdue, Queue.DueOf(row));
        Assert.True(await Queue.ReplyAsync(id, "请携带劳动合同到司法所咨询。", "editor@example.org"));
        Assert.Equal(Due.None, Queue.DueOf(Assert.Single(await Queue.ListAsync(null, null, null))));
    }

    [Fact]
    public async Task Queue_MasksMobiles_AndTheFullViewIsLogged()
    {
        var id = await SubmitAsync();
        var row = Assert.Single(await Queue.ListAsync(null, null, null));
        Assert.Equal("138****5678", row.MaskedMobile);

        var detail = await Queue.OpenAsync(id, "editor@example.org");
        Assert.Equal("13812345678", detail!.Submission.Mobile);
        var view = Assert.Single(detail.Events);
        Assert.Equal(("view", "editor@example.org"), (view.Action, view.User));
    }

    [Fact]
    public async Task AssignReplyCloseReopen_AreEachRecorded_AndTheResidentSeesTheReply()
    {
        var id = await SubmitAsync();
        Assert.True(await Queue.AssignAsync(id, "李科员", "admin"));
        Assert.True(await Queue.ReplyAsync(id, "请携带劳动合同到街道司法所咨询。", "editor"));
        Assert.True(await Queue.CloseAsync(id, "editor"));
        Assert.True(await Queue.ReopenAsync(id, "admin"));
        Assert.False(await Queue.ReplyAsync(id, "  ", "editor"));

        await using var db = _db.Factory.CreateDbContext();
        var events = await db.SubmissionEvents.Where(e => e.SubmissionId == id).OrderBy(e => e.Id).Select(e => e.Action + ":" + e.User).ToListAsync();
        Assert.Equal(["assign:admin", "reply:editor", "close:editor", "reopen:admin"], events);
        var saved = await db.Submissions.SingleAsync(s => s.Id == id);
        var view = (await Submissions.LookUpAsync(saved.Reference, "5678", "client")).View;
        Assert.Equal((SubmissionStatus.InProgress, "请携带劳动合同到街道司法所咨询。"), (view!.Status, view.Reply));
    }

    [Fact]
    public async Task Filters_ByKindStatusAndAge()
    {
        var old = await SubmitAsync("13900000001");
        _clock.Now = _clock.Now.AddDays(10);
        await SubmitAsync("13900000002");
        await Queue.CloseAsync(old, "editor");
        Assert.Single(await Queue.ListAsync(null, "closed", null));
        Assert.Single(await Queue.ListAsync(null, null, 5));
        Assert.Equal(2, (await Queue.ListAsync("consultation", null, null)).Count);
        Assert.Empty(await Queue.ListAsync("error-report", null, null));
    }

    [Fact]
    public async Task Purge_DeletesOnlyWhatWasClosedLongerAgoThanTheRetention()
    {
        var closedLongAgo = await SubmitAsync("13900000003");
        var closedRecently = await SubmitAsync("13900000004");
        var open = await SubmitAsync("13900000005");
        await Queue.CloseAsync(closedLongAgo, "editor");
        _clock.Now = _clock.Now.AddDays(100);
        await Queue.CloseAsync(closedRecently, "editor");
        _clock.Now = _clock.Now.AddDays(90); // 190 days after the first closing, 90 after the second

        Assert.Equal(1, await Queue.PurgeAsync());

        await using var db = _db.Factory.CreateDbContext();
        var left = await db.Submissions.Select(s => s.Id).ToListAsync();
        Assert.Equal([closedRecently, open], left.Order());
        Assert.DoesNotContain(await db.SubmissionEvents.ToListAsync(), e => e.SubmissionId == closedLongAgo);
    }

    public void Dispose() => _db.Dispose();
}
