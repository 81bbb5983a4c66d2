using System.Xml;
using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.Feeds;

/// <summary>
/// Atom 1.0 (RFC 4287). Each entry links to its page (<c>alternate</c>) and to the original (<c>via</c>, with the
/// original's language in <c>hreflang</c>); its author is the outlet.
/// </summary>
internal static class AtomFeed
{
    private const string Namespace = "http://www.w3.org/2005/Atom";

    public static string Write(FeedChannel channel) => FeedXml.Write(writer =>
    {
        writer.WriteStartElement("feed", Namespace);
        writer.WriteAttributeString("xmlns", FeedXml.Prefix, null, FeedXml.Namespace);
        writer.WriteAttributeString("xml", "lang", null, "en");
        writer.WriteElementString("id", Namespace, channel.FeedUrl(FeedFormat.Atom));
        writer.WriteElementString("title", Namespace, channel.Title);
        writer.WriteElementString("subtitle", Namespace, channel.Description);
        writer.WriteElementString("updated", Namespace, Stamps.Iso(channel.UpdatedUtc));
        Link(writer, "self", channel.FeedUrl(FeedFormat.Atom), FeedFormat.Atom.ContentType);
        Link(writer, "alternate", channel.PageUrl, "text/html");
        writer.WriteStartElement("author", Namespace);
        writer.WriteElementString("name", Namespace, channel.SiteName);
        writer.WriteEndElement();
        writer.WriteElementString("generator", Namespace, channel.SiteName);
        if (channel.IconUrl is not null) writer.WriteElementString("icon", Namespace, channel.IconUrl);
        foreach (var entry in channel.Entries) WriteEntry(writer, entry);
        writer.WriteEndElement();
    });

    private static void WriteEntry(XmlWriter writer, FeedEntry entry)
    {
        writer.WriteStartElement("entry", Namespace);
        if (entry.Language != "en") writer.WriteAttributeString("xml", "lang", null, entry.Language);
        writer.WriteElementString("id", Namespace, entry.Url);
        writer.WriteElementString("title", Namespace, entry.Title);
        Link(writer, "alternate", entry.Url, "text/html");
        Link(writer, "via", entry.OriginalUrl, "text/html", entry.OriginalLanguage);
        writer.WriteElementString("published", Namespace, Stamps.Iso(entry.PublishedUtc));
        writer.WriteElementString("updated", Namespace, Stamps.Iso(entry.ModifiedUtc));
        writer.WriteStartElement("author", Namespace);
        writer.WriteElementString("name", Namespace, entry.SourceName);
        writer.WriteElementString("uri", Namespace, entry.SourceUrl);
        writer.WriteEndElement();
        writer.WriteStartElement("category", Namespace);
        writer.WriteAttributeString("term", entry.Category);
        writer.WriteEndElement();
        writer.WriteStartElement("summary", Namespace);
        writer.WriteAttributeString("type", "text");
        writer.WriteString(entry.Summary);
        writer.WriteEndElement();
        if (entry.ContentHtml is not null)
        {
            writer.WriteStartElement("content", Namespace);
            writer.WriteAttributeString("type", "html");
            writer.WriteString(entry.ContentHtml);
            writer.WriteEndElement();
        }
        FeedXml.WriteProvenance(writer, entry);
        writer.WriteEndElement();
    }

    private static void Link(XmlWriter writer, string rel, string href, string type, string? hreflang = null)
    {
        writer.WriteStartElement("link", Namespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        if (hreflang is not null) writer.WriteAttributeString("hreflang", hreflang);
        writer.WriteEndElement();
    }
}
