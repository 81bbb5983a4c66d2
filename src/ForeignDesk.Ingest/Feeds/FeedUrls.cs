namespace ForeignDesk.Ingest.Feeds;

internal static class FeedUrls
{
    /// <summary>An absolute http(s) URL from a possibly relative reference, or null when there is none.</summary>
    public static Uri? Resolve(string? reference, Uri baseUri)
    {
        var text = reference?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!Uri.TryCreate(baseUri, text, out var resolved) && !Uri.TryCreate(text, UriKind.Absolute, out resolved))
        {
            return null;
        }

        return resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps ? resolved : null;
    }
}
