using ForeignDesk.Ingest.Extract;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class DateWordsTests
{
    private static readonly DateTimeOffset FetchedAt = new(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("8. April 2022", "2022-04-08T00:00")]
    [InlineData("Veröffentlicht am 8. März 2022, 9.15 Uhr", "2022-03-08T09:15")]
    [InlineData("8. Mai 2022 um 09:15 Uhr", "2022-05-08T09:15")]
    [InlineData("8 avril 2022", "2022-04-08T00:00")]
    [InlineData("Publié le 1er août 2024 à 09h15", "2024-08-01T09:15")]
    [InlineData("29 de noviembre de 2026", "2026-11-29T00:00")]
    [InlineData("29 de noviembre de 2026 a las 9:15", "2026-11-29T09:15")]
    [InlineData("29 novembre 2026", "2026-11-29T00:00")]
    [InlineData("29 novembre 2026 alle 18:40", "2026-11-29T18:40")]
    [InlineData("29 de março de 2026 às 9h15", "2026-03-29T09:15")]
    [InlineData("29 listopada 2026, 09:15", "2026-11-29T09:15")]
    [InlineData("29 maart 2026 om 9:15", "2026-03-29T09:15")]
    [InlineData("April 8, 2022", "2022-04-08T00:00")]
    [InlineData("Nov. 29, 2026 at 9:15 p.m.", "2026-11-29T21:15")]
    [InlineData("09:15, 8 avril 2022", "2022-04-08T09:15")]
    public void Parse_WrittenDate_KeepsWallClockAtOffsetZero(string text, string expected)
    {
        var value = DateWords.Parse(text, FetchedAt);

        Assert.Equal(DateTimeOffset.Parse(expected + ":00+00:00", System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value!.Value.Offset);
    }

    [Theory]
    [InlineData("10 كانون الثاني 2026", "2026-01-10T00:00")]
    [InlineData("3 شباط 2026", "2026-02-03T00:00")]
    [InlineData("١٥ آذار ٢٠٢٦", "2026-03-15T00:00")]
    [InlineData("1 نيسان 2026", "2026-04-01T00:00")]
    [InlineData("5 أيار 2026", "2026-05-05T00:00")]
    [InlineData("5 ايار 2026", "2026-05-05T00:00")]
    [InlineData("7 حزيران 2026", "2026-06-07T00:00")]
    [InlineData("9 تموز 2026", "2026-07-09T00:00")]
    [InlineData("12 آب 2026", "2026-08-12T00:00")]
    [InlineData("20 أيلول 2026", "2026-09-20T00:00")]
    [InlineData("الخميس 8 تشرين الأول 2026 - 14:30", "2026-10-08T14:30")]
    [InlineData("8 تشرين الاول 2026", "2026-10-08T00:00")]
    [InlineData("8 تشرين أول 2026", "2026-10-08T00:00")]
    [InlineData("28 تشرين الثاني 2026", "2026-11-28T00:00")]
    [InlineData("28 تشرين ثاني 2026", "2026-11-28T00:00")]
    [InlineData("31 كانون الأول 2026", "2026-12-31T00:00")]
    [InlineData("31 كانون اول 2026", "2026-12-31T00:00")]
    [InlineData("10 كانون الثاني/يناير 2026", "2026-01-10T00:00")]
    [InlineData("10 يناير / كانون الثاني 2026", "2026-01-10T00:00")]
    [InlineData("8 تشرين الأول (أكتوبر) 2026 الساعة 09:15", "2026-10-08T09:15")]
    public void Parse_LevantineArabicMonth_GivesItsMonth(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected + ":00+00:00", System.Globalization.CultureInfo.InvariantCulture), DateWords.Parse(text, FetchedAt));
    }

    [Theory]
    [InlineData("2026年3月10日 午後3時30分", "2026-03-10T15:30")]
    [InlineData("2026年3月10日(火) 午前9時5分", "2026-03-10T09:05")]
    [InlineData("2026年3月10日 午後3時", "2026-03-10T15:00")]
    [InlineData("2026年3月10日 午後3:30", "2026-03-10T15:30")]
    [InlineData("2026年3月10日 午前0時", "2026-03-10T00:00")]
    [InlineData("2026年3月10日 午前12時30分", "2026-03-10T00:30")]
    [InlineData("2026年3月10日 午後0時15分", "2026-03-10T12:15")]
    [InlineData("2026年3月10日 午後12時", "2026-03-10T12:00")]
    [InlineData("2026年3月10日 14時30分", "2026-03-10T14:30")]
    [InlineData("2026/03/10 午後11時59分", "2026-03-10T23:59")]
    [InlineData("2026년 3월 10일 오후 3:30", "2026-03-10T15:30")]
    [InlineData("2026년 3월 10일 (화) 오전 9시 5분", "2026-03-10T09:05")]
    [InlineData("2026년 3월 10일 오후 3시", "2026-03-10T15:00")]
    [InlineData("2026년 3월 10일 오후 12시", "2026-03-10T12:00")]
    [InlineData("2026년 3월 10일 오전 12시 30분", "2026-03-10T00:30")]
    [InlineData("2026년 3월 10일 14시 30분", "2026-03-10T14:30")]
    [InlineData("입력 2026.03.10. 오후 3:30", "2026-03-10T15:30")]
    [InlineData("2026. 3. 10. 오전 11:05", "2026-03-10T11:05")]
    public void Parse_JapaneseAndKoreanTwelveHourTime_GivesTheHourOfTheDay(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected + ":00+00:00", System.Globalization.CultureInfo.InvariantCulture), DateWords.Parse(text, FetchedAt));
    }

    [Theory]
    [InlineData("2026年3月10日 午後13時")]
    [InlineData("2026년 3월 10일 오후 13:30")]
    public void Parse_TwelveHourTimePastTwelve_KeepsTheDateAtMidnight(string text)
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), DateWords.Parse(text, FetchedAt));
    }

    [Fact]
    public void Extract_KoreanDateLineWithAfternoonTime_GivesPublished()
    {
        var article = TestPages.Extract(TestPages.Article(before: """<p class="date">2026년 3월 10일 오후 3:30</p>"""));

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Extract_ArabicDateLineWithLevantineMonth_GivesPublished()
    {
        var article = TestPages.Extract(TestPages.Article(before: """<p class="date">نشر في 8 تشرين الأول 2026 الساعة 14:30</p>"""));

        Assert.Equal(new DateTimeOffset(2026, 10, 8, 14, 30, 0, TimeSpan.Zero), article.Published);
    }

    [Theory]
    [InlineData("hace 2 horas", 120)]
    [InlineData("il y a 3 heures", 180)]
    [InlineData("vor 2 Stunden", 120)]
    [InlineData("vor einer Stunde", 60)]
    [InlineData("2 hours ago", 120)]
    [InlineData("an hour ago", 60)]
    [InlineData("hace 15 minutos", 15)]
    [InlineData("há 3 dias", 3 * 24 * 60)]
    [InlineData("3 ore fa", 180)]
    public void Parse_RelativeWords_CountBackFromFetchedAt(string text, int minutes)
    {
        Assert.Equal(FetchedAt - TimeSpan.FromMinutes(minutes), DateWords.Parse(text, FetchedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ayer por la tarde")]
    [InlineData("31 de febrero de 2024")]
    [InlineData("8 avril 1850")]
    [InlineData("2 horas de lectura")]
    [InlineData("Lesezeit: 4 Minuten")]
    [InlineData("Ana García, Madrid")]
    [InlineData("8 تشرين 2026")]
    [InlineData("8 الأول 2026")]
    public void Parse_Garbage_IsNull(string text)
    {
        Assert.Null(DateWords.Parse(text, FetchedAt));
    }

    [Fact]
    public void Extract_WrittenDateInByline_GivesPublishedAndModified()
    {
        var article = TestPages.Extract(TestPages.Article(
            before: """<p class="article-date">Publicado el 29 de noviembre de 2026 a las 9:15. Actualizado el 30 de noviembre de 2026 a las 10:05</p>"""));

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 9, 15, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 5, 0, TimeSpan.Zero), article.Modified);
    }

    [Fact]
    public void Extract_RelativeDateInTimeElement_CountsFromFetchedAt()
    {
        var article = TestPages.Extract(TestPages.Article(before: """<time>hace 2 horas</time>"""));

        // TestPages fetches at 2024-03-05 10:00 UTC.
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Extract_MachineDate_WinsOverWrittenDate()
    {
        var article = TestPages.Extract(TestPages.Article(
            head: """<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">""",
            before: """<p class="date">8 de abril de 2022</p>"""));

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.FromHours(1)), article.Published);
    }

    [Fact]
    public void Extract_DateWordsOutsideDateLine_AreIgnored()
    {
        var article = TestPages.Extract(TestPages.Article(extra: "<p>La ley se aprobó el 8 de abril de 2022 tras un largo debate parlamentario en el Congreso.</p>"));

        Assert.Null(article.Published);
    }

    [Fact]
    public void Extract_GarbageDateLine_GivesNull()
    {
        var article = TestPages.Extract(TestPages.Article(before: """<p class="date">ayer por la tarde</p>"""));

        Assert.Null(article.Published);
        Assert.Null(article.Modified);
    }

    /// <summary>Found by <c>bench fuzz</c>: year 0000 threw ArgumentOutOfRangeException out of the reader.</summary>
    [Theory]
    [InlineData("5 de dic0000|embre de 2026")]
    [InlineData("5 de diciembre de 0000")]
    [InlineData("December 5, 0000")]
    [InlineData(" 2026 10:5 Dec0000")]
    public void Parse_YearZero_IsNoDate(string text)
    {
        Assert.Null(DateWords.Parse(text, FetchedAt));
    }

    /// <summary>
    /// Found by <c>bench fuzz</c>: digits of other scripts matched the patterns and threw FormatException. Arabic-Indic
    /// digits are read as digits (Arabic pages write dates with them); other scripts' digits give no date.
    /// </summary>
    [Theory]
    [InlineData("5 de diciembre de \u0662\u0660\u0662\u0666")]
    [InlineData("\u0665 de diciembre de 2026")]
    public void Parse_ArabicIndicDigitsInTheDate_AreRead(string text)
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero), DateWords.Parse(text, FetchedAt));
    }

    [Theory]
    [InlineData("5 de diciembre de \u0968\u0966\u0968\u096C")]
    [InlineData("\u096B de diciembre de 2026")]
    public void Parse_DigitsOfOtherScriptsInTheDate_IsNoDate(string text)
    {
        Assert.Null(DateWords.Parse(text, FetchedAt));
    }

    [Fact]
    public void Parse_DigitsOfOtherScriptsInTheTime_KeepsTheDateAtMidnight()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero), DateWords.Parse("5 de diciembre de 2026 a las 1\u0966:\u0969\u0966", FetchedAt));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 10, 30, 0, TimeSpan.Zero), DateWords.Parse("5 de diciembre de 2026 a las 1\u0660:\u0663\u0660", FetchedAt));
    }
}
