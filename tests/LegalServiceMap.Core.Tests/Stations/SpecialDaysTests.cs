using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Stations;

/// <summary>The special-days rows and the dated-exceptions text the importer reads: one format, both ways.</summary>
public class SpecialDaysTests
{
    private const string Text = "2026-12-24 09:00-12:00 # 平安夜提前下班\n2026-12-31 closed # 年终盘点\n2027-01-02 09:00-11:30 13:00-16:00";

    [Fact]
    public void TheText_ReadsAsRows_AndTheRowsWriteTheSameText()
    {
        Assert.True(DatedExceptionsText.TryParse(Text, out var exceptions, out _));
        var rows = SpecialDays.From(exceptions);
        Assert.Equal(new SpecialDay("2026-12-24", false, "09:00", "12:00", Note: "平安夜提前下班"), rows[0]);
        Assert.Equal(new SpecialDay("2026-12-31", true, Note: "年终盘点"), rows[1]);
        Assert.Equal(new SpecialDay("2027-01-02", false, "09:00", "11:30", "13:00", "16:00"), rows[2]);
        Assert.Equal(Text, SpecialDays.ToText(rows, out var problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void ANoteIsKeptInTheText_AndAFullWidthHashStartsItToo()
    {
        Assert.True(DatedExceptionsText.TryParse("2026-10-08 休息　＃ 国庆调休", out var exceptions, out _));
        Assert.Equal((new DateOnly(2026, 10, 8), true, "国庆调休"), (exceptions[0].Date, exceptions[0].Closed, exceptions[0].Note));
        Assert.Equal("2026-10-08 closed # 国庆调休", DatedExceptionsText.Format(exceptions));
        // Without a note, the text is as before.
        Assert.True(DatedExceptionsText.TryParse("2026-10-08 closed", out var plain, out _));
        Assert.Null(plain[0].Note);
        Assert.Equal("2026-10-08 closed", DatedExceptionsText.Format(plain));
    }

    [Fact]
    public void RowsAreWrittenInDateOrder()
    {
        var text = SpecialDays.ToText([new SpecialDay("2027-02-01"), new SpecialDay("2026-12-31")], out _);
        Assert.Equal("2026-12-31 closed\n2027-02-01 closed", text);
    }

    [Theory]
    [InlineData(null, true, null, null, "Date")]
    [InlineData("2026-13-01", true, null, null, "Date")]
    [InlineData("2026-12-31", false, null, "12:00", "Missing")]
    [InlineData("2026-12-31", false, "12:00", "09:00", "Order")]
    public void ABadRow_IsNamedByItsIndexAndWhy_AndNothingIsWritten(string? date, bool closed, string? opens, string? closes, string code)
    {
        var rows = new[] { new SpecialDay("2026-12-24"), new SpecialDay(date, closed, opens, closes) };
        Assert.Null(SpecialDays.ToText(rows, out var problems));
        Assert.Equal([new SpecialDayProblem(1, code)], problems);
    }

    [Fact]
    public void TheSameDateTwice_OrANoteTooLong_IsAProblem()
    {
        Assert.Null(SpecialDays.ToText([new SpecialDay("2026-12-24"), new SpecialDay("2026-12-24")], out var twice));
        Assert.Equal([new SpecialDayProblem(1, "Duplicate")], twice);
        Assert.Null(SpecialDays.ToText([new SpecialDay("2026-12-24", Note: new string('注', SpecialDay.MaxNoteLength + 1))], out var longNote));
        Assert.Equal([new SpecialDayProblem(0, "Note")], longNote);
    }

    [Fact]
    public void NoRows_WriteNoText()
    {
        Assert.Equal("", SpecialDays.ToText([], out var problems));
        Assert.Empty(problems);
    }
}
