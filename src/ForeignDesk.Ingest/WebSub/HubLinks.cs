using System.Xml;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>The WebSub hub a feed names (<c>&lt;atom:link rel="hub"&gt;</c> or Atom <c>&lt;link rel="hub"&gt;</c>) and its self URL.</summary>
public sealed record HubLinks(Uri Hub, Uri? Self)
{
    /// <returns>Null when the feed names no http(s) hub or is not XML.</returns>
    public static HubLinks? Find(byte[] feed, Uri feedUrl)
    {
        Uri? hub = null, self = null;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(feed), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName is "item" or "entry") break;
                if (reader.LocalName != "link") continue;
                var rel = reader.GetAttribute("rel");
                var href = reader.GetAttribute("href");
                if (href is null || !Uri.TryCreate(feedUrl, href.Trim(), out var url) || url.Scheme is not ("http" or "https")) continue;
                if (rel == "hub") hub ??= url;
                else if (rel == "self") self ??= url;
            }
        }
        catch (XmlException)
        {
            return null;
        }

        return hub is null ? null : new HubLinks(hub, self);
    }
}
