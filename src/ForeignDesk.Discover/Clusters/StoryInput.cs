using ForeignDesk.Core;

namespace ForeignDesk.Discover.Clusters;

/// <summary>An article as clustering sees it: its English text when there is one, and its original.</summary>
/// <param name="English">Title, teaser and paragraphs in English; null when no engine translated it.</param>
public sealed record StoryInput(
    long Id,
    string Language,
    DateTimeOffset PublishedUtc,
    StoryText Original,
    StoryText? English)
{
    public static StoryInput From(StoredArticle article) => new(
        article.Id,
        article.Language,
        article.PublishedUtc,
        new StoryText(article.Original.Title, article.Original.Teaser, article.Original.Paragraphs.Select(p => p.Text).ToList()),
        article.Translation is { } t && article.State == ArticleState.Translated
            ? new StoryText(t.Title, t.Teaser, t.Paragraphs.Select(p => p.Text).ToList())
            : null);
}

/// <summary>The parts of an article's text that clustering reads.</summary>
public sealed record StoryText(string Title, string? Teaser, IReadOnlyList<string> Paragraphs);
