using System.Buffers;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Removes the Unicode bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) from text that
/// came from outside. An outlet or an engine could use them to make a title or a link read differently from what it
/// is ("right-to-left override" spoofing); the marks U+200E and U+200F, which only steer neutral characters, stay.
/// </summary>
public static class BidiControls
{
    private static readonly SearchValues<char> Controls = SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    public static bool IsControl(char c) => Controls.Contains(c);

    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Controls) < 0) return text;
        return string.Create(text.Length - Count(text), text, static (span, source) =>
        {
            var k = 0;
            foreach (var c in source)
                if (!Controls.Contains(c)) span[k++] = c;
        });
    }

    public static string? StripOrNull(string? text) => text is null ? null : Strip(text);

    /// <summary>The article with every text it carries (title, teaser, paragraphs, byline, captions, credits) stripped.</summary>
    public static ExtractedArticle StripFrom(ExtractedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article with
        {
            Title = Strip(article.Title),
            Teaser = StripOrNull(article.Teaser),
            Paragraphs = article.Paragraphs.Select(Strip).ToList(),
            Byline = StripOrNull(article.Byline),
            Image = Strip(article.Image),
            Keywords = article.Keywords.Select(Strip).ToList(),
            Images = article.Images.Select(i => Strip(i)!).ToList(),
        };
    }

    /// <summary>The translation with its title, teaser, paragraphs and captions stripped.</summary>
    public static TranslatedArticle StripFrom(TranslatedArticle translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        return translation with
        {
            Title = Strip(translation.Title),
            Teaser = StripOrNull(translation.Teaser),
            Paragraphs = translation.Paragraphs.Select(Strip).ToList(),
            ImageCaption = StripOrNull(translation.ImageCaption),
            ImageCaptions = translation.ImageCaptions.Select(StripOrNull).ToList(),
        };
    }

    private static Paragraph Strip(Paragraph paragraph) => paragraph with { Html = Strip(paragraph.Html), Text = Strip(paragraph.Text) };

    private static ArticleImage? Strip(ArticleImage? image) =>
        image is null ? null : image with { Caption = StripOrNull(image.Caption), Credit = StripOrNull(image.Credit) };

    private static int Count(string text)
    {
        var count = 0;
        foreach (var c in text)
            if (Controls.Contains(c)) count++;
        return count;
    }
}
