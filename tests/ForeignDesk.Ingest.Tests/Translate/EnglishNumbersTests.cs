using ForeignDesk.Ingest.Translate;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class EnglishNumbersTests
{
    [Theory]
    [InlineData("It cost 1.250.000 euros, 25,7% more.", "It cost 1,250,000 euros, 25.7% more.")]
    [InlineData("A 3,5 and 12.500,75 total.", "A 3.5 and 12,500.75 total.")]
    [InlineData("Meeting at 10.30 h, 3.5 is kept.", "Meeting at 10.30 h, 3.5 is kept.")]
    [InlineData("See https://x.es/a?id=1,5 and /v/1.250/ now", "See https://x.es/a?id=1,5 and /v/1.250/ now")]
    [InlineData("Model A4,5 and 1,2,3", "Model A4,5 and 1,2,3")]
    public void Localize_RewritesFreeStandingNumbersOnly(string text, string expected) =>
        Assert.Equal(expected, EnglishNumbers.Localize(text));

    [Fact]
    public void For_OnlyDecimalCommaLanguagesIntoEnglish()
    {
        Assert.NotNull(EnglishNumbers.For("es", "en"));
        Assert.Null(EnglishNumbers.For("es", "fr"));
        Assert.Null(EnglishNumbers.For("en", "en"));
    }
}
