using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>
/// How an article's original and translation are written in the <c>articles</c> table of either store: JSON with letters of every
/// script kept as they are (not as <c>\u00E9</c> escapes), null members left out, and each paragraph stored once: its
/// <c>html</c> only where it differs from the HTML-encoded <c>text</c> (inline markup, entities), and its <c>kind</c>
/// only where it is not <c>p</c>; the body text the original derives from its paragraphs is not stored at all. SQL
/// reads <c>$.title</c>, <c>$.teaser</c>, <c>$.section</c> and <c>$.paragraphs[*].text</c>, which are always there.
/// Reading accepts the older format (escapes, both members, the derived text) too.
/// </summary>
/// <remarks>
/// Not escaping HTML-sensitive characters (<c>&lt;</c>, <c>&amp;</c>) is safe because this JSON never leaves the store:
/// readers get the deserialized records, and pages HTML-encode everything but the sanitized paragraph HTML.
/// </remarks>
internal static class ArticleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new StoredParagraphConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutDerivedText } },
    };

    public static string Write(ExtractedArticle original) => JsonSerializer.Serialize(original, Options);

    public static string Write(TranslatedArticle translation) => JsonSerializer.Serialize(translation, Options);

    public static ExtractedArticle ReadOriginal(string json) =>
        JsonSerializer.Deserialize<ExtractedArticle>(json, Options) ?? throw new JsonException("An article original is JSON null.");

    public static TranslatedArticle ReadTranslation(string json) =>
        JsonSerializer.Deserialize<TranslatedArticle>(json, Options) ?? throw new JsonException("An article translation is JSON null.");

    /// <summary>An original as the store holds it, in UTF-8: read without making a string of the whole JSON first.</summary>
    public static ExtractedArticle ReadOriginal(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<ExtractedArticle>(utf8, Options) ?? throw new JsonException("An article original is JSON null.");

    /// <summary>A translation as the store holds it, in UTF-8.</summary>
    public static TranslatedArticle ReadTranslation(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<TranslatedArticle>(utf8, Options) ?? throw new JsonException("An article translation is JSON null.");

    /// <summary>A stored original in any earlier format, rewritten in this one (migration 0600).</summary>
    public static string? RewriteOriginal(string? json) => json is null ? null : Write(ReadOriginal(json));

    /// <summary>A stored translation in any earlier format, rewritten in this one (migration 0600).</summary>
    public static string? RewriteTranslation(string? json) => json is null ? null : Write(ReadTranslation(json));

    /// <summary><see cref="ExtractedArticle.Text"/> is the paragraphs joined: computed on read, never stored.</summary>
    private static void WithoutDerivedText(JsonTypeInfo type)
    {
        if (type.Type != typeof(ExtractedArticle)) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
            if (type.Properties[i].Name == "text" && type.Properties[i].Set is null) type.Properties.RemoveAt(i);
    }

    /// <summary>
    /// Plain text as paragraph HTML: the characters the extractor and translator encode (<c>&amp;</c>, <c>&lt;</c>,
    /// <c>&gt;</c>, no-break space) as entities, everything else as it is. A paragraph whose HTML is exactly this
    /// is stored without it.
    /// </summary>
    internal static string EncodeText(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\u00A0") < 0) return text;
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            var entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\u00A0' => "&nbsp;",
                _ => null,
            };
            if (entity is null) html.Append(c);
            else html.Append(entity);
        }
        return html.ToString();
    }

    /// <summary>Writes <c>{"kind"?, "html"?, "text"}</c>; reads that and the older <c>{"kind", "html", "text"}</c>.</summary>
    private sealed class StoredParagraphConverter : JsonConverter<Paragraph>
    {
        private const string DefaultKind = "p";

        public override Paragraph Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A stored paragraph is not a JSON object.");
            string? kind = null, html = null, text = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("A stored paragraph is malformed.");
                var name = reader.GetString();
                reader.Read();
                if (name is not ("kind" or "html" or "text"))
                {
                    reader.Skip();
                    continue;
                }
                var value = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                if (name == "kind") kind = value;
                else if (name == "html") html = value;
                else text = value;
            }
            text ??= "";
            return new Paragraph(kind ?? DefaultKind, html ?? EncodeText(text), text);
        }

        public override void Write(Utf8JsonWriter writer, Paragraph value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            if (value.Kind != DefaultKind) writer.WriteString("kind", value.Kind);
            if (value.Html != EncodeText(value.Text)) writer.WriteString("html", value.Html);
            writer.WriteString("text", value.Text);
            writer.WriteEndObject();
        }
    }
}
