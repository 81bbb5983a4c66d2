using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>One step of a breadcrumb trail: its label and, when it is a link, where it points (as written).</summary>
internal sealed record Crumb(string Name, string? Url);

/// <summary>
/// Breadcrumb trails written in the markup: schema.org microdata (an <c>itemtype</c> of BreadcrumbList with
/// itemListElement items) and plain breadcrumb navigation (<c>nav[aria-label*=breadcrumb]</c>, or a list or block whose
/// class or id names a breadcrumb), and the section a trail gives.
/// </summary>
internal static partial class Breadcrumbs
{
    private const int MaxSectionLength = 60;
    private const int MaxSectionWords = 6;
    private const int MaxSteps = 12;

    /// <summary>The first microdata BreadcrumbList and the first breadcrumb navigation in the markup, in one pass.</summary>
    public static (IElement? Microdata, IElement? Navigation) Locate(PageDom dom)
    {
        IElement? microdata = null, navigation = null;
        foreach (var element in dom.Elements)
        {
            if (microdata is null && element.GetAttribute("itemtype") is { } type && type.EndsWith("BreadcrumbList", StringComparison.OrdinalIgnoreCase))
                microdata = element;
            if (navigation is null && IsTrail(element)) navigation = element;
            if (microdata is not null && navigation is not null) break;
        }
        return (microdata, navigation);
    }

    /// <summary>The items of a microdata BreadcrumbList, ordered by their positions.</summary>
    public static IReadOnlyList<Crumb> Microdata(IElement? list)
    {
        if (list is null) return [];
        var crumbs = new List<(double Position, Crumb Crumb)>();
        foreach (var item in DomWalk.Elements(list))
        {
            if (!HasItemProp(item, "itemListElement")) continue;
            var parts = DomWalk.Elements(item);
            var nameElement = parts.FirstOrDefault(e => HasItemProp(e, "name"));
            var name = MetadataReader.Clean(nameElement?.GetAttribute("content") ?? (nameElement is null ? DomWalk.Text(item) : DomWalk.Text(nameElement)));
            if (name is null) continue;
            var itemElement = parts.FirstOrDefault(e => HasItemProp(e, "item"));
            var url = itemElement?.GetAttribute("href") ?? itemElement?.GetAttribute("itemid") ?? itemElement?.GetAttribute("content")
                ?? parts.FirstOrDefault(e => e.LocalName == "a")?.GetAttribute("href");
            var positionElement = parts.FirstOrDefault(e => HasItemProp(e, "position"));
            var position = double.TryParse(positionElement?.GetAttribute("content") ?? positionElement?.TextContent,
                NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : crumbs.Count + 1;
            crumbs.Add((position, new Crumb(name, url)));
        }
        return crumbs.OrderBy(c => c.Position).Select(c => c.Crumb).ToList();
    }

    /// <summary>The steps of a breadcrumb navigation: its list items, or its links and the text after them.</summary>
    public static IReadOnlyList<Crumb> Navigation(IElement? trail)
    {
        if (trail is null) return [];
        var parts = DomWalk.Elements(trail);
        var items = parts.Where(e => e.LocalName == "li" && !parts.Any(o => o.LocalName == "li" && o != e && o.Contains(e))).ToList();
        if (items.Count == 0)
            items = parts.Where(e => e.LocalName is "a" or "span" && !e.Children.Any(c => c.LocalName is "a" or "span")).ToList();
        if (items.Count > MaxSteps) return []; // a menu or a tag list, not a trail
        var crumbs = new List<Crumb>();
        foreach (var item in items)
        {
            var name = MetadataReader.Clean(DomWalk.Text(item))?.Trim('›', '>', '/', '»', '|', '·', '•', ' ', '\u00a0');
            if (string.IsNullOrEmpty(name) || !name.Any(char.IsLetterOrDigit)) continue;
            var link = item.LocalName == "a" ? item : DomWalk.Elements(item).FirstOrDefault(e => e.LocalName == "a");
            var href = link?.GetAttribute("href");
            if (crumbs.Count > 0 && crumbs[^1].Name == name) continue; // a link and its label span
            crumbs.Add(new Crumb(name, string.IsNullOrWhiteSpace(href) ? null : href));
        }
        return crumbs;
    }

    /// <summary>
    /// The most specific step of a trail that names a section: not the home page, not the outlet, not the article itself
    /// (its title, its own URL, or a last step that is not a link after steps that are), and short like a section name.
    /// </summary>
    public static string? Section(IReadOnlyList<Crumb> crumbs, string title, string? siteName, Uri pageUrl)
    {
        for (var i = crumbs.Count - 1; i >= 0; i--)
        {
            var crumb = crumbs[i];
            var name = MetadataReader.Clean(crumb.Name);
            if (name is null) continue;
            var isLast = i == crumbs.Count - 1;
            if (isLast && crumb.Url is null && crumbs.Take(i).Any(c => c.Url is not null)) continue;
            if (IsGeneric(name, siteName) || IsHome(crumb.Url, pageUrl) || IsPage(crumb.Url, pageUrl)) continue;
            if (IsTitle(name, title)) continue;
            if (name.Length > MaxSectionLength || name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxSectionWords) continue;
            return name;
        }
        return null;
    }

    /// <summary>A home link, the outlet's own name or a word that names no section ("News", "Uncategorized").</summary>
    public static bool IsGeneric(string name, string? siteName) =>
        HomeWord().IsMatch(name) || (siteName is not null && string.Equals(name, siteName, StringComparison.OrdinalIgnoreCase));

    private static bool IsTrail(IElement element)
    {
        if (element.LocalName is not ("nav" or "ol" or "ul" or "div" or "p" or "section")) return false;
        if (element.LocalName == "nav" && element.GetAttribute("aria-label") is { } label && TrailName().IsMatch(label)) return true;
        return NamesTrail(element.GetAttribute("class")) || NamesTrail(element.Id);
    }

    /// <summary>A cheap test first: this runs on every list and block of a page without a declared section.</summary>
    private static bool NamesTrail(string? names) =>
        names is { Length: > 4 } && (names.Contains("crumb", StringComparison.OrdinalIgnoreCase) || names.Contains("migas", StringComparison.OrdinalIgnoreCase)
            || names.Contains("ariane", StringComparison.OrdinalIgnoreCase) || names.Contains("brotkr", StringComparison.OrdinalIgnoreCase)
            || names.Contains("briciole", StringComparison.OrdinalIgnoreCase)) && TrailName().IsMatch(names);

    private static bool HasItemProp(IElement element, string name) =>
        element.GetAttribute("itemprop") is { } itemprop && itemprop.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name, StringComparer.OrdinalIgnoreCase);

    private static bool IsHome(string? href, Uri pageUrl) =>
        href is not null && Uri.TryCreate(pageUrl, href.Trim(), out var url) && url.AbsolutePath is "/" or "" && url.Query.Length == 0;

    private static bool IsPage(string? href, Uri pageUrl) =>
        href is not null && Uri.TryCreate(pageUrl, href.Trim(), out var url)
        && string.Equals(url.GetLeftPart(UriPartial.Path).TrimEnd('/'), pageUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static bool IsTitle(string name, string title)
    {
        if (title.Length == 0) return false;
        if (string.Equals(name, title, StringComparison.OrdinalIgnoreCase)) return true;
        var shortened = name.TrimEnd('…', '.', ' ');
        return shortened.Length >= 8 && shortened.Length < name.Length && title.StartsWith(shortened, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"breadcrumb|migas|fil.{0,3}ariane|brotkr[üu]mel|briciole|breadcrums|crumbs", RegexOptions.IgnoreCase)]
    private static partial Regex TrailName();

    [GeneratedRegex(@"^(home|home ?page|start|inicio|portada|accueil|startseite|início|inicial|página inicial|главная|головна|ana ?sayfa|الرئيسية|الصفحة الرئيسية|首页|主页|首頁|ホーム|トップ|홈|होम|मुखपृष्ठ|דף הבית|ראשי|خانه|صفحه اصلی|news|noticias|nachrichten|actualit[ée]s?|actualidad|notizie|not[íi]cias|новости|uncategori[sz]ed|sin categor[íi]a|non class[ée]|general)$", RegexOptions.IgnoreCase)]
    private static partial Regex HomeWord();
}
