using System.Text;
using System.Text.Json;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// The body text the search index holds for an article's stored JSON (its original or its translation), made here as
/// the index's content view makes it in SQL (<see cref="Migrations.M0300Search.Fields"/>): the teaser and a line
/// break, then the paragraphs' text joined by line breaks, without the characters that mark matches. The token
/// positions the index gives for a row count in this text. A search's snippets read it for the page's hits alone: made
/// by SQLite's JSON functions through the view it cost about a fifth of the snippet step (at a million articles, 1.37
/// against 1.06 ms for a one-word search's 20 hits).
/// </summary>
internal static class IndexedText
{
    /// <summary>The body text of <paramref name="json"/>; empty for none (an article not translated yet).</summary>
    public static string Body(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty) return "";
        string? teaser = null;
        var paragraphs = new List<string>();
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return "";
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("teaser"u8))
            {
                reader.Read();
                teaser ??= Scalar(ref reader);
            }
            else if (reader.ValueTextEquals("paragraphs"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray) ReadParagraphs(ref reader, paragraphs);
                else reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var text = new StringBuilder();
        if (teaser is not null) text.Append(teaser).Append('\n');
        text.AppendJoin('\n', paragraphs);
        return text.Replace(SearchHits.MatchOpen.ToString(), "").Replace(SearchHits.MatchClose.ToString(), "").ToString();
    }

    /// <summary>Each paragraph's <c>text</c>, in order; one without any is left out, as <c>group_concat</c> leaves out nulls.</summary>
    private static void ReadParagraphs(ref Utf8JsonReader reader, List<string> paragraphs)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            string? text = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isText = reader.ValueTextEquals("text"u8);
                reader.Read();
                if (isText && text is null) text = Scalar(ref reader);
                else reader.Skip();
            }
            if (text is not null) paragraphs.Add(text);
        }
    }

    /// <summary>A value as <c>json_extract</c> gives it as text: a string unescaped, a number as written, true and false as 1 and 0; null for the rest.</summary>
    private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "1",
        JsonTokenType.False => "0",
        JsonTokenType.StartObject or JsonTokenType.StartArray => SkipNull(ref reader),
        _ => null,
    };

    private static string? SkipNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
