using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Extract;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Tests.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Extract;

/// <summary>What an outlet's page asks of those who show it, read at fetch and extraction time and kept with the article.</summary>
public sealed class PublisherDirectivesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""<meta name="robots" content="noarchive">""", PublisherDirectives.NoArchive)]
    [InlineData("""<meta name="ROBOTS" content="index, follow, NoSnippet">""", PublisherDirectives.NoSnippet)]
    [InlineData("""<meta name="googlebot" content="noindex,notranslate">""", PublisherDirectives.NoIndex | PublisherDirectives.NoTranslate)]
    [InlineData("""<meta name="robots" content="none">""", PublisherDirectives.NoIndex)]
    [InlineData("""<meta name="google" content="notranslate">""", PublisherDirectives.NoTranslate)]
    [InlineData("""<meta name="google" content="noarchive">""", PublisherDirectives.None)]
    [InlineData("""<meta name="bingbot" content="noindex">""", PublisherDirectives.None)]
    [InlineData("""<meta name="robots" content="max-image-preview:large">""", PublisherDirectives.None)]
    public void Extract_RobotsMeta_IsKept(string head, PublisherDirectives expected)
    {
        Assert.Equal(expected, TestPages.Extract(TestPages.Article(head: head)).Robots);
    }

    [Fact]
    public void Extract_TranslateNoOnTheHtmlElement_IsNoTranslate()
    {
        var html = TestPages.Article().Replace("<html", "<html translate=\"no\"", StringComparison.Ordinal);
        Assert.Equal(PublisherDirectives.NoTranslate, TestPages.Extract(html).Robots);
        Assert.Equal(PublisherDirectives.None, TestPages.Extract(TestPages.Article().Replace("<html", "<html translate=\"yes\"", StringComparison.Ordinal)).Robots);
    }

    [Theory]
    [InlineData("noindex, nosnippet", PublisherDirectives.NoIndex | PublisherDirectives.NoSnippet)]
    [InlineData("googlebot: noarchive", PublisherDirectives.NoArchive)]
    [InlineData("otherbot: noindex, noarchive", PublisherDirectives.None)]
    [InlineData("otherbot: noindex\ngooglebot: nosnippet", PublisherDirectives.NoSnippet)]
    [InlineData("unavailable_after: 25 Jun 2010 15:00:00 PST", PublisherDirectives.None)]
    [InlineData("", PublisherDirectives.None)]
    public void RobotsHeader_ForUsOrForEveryone_IsRead(string header, PublisherDirectives expected)
    {
        Assert.Equal(expected, PublisherDirectiveReader.FromHeader(header));
    }

    [Fact]
    public async Task FetchThenExtract_XRobotsTagHeader_ReachesTheArticle()
    {
        var html = TestPages.Article(head: """<meta name="robots" content="nosnippet">""");
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/article", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.Append("X-Robots-Tag", "noarchive");
            context.Response.Headers.Append("X-Robots-Tag", "otherbot: noindex");
            await context.Response.WriteAsync(html, Ct);
        }), Ct);
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new FetchRequest(server.Url("/article")), Ct);

        Assert.Equal(FetchStatus.Ok, outcome.Status);
        Assert.Equal("noarchive\notherbot: noindex", outcome.Page!.RobotsTag);
        var article = new ArticleExtractor().Extract(outcome.Page).Article!;
        Assert.Equal(PublisherDirectives.NoArchive | PublisherDirectives.NoSnippet, article.Robots);
    }
}
