namespace ForeignDesk.Discover.Categories;

/// <summary>
/// Files an article under the taxonomy from what the outlet says about it: the page's section, else a section word
/// in its URL path (<c>/deportes/…</c>), else the outlet's default category.
/// </summary>
public sealed class CategoryMapper(SectionMap sections) : Core.ICategoryMapping
{
    public SectionMap Sections => sections;

    public CategoryChoice Map(string? section, string url, string sourceCategory) =>
        FromOutlet(section, url) ?? new CategoryChoice(SourceDefault(sourceCategory), CategoryBasis.SourceDefault);

    public string CategoryOf(string? section, string url, string sourceCategory) => Map(section, url, sourceCategory).Category;

    /// <summary>The category the outlet's own labelling gives, or null when it gives no usable one.</summary>
    public CategoryChoice? FromOutlet(string? section, string url)
    {
        if (sections.Lookup(section) is { } bySection) return new CategoryChoice(bySection, CategoryBasis.Section);
        foreach (var segment in PathSections(url))
            if (sections.Lookup(segment) is { } byPath) return new CategoryChoice(byPath, CategoryBasis.UrlPath);
        return null;
    }

    /// <summary>The outlet's default category in the taxonomy's spelling (mapped like a section when it is another word).</summary>
    public string SourceDefault(string sourceCategory) =>
        CategoryTaxonomy.Find(sourceCategory) ?? sections.Lookup(sourceCategory) ?? CategoryTaxonomy.Fallback;

    /// <summary>The directory segments of a URL's path; the last segment names the article itself.</summary>
    private static IEnumerable<string> PathSections(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return [];
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Take(Math.Max(0, segments.Length - 1)).Take(4).Select(Uri.UnescapeDataString);
    }
}
