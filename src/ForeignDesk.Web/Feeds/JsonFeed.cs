using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.Feeds;

/// <summary>
/// JSON Feed 1.1 (jsonfeed.org/version/1.1). Each item's <c>external_url</c> is the original; the original's language,
/// the engine and its route are in the item's <c>_foreigndesk</c> extension.
/// </summary>
internal static class JsonFeed
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    /// <summary>Where the extension is described (the README's Feeds section).</summary>
    public const string ExtensionAbout = "https://github.com/foreigndesk/foreigndesk#feeds";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(FeedChannel channel)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", channel.Title);
            json.WriteString("home_page_url", channel.PageUrl);
            json.WriteString("feed_url", channel.FeedUrl(FeedFormat.Json));
            json.WriteString("description", channel.Description);
            if (channel.IconUrl is not null) json.WriteString("favicon", channel.IconUrl);
            json.WriteString("language", "en");
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", channel.SiteName);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var entry in channel.Entries) WriteItem(json, entry);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteItem(Utf8JsonWriter json, FeedEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Url);
        json.WriteString("url", entry.Url);
        json.WriteString("external_url", entry.OriginalUrl);
        json.WriteString("title", entry.Title);
        if (entry.ContentHtml is not null) json.WriteString("content_html", entry.ContentHtml);
        else json.WriteString("content_text", entry.Summary);
        json.WriteString("summary", entry.Summary);
        if (entry.ImageUrl is not null) json.WriteString("image", entry.ImageUrl);
        json.WriteString("date_published", Stamps.Iso(entry.PublishedUtc));
        json.WriteString("date_modified", Stamps.Iso(entry.ModifiedUtc));
        json.WriteStartArray("authors");
        json.WriteStartObject();
        json.WriteString("name", entry.SourceName);
        json.WriteString("url", entry.SourceUrl);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("tags");
        json.WriteStringValue(entry.Category);
        json.WriteEndArray();
        json.WriteString("language", entry.Language);
        json.WriteStartObject("_foreigndesk");
        json.WriteString("about", ExtensionAbout);
        json.WriteString("original_url", entry.OriginalUrl);
        json.WriteString("original_language", entry.OriginalLanguage);
        json.WriteString("source", entry.SourceName);
        if (entry.Engine is not null) json.WriteString("engine", entry.Engine);
        if (entry.Route is not null) json.WriteString("route", entry.Route);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
