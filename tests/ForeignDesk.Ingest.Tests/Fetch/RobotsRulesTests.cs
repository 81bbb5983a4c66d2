using ForeignDesk.Ingest.Fetch;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Fetch;

public sealed class RobotsRulesTests
{
    private const string Text = """
        # comment
        User-agent: *
        Disallow: /private
        Allow: /private/open
        Disallow: /*.pdf$
        Disallow: /search*q=

        User-agent: ForeignDesk
        User-agent: OtherBot
        Disallow: /drafts/
        Allow: /drafts/public$
        """;

    [Theory]
    [InlineData("/news/1", true)]
    [InlineData("/drafts/x", false)]
    [InlineData("/drafts/public", true)]
    [InlineData("/drafts/public/more", false)]
    [InlineData("/private", true)]
    public void IsAllowed_OurGroupExists_UsesOnlyOurGroup(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Text, "ForeignDesk").IsAllowed(new Uri("http://h" + path)));

    [Theory]
    [InlineData("/private/x", false)]
    [InlineData("/private/open/x", true)]
    [InlineData("/file.pdf", false)]
    [InlineData("/file.pdf?x=1", true)]
    [InlineData("/search?lang=de&q=x", false)]
    [InlineData("/robots.txt", true)]
    public void IsAllowed_NoGroupForUs_UsesStarGroupWithLongestMatch(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Text, "SomeCrawler").IsAllowed(new Uri("http://h" + path)));

    [Fact]
    public void IsAllowed_EmptyDisallow_AllowsEverything() =>
        Assert.True(RobotsRules.Parse("User-agent: *\nDisallow:\n", "ForeignDesk").IsAllowed(new Uri("http://h/anything")));
}
