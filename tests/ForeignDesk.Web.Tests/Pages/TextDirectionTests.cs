using ForeignDesk.Web.Rendering;
using Xunit;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>The one place that decides which languages are written right to left.</summary>
public sealed class TextDirectionTests
{
    [Theory]
    [InlineData("ar", true)]
    [InlineData("he", true)]
    [InlineData("fa", true)]
    [InlineData("ur", true)]
    [InlineData("ps", true)]
    [InlineData("yi", true)]
    [InlineData("ckb", true)]
    [InlineData("dv", true)]
    [InlineData("sd", true)]
    [InlineData("ug", true)]
    [InlineData("AR-eg", true)]
    [InlineData("fa_IR", true)]
    [InlineData("pa-Arab", true)]
    [InlineData("sd-Deva", false)]
    [InlineData("es", false)]
    [InlineData("en", false)]
    [InlineData("ku", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsRightToLeft_ByLanguageOrScript(string? language, bool rightToLeft) =>
        Assert.Equal(rightToLeft, TextDirection.IsRightToLeft(language));

    [Theory]
    [InlineData("ar", " lang=\"ar\" dir=\"rtl\"")]
    [InlineData("es", " lang=\"es\"")]
    [InlineData("x\"><script>", " lang=\"x&quot;&gt;&lt;script&gt;\"")]
    public void Attributes_AreEncoded_AndCarryDirOnlyForRightToLeft(string language, string expected) =>
        Assert.Equal(expected, TextDirection.Attributes(language).Value);
}
