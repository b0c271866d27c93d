using LegalServiceMap.Core.Stations;

namespace LegalServiceMap.Core.Tests.Stations;

public class StationFieldsTests
{
    private static Station Full() => new()
    {
        Id = "x", Type = StationType.Notary, NameZh = "甲公证处", NameEn = "A Notary Office", AddressZh = "静安区某路1号", AddressEn = "1 Some Road",
        Street = "beizhan", Phone = "021-12345678", Hours = [new(DayOfWeek.Monday, new(9, 0), new(11, 30)), new(DayOfWeek.Monday, new(13, 0), new(17, 0))],
        Exceptions = [new(new DateOnly(2026, 12, 24), []), new(new DateOnly(2026, 12, 31), [new(new(9, 0), new(12, 0))])],
        HoursNoteZh = "午休", HoursNoteEn = "lunch break", ServicesZh = ["公证", "咨询；预约"], ServicesEn = ["Notarisation", "Advice; by appointment"],
        Languages = ["zh", "en"], AccessibilityZh = "无障碍", AccessibilityEn = "step-free", Latitude = 31.2345678, Longitude = 121.4567891,
        LocationTier = LocationTier.Surveyed, LocationNoteZh = "东门", LocationNoteEn = "east gate", Sources = ["S1", "S0"], NoteZh = "注", NoteEn = "note",
        LastVerified = new DateOnly(2026, 11, 30), Status = StationStatus.TemporarilyClosed, ClosedFrom = new DateOnly(2026, 12, 1),
        ClosedUntil = new DateOnly(2026, 12, 5), ClosureReasonZh = "装修", ClosureReasonEn = "renovation",
    };

    [Fact]
    public void Copy_CarriesEveryFieldOfAStation()
    {
        var copy = new Station { Id = "x", NameZh = "", NameEn = "" };
        StationFields.Copy(Full(), copy);
        Assert.Empty(StationFields.Changes(Full(), copy));
        // The example fills every stored property but the keys (id, a committee's division code) and the bookkeeping, and the table carries each of them:
        // a property added to Station without a field here fails.
        var empty = new Station { Id = "x", NameZh = "", NameEn = "" };
        foreach (var p in typeof(Station).GetProperties().Where(p => p.CanWrite && p.Name is not ("Id" or "DivisionCode" or "Version" or "SeedVersion")))
        {
            string Json(Station s) => System.Text.Json.JsonSerializer.Serialize(p.GetValue(s));
            Assert.True(Json(empty) != Json(Full()), $"{p.Name} is not filled in the example");
            Assert.True(Json(Full()) == Json(copy), $"{p.Name} is not carried by the field table");
        }
        Assert.Equal(2, copy.Hours.Count);
        Assert.Equal(["公证", "咨询；预约"], copy.ServicesZh);
        Assert.Equal(31.2345678, copy.Latitude);
        Assert.Equal("east gate", copy.LocationNoteEn);
    }

    [Fact]
    public void Cells_RoundTripEveryField_IncludingListItemsWithSemicolons()
    {
        var row = StationTable.ToRow(Full());
        Assert.Equal("Notarisation\nAdvice; by appointment", row["services_en"]);
        Assert.Equal("2026-12-24 closed | 2026-12-31 09:00-12:00", row["exceptions"]);
        var problems = new List<StationTable.RowProblem>();
        var back = StationTable.FromRow(row, null, null, problems);
        Assert.Empty(problems);
        Assert.Empty(StationFields.Changes(Full(), back!));
    }

    [Fact]
    public void FromRow_ForAStationThatExists_LeavesTheColumnsTheFileLacksAsTheyAre()
    {
        var row = new Dictionary<string, string?> { ["id"] = "x", ["phone"] = "021-87654321" };
        var problems = new List<StationTable.RowProblem>();
        var updated = StationTable.FromRow(row, Full(), null, problems)!;
        Assert.Empty(problems);
        Assert.Equal([("phone", (string?)"021-12345678", (string?)"021-87654321")], StationFields.Changes(Full(), updated));

        Assert.Null(StationTable.FromRow(row, null, null, problems)); // a new station needs its type and names
        Assert.Equal(["type", "name_zh", "name_en"], problems.Where(p => p.Key == "Import_Missing").Select(p => p.Column));
    }

    [Theory]
    [InlineData("phone", "call me", "BadPhone")]
    [InlineData("hours", "always", "BadHours")]
    [InlineData("type", "bakery", "BadType")]
    [InlineData("street", "Nowhere", "BadStreet")]
    [InlineData("lastVerified", "yesterday", "BadDate")]
    [InlineData("status", "sleeping", "BadStatus")]
    [InlineData("latitude", "north", "BadLocation")]
    [InlineData("nameZh", " ", "Missing")]
    public void Apply_BadText_IsAProblemOfThatField_AndLeavesTheFieldAsItWas(string field, string text, string code)
    {
        var station = Full();
        var before = StationFields.Named(field).Get(station);
        var problems = StationFields.Apply(station, f => f.Name == field ? text : f.Get(station));
        Assert.Equal((field, code), (problems[0].Field, problems[0].Code));
        Assert.Equal(before, StationFields.Named(field).Get(station));
    }

    [Fact]
    public void Apply_ChecksTheRulesBetweenFields()
    {
        FieldProblem One(Action<Dictionary<string, string?>> change)
        {
            var station = Full();
            var text = StationFields.TextOf(station);
            change(text);
            return Assert.Single(StationFields.Apply(station, f => text[f.Name], inDistrict: p => p.Longitude < 121.5));
        }
        Assert.Equal(("latitude", "LocationBoth"), (One(t => t["longitude"] = null) is var a ? (a.Field, a.Code) : default));
        Assert.Equal(("latitude", "BadLocation"), (One(t => t["latitude"] = "95") is var b ? (b.Field, b.Code) : default));
        Assert.Equal(("latitude", "OutsideDistrict"), (One(t => t["longitude"] = "121.6") is var c ? (c.Field, c.Code) : default));
        Assert.Equal(("street", "StreetForLocation"), (One(t => t["street"] = null) is var d ? (d.Field, d.Code) : default));
        Assert.Equal(("closedUntil", "ClosureDates"), (One(t => t["closedUntil"] = "2026-11-01") is var e ? (e.Field, e.Code) : default));
        Assert.Equal(("nameEn", "TooLong"), (One(t => t["nameEn"] = new string('a', 301)) is var g ? (g.Field, g.Code) : default));
    }
}
