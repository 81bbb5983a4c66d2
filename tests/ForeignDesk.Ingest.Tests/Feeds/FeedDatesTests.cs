using ForeignDesk.Ingest.Feeds;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Feeds;

/// <summary>Feed dates at the ends of the range .NET can hold: a date or none, never an exception.</summary>
public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Fri, 31 Dec 9999 24:00:00 +0000")]
    [InlineData("Fri, 31 Dec 9999 23:30:00 -0100")]
    [InlineData("0001-01-01T00:30:00+01:00")]
    public void Parse_InstantOutsideTheRange_IsNoDate(string raw)
    {
        Assert.Null(FeedDates.Parse(raw));
    }

    [Theory]
    [InlineData("Fri, 31 Dec 9999 23:00:00 +0000", "9999-12-31T23:00:00+00:00")]
    [InlineData("Sat, 05 Dec 2026 24:00:00 +0100", "2026-12-05T23:00:00+00:00")]
    public void Parse_InstantAtTheEdges_IsKeptInUtc(string raw, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(raw));
    }

    /// <summary>Found by <c>bench fuzz</c>: digits of other scripts matched the patterns and threw FormatException.</summary>
    [Theory]
    [InlineData("2026-12\u0660")]
    [InlineData("2026-12-0\u0665T10:00:00Z")]
    public void Parse_DigitsOfOtherScripts_AreNoDate(string raw)
    {
        Assert.Null(FeedDates.Parse(raw));
    }

    [Theory]
    [InlineData("Sat, 05 Dec 2026 1\u0660:00:00 +0100", "2026-12-05T00:00:00+00:00")]
    [InlineData("Sat, 05 Dec 2026 10:00:00 +01\u0660\u0660", "2026-12-05T10:00:00+00:00")]
    public void Parse_DigitsOfOtherScriptsInTimeOrZone_LeaveThatPartOut(string raw, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(raw));
    }
}
