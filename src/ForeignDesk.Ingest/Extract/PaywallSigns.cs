using System.Text.RegularExpressions;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Tells a page whose article is really behind a paywall, so that the public teaser it yields is marked as only that:
/// the page says the article is not free (JSON-LD <c>isAccessibleForFree: false</c>) or shows a paywall prompt, and the
/// body found is no longer than a teaser. A metered page that sends the whole text with its prompt is not marked.
/// </summary>
internal static partial class PaywallSigns
{
    /// <summary>A body at least this long (characters) is the article itself, whatever the page says about access.</summary>
    private const int TeaserLength = 1500;

    public static bool OnlyTeaser(PageDom dom, IReadOnlyList<Paragraph> paragraphs)
    {
        if (paragraphs.Sum(p => p.Text.Length) >= TeaserLength) return false;
        if (dom.Furniture.Exists(f => f.Kind == InterfaceKind.Paywall)) return true;
        foreach (var element in dom.Elements)
        {
            if (element.LocalName == "script" && element.GetAttribute("type")?.Trim() is { } type
                && type.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase) && NotFree().IsMatch(element.TextContent)) return true;
        }
        return false;
    }

    [GeneratedRegex(@"""isAccessibleForFree""\s*:\s*""?(false|False|FALSE)\b")]
    private static partial Regex NotFree();
}
