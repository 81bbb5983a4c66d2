using ForeignDesk.Ingest.Sources;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Sources;

public sealed class UrlNormalizerTests
{
    [Theory]
    [InlineData("HTTPS://WWW.Example.COM:443/News/Story?id=7#comments", "https://www.example.com/News/Story?id=7")]
    [InlineData("http://example.com:80", "http://example.com/")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com/a?utm_source=x&id=1&UTM_Medium=y&fbclid=z&b=2", "https://example.com/a?id=1&b=2")]
    [InlineData("https://example.com/a?gclid=1&mc_cid=2&mc_eid=3", "https://example.com/a")]
    [InlineData("https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1")]
    [InlineData("https://example.com/a/../b/./c", "https://example.com/b/c")]
    public void Normalize_Url_GivesIdentity(string input, string expected) =>
        Assert.Equal(expected, UrlNormalizer.Normalize(new Uri(input)));

    [Theory]
    [InlineData("HTTPS://WWW.Example.COM:443/News/Story?id=7&utm_campaign=a#c")]
    [InlineData("http://example.com/path%20with%20space?q=a%26b&fbclid=1")]
    [InlineData("https://bücher.example/straße?x=ä")]
    [InlineData("http://[::1]:8080/x?&&a=1&")]
    [InlineData("https://user@example.com/x")]
    public void Normalize_AppliedTwice_ChangesNothing(string input)
    {
        var once = UrlNormalizer.Normalize(new Uri(input));
        Assert.Equal(once, UrlNormalizer.Normalize(new Uri(once)));
    }

    [Fact]
    public void Normalize_RelativeUrl_Throws() =>
        Assert.Throws<ArgumentException>(() => UrlNormalizer.Normalize(new Uri("/a", UriKind.Relative)));
}
