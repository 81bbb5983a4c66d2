namespace ForeignDesk.Core;

/// <summary>
/// What the site may show of one article, from its source's policy and its outlet's directives: the one rule that
/// article pages, feeds, the API, search and sitemaps follow.
/// </summary>
/// <param name="Translation">The English translation may be shown (false: the original title and a link only).</param>
/// <param name="Body">The article's body may be shown (false: at most the teaser, and a link to the outlet).</param>
/// <param name="Snippet">A teaser, snippet or description may be shown.</param>
/// <param name="Index">Search engines may index the page, and sitemaps list it.</param>
/// <param name="Archive">Search engines may keep a copy, and sitemaps list it.</param>
/// <param name="Reason">Why the reader sees less than the whole translation, for the page; null when nothing is held back.</param>
public sealed record Republication(bool Translation, bool Body, bool Snippet, bool Index, bool Archive, string? Reason)
{
    public static readonly Republication Whole = new(true, true, true, true, true, null);

    /// <param name="archiveEnded">
    /// The outlet asked for no copy to be kept (<c>noarchive</c>) and the time the site keeps such an article whole has
    /// passed: only the headline and a link remain, whatever the source's policy allows.
    /// </param>
    public static Republication For(SourcePolicy policy, PublisherDirectives directives, bool archiveEnded = false)
    {
        if (policy == SourcePolicy.Withdrawn) return new(false, false, false, false, false, "The outlet's articles were withdrawn from this site.");
        if (archiveEnded && directives.HasFlag(PublisherDirectives.NoArchive) && !directives.HasFlag(PublisherDirectives.NoTranslate))
            return new(true, false, false, !directives.HasFlag(PublisherDirectives.NoIndex), false,
                "The outlet asks that its article not be kept (noarchive): after a while only its headline and a link remain here. Read it on its site.");
        var snippet = !directives.HasFlag(PublisherDirectives.NoSnippet) && policy != SourcePolicy.Headline;
        var index = !directives.HasFlag(PublisherDirectives.NoIndex);
        var archive = !directives.HasFlag(PublisherDirectives.NoArchive);
        if (directives.HasFlag(PublisherDirectives.NoTranslate))
            return new(false, false, false, index, archive, "The outlet asks that this article not be translated (notranslate): read it on its site.");
        return policy switch
        {
            SourcePolicy.Summary => new(true, false, snippet, index, archive, "The outlet allows a summary only: read the whole article on its site."),
            SourcePolicy.Headline => new(true, false, false, index, archive, "The outlet allows the headline only: read the article on its site."),
            _ => new(true, true, snippet, index, archive, null),
        };
    }

    /// <summary>
    /// The teaser a list (home, archives, search) shows under the article's title: none where no snippet is allowed, the
    /// article's own teaser only where the body is held back (a summary is the teaser, never the start of the body),
    /// else <paramref name="teaser"/>.
    /// </summary>
    /// <param name="teaser">The list line's teaser: the article's own, else the start of its first paragraph.</param>
    /// <param name="ownTeaser">Whether <paramref name="teaser"/> is the article's own teaser.</param>
    public string? ListTeaser(string? teaser, bool ownTeaser) => !Snippet || !Body && !ownTeaser ? null : teaser;

    /// <summary>The directives for this site's own page of the article (<c>X-Robots-Tag</c> and the robots meta), or null.</summary>
    public string? RobotsHeader
    {
        get
        {
            var parts = new List<string>(3);
            if (!Index) parts.Add("noindex");
            if (!Archive) parts.Add("noarchive");
            if (!Snippet) parts.Add("nosnippet");
            return parts.Count == 0 ? null : string.Join(", ", parts);
        }
    }
}
