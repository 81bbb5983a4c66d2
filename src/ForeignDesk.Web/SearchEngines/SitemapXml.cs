using System.Xml;
using ForeignDesk.Web.Feeds;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.SearchEngines;

/// <summary>What the sitemaps share: the protocol's namespace, the document and its answer.</summary>
internal static class SitemapXml
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public const string ContentType = "application/xml; charset=utf-8";

    /// <summary>A sitemap document as a cached, validated answer.</summary>
    public static IResult Answer(DateTimeOffset renderedUtc, Action<XmlWriter> write) =>
        new PageResult(FeedXml.Write(write), StatusCodes.Status200OK, renderedUtc, ContentType);

    public static void Url(XmlWriter writer, string loc)
    {
        writer.WriteStartElement("url", Namespace);
        writer.WriteElementString("loc", Namespace, loc);
        writer.WriteEndElement();
    }
}
