using System.Xml;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Ingest.Fetch;

namespace ForeignDesk.Ingest.Sources;

/// <summary>
/// Whether a URL answers with a feed: it is fetched through the product's fetcher (its address rules, time and size
/// limits) and parsed by the feed parser, as the pipeline will. An HTML page is searched for the feeds it links to.
/// </summary>
public sealed class FeedCheck(IPageFetcher fetcher)
{
    /// <returns>Null when the URL is a feed; otherwise one line that says what it is instead.</returns>
    public async Task<string?> ProblemAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var outcome = await fetcher.FetchAsync(new FetchRequest(url), cancellationToken);
        if (outcome is not { IsOk: true, Page: { } page })
            return $"{url} could not be fetched: {outcome.Error ?? outcome.Status.ToString()}";
        try
        {
            FeedParser.Parse(page.Body, page.FinalUrl);
            return null;
        }
        catch (Exception ex) when (ex is FeedFormatException or XmlException)
        {
            var feeds = FeedDiscovery.FindFeeds(Extract.HtmlDecoding.Decode(page.Body, page.ContentType), page.FinalUrl);
            if (feeds.Count > 0)
                return $"{url} is an HTML page, not a feed; it links to {string.Join(", ", feeds.Select(f => f.AbsoluteUri))} (give one with --feed)";
            if (ex.Message.Contains("HTML page", StringComparison.Ordinal)) return $"{url} is an HTML page that links to no feed";
            var reason = ex.Message.StartsWith("not a feed: ", StringComparison.Ordinal) ? ex.Message["not a feed: ".Length..] : ex.Message;
            return $"{url} is not a feed: {reason}";
        }
    }
}
