using System.Text;
using System.Xml;

namespace ForeignDesk.Web.Feeds;

/// <summary>What the XML feeds share: the writer's settings, and the elements that carry what the formats have no place for.</summary>
internal static class FeedXml
{
    /// <summary>The namespace of ForeignDesk's own elements: the original's language, the engine and its route, the original URL.</summary>
    public const string Namespace = "urn:foreigndesk:feeds:1";

    public const string Prefix = "fd";

    /// <summary>Writes a document with <paramref name="write"/> and returns it as a string (UTF-8 declared).</summary>
    public static string Write(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The entry's provenance in <see cref="Namespace"/>.</summary>
    public static void WriteProvenance(XmlWriter writer, FeedEntry entry)
    {
        writer.WriteElementString(Prefix, "originalUrl", Namespace, entry.OriginalUrl);
        writer.WriteElementString(Prefix, "originalLanguage", Namespace, entry.OriginalLanguage);
        writer.WriteElementString(Prefix, "source", Namespace, entry.SourceName);
        if (entry.Engine is not null) writer.WriteElementString(Prefix, "engine", Namespace, entry.Engine);
        if (entry.Route is not null) writer.WriteElementString(Prefix, "route", Namespace, entry.Route);
    }
}
