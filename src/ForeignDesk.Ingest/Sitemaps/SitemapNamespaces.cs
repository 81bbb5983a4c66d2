namespace ForeignDesk.Ingest.Sitemaps;

internal static class SitemapNamespaces
{
    public const string Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string News = "http://www.google.com/schemas/sitemap-news/0.9";
    public const string Image = "http://www.google.com/schemas/sitemap-image/1.1";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
}
