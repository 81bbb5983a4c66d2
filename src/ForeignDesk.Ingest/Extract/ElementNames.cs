using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>What an element's class, id and marking attributes (hidden, style, role, itemprop) say, as flags.</summary>
[Flags]
internal enum NameKinds
{
    None = 0,
    Boilerplate = 1,
    Lead = 2,
    Body = 4,
    PositiveWeight = 8,
    NegativeWeight = 16,

    /// <summary>A <c>hidden</c> attribute, or a style with <c>display: none</c> or <c>visibility: hidden</c>.</summary>
    Hidden = 32,

    /// <summary>A role of page chrome: navigation, banner, contentinfo, menu, menubar, dialog, alertdialog, search.</summary>
    ChromeRole = 64,

    /// <summary>The role <c>complementary</c> (an aside).</summary>
    ComplementaryRole = 128,

    /// <summary>An itemprop of the article's metadata: author, publisher, datePublished, dateModified, dateCreated.</summary>
    MetaItemprop = 256,

    /// <summary>The itemprop <c>articleBody</c>.</summary>
    BodyItemprop = 512,

    /// <summary>A class or id naming links to other content ("related-posts", "recommended", "more-stories").</summary>
    Related = 1024,

    /// <summary>Set on a cached value once the attributes were read (so that a cached None differs from "not read yet").</summary>
    Known = 1 << 30,
}

/// <summary>
/// Reads an element's attributes in one pass, and tests its class and id against the name patterns once per distinct
/// name string: pages repeat the same class lists on many elements, and the patterns are the hot path of extraction.
/// </summary>
internal static partial class ElementNames
{
    private const int MaxEntries = 100_000;
    private static readonly ConcurrentDictionary<(string Classes, string Id), NameKinds> Cache = new();
    private static int entries;

    public static NameKinds Of(IElement element)
    {
        var attributes = element.Attributes;
        if (attributes.Length == 0) return NameKinds.None;
        string classes = string.Empty, id = string.Empty;
        var kinds = NameKinds.None;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            if (attribute.NamespaceUri is not null) continue;
            switch (attribute.LocalName)
            {
                case "class":
                    classes = attribute.Value;
                    break;
                case "id":
                    id = attribute.Value;
                    break;
                case "hidden":
                    kinds |= NameKinds.Hidden;
                    break;
                case "style" when HiddenStyle().IsMatch(attribute.Value):
                    kinds |= NameKinds.Hidden;
                    break;
                case "role":
                    kinds |= attribute.Value switch
                    {
                        "navigation" or "banner" or "contentinfo" or "menu" or "menubar" or "dialog" or "alertdialog" or "search" => NameKinds.ChromeRole,
                        "complementary" => NameKinds.ComplementaryRole,
                        _ => NameKinds.None,
                    };
                    break;
                case "itemprop":
                    kinds |= attribute.Value switch
                    {
                        "author" or "publisher" or "datePublished" or "dateModified" or "dateCreated" => NameKinds.MetaItemprop,
                        "articleBody" or "articlebody" => NameKinds.BodyItemprop,
                        _ => NameKinds.None,
                    };
                    break;
            }
        }
        if (id.Length > 0 && IsHeadingAnchor(element, id)) id = string.Empty;
        return classes.Length == 0 && id.Length == 0 ? kinds : kinds | OfNames(classes, id);
    }

    private const int MinAnchorWords = 4;

    /// <summary>
    /// Whether the id is the anchor made from the element's own heading ("sharing-with-a-single-developer" on a section
    /// under "Sharing with a single developer"): it names the topic of the section, not the kind of block, so a word in
    /// it ("sharing", "shared", "comments") says nothing. Short anchors ("related-articles") and headings that announce
    /// other content or a prompt keep their say.
    /// </summary>
    private static bool IsHeadingAnchor(IElement element, string id)
    {
        if (element.FirstElementChild is not { LocalName: "h1" or "h2" or "h3" or "h4" or "h5" or "h6" } heading) return false;
        var words = id.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < MinAnchorWords) return false;
        var text = DomWalk.Collapse(heading.TextContent);
        return string.Equals(Slug(text), string.Join('-', words), StringComparison.OrdinalIgnoreCase) && !BoilerplateRules.IsBoilerplateText(text);
    }

    /// <summary>Letters and digits of the text, lower case, each run of anything else turned into one hyphen.</summary>
    private static string Slug(string text)
    {
        var buffer = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) buffer.Append(char.ToLowerInvariant(c));
            else if (buffer.Length > 0 && buffer[^1] != '-') buffer.Append('-');
        }
        return buffer.ToString().TrimEnd('-');
    }

    /// <summary>
    /// What a class list and id say. The key is the pair itself, so that a hit allocates nothing; the size is kept in a
    /// counter of its own, because ConcurrentDictionary.Count takes every lock.
    /// </summary>
    private static NameKinds OfNames(string classes, string id)
    {
        if (Cache.TryGetValue((classes, id), out var kinds)) return kinds;
        kinds = BoilerplateRules.Classify((classes + " " + id).ToLowerInvariant());
        if (Interlocked.Increment(ref entries) > MaxEntries)
        {
            Cache.Clear();
            Interlocked.Exchange(ref entries, 0);
        }
        Cache[(classes, id)] = kinds;
        return kinds;
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();
}
