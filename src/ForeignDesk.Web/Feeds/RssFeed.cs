using System.Globalization;
using System.Xml;

namespace ForeignDesk.Web.Feeds;

/// <summary>RSS 2.0 (RSS Advisory Board specification), with <c>content:encoded</c> for the text and <c>atom:link</c> for its own address.</summary>
internal static class RssFeed
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";

    public static string Write(FeedChannel channel) => FeedXml.Write(writer =>
    {
        writer.WriteStartElement("rss");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
        writer.WriteAttributeString("xmlns", "content", null, ContentNamespace);
        writer.WriteAttributeString("xmlns", FeedXml.Prefix, null, FeedXml.Namespace);
        writer.WriteStartElement("channel");
        writer.WriteElementString("title", channel.Title);
        writer.WriteElementString("link", channel.PageUrl);
        writer.WriteElementString("description", channel.Description);
        writer.WriteElementString("language", "en");
        writer.WriteElementString("lastBuildDate", Date(channel.UpdatedUtc));
        writer.WriteElementString("generator", channel.SiteName);
        writer.WriteStartElement("atom", "link", AtomNamespace);
        writer.WriteAttributeString("href", channel.FeedUrl(FeedFormat.Rss));
        writer.WriteAttributeString("rel", "self");
        writer.WriteAttributeString("type", FeedFormat.Rss.ContentType);
        writer.WriteEndElement();
        foreach (var entry in channel.Entries) WriteItem(writer, entry);
        writer.WriteEndElement();
        writer.WriteEndElement();
    });

    private static void WriteItem(XmlWriter writer, FeedEntry entry)
    {
        writer.WriteStartElement("item");
        writer.WriteElementString("title", entry.Title);
        writer.WriteElementString("link", entry.Url);
        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", "true");
        writer.WriteString(entry.Url);
        writer.WriteEndElement();
        writer.WriteElementString("description", entry.Summary);
        if (entry.ContentHtml is not null) writer.WriteElementString("content", "encoded", ContentNamespace, entry.ContentHtml);
        writer.WriteElementString("pubDate", Date(entry.PublishedUtc));
        writer.WriteElementString("category", entry.Category);
        writer.WriteStartElement("source");
        writer.WriteAttributeString("url", FeedFormat.Rss.PathUnder(entry.SourceUrl));
        writer.WriteString(entry.SourceName);
        writer.WriteEndElement();
        FeedXml.WriteProvenance(writer, entry);
        writer.WriteEndElement();
    }

    /// <summary>RFC 822 with a four-digit year, as the RSS specification asks.</summary>
    private static string Date(DateTimeOffset instant) => instant.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
}
