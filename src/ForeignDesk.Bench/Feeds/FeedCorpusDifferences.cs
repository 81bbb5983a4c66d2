namespace ForeignDesk.Bench.Feeds;

/// <summary>
/// Corpus files whose expectation records a peer's representation choice that ForeignDesk makes differently on
/// purpose, each with the reason. Such a file counts as <see cref="CorpusOutcome.Differs"/> only when it does not pass.
/// </summary>
internal static class FeedCorpusDifferences
{
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["feed-rs/rss2/rss_2.0_invalid_1.xml"] = "a truncated feed is recovered (the channel and its complete items kept) rather than rejected: losing a whole outlet for one cut-off answer is worse",
        ["feed-rs/rss1/rss_1.0_example_1.xml"] = "relative item links are resolved to absolute URLs against the feed URL; the peer keeps them as written",
        ["feedparser/wellformed/rss/item_description_not_a_doctype.xml"] = "the description's text \"<!' <a href=foo>\" is read as HTML5 does (\"<!'\" opens a comment, so nothing is shown); the peer's SGML parser escapes it and keeps a link",
        ["feedparser/wellformed/sanitize/item_content_encoded_crazy.xml"] = "the expectation is the peer's sanitizer output, which keeps pieces of the removed script as text; ForeignDesk drops scripts with their code",
    };

    public static string? Reason(string file) => Reasons.GetValueOrDefault(file);
}
