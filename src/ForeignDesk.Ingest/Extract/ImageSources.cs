using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Where an &lt;img&gt; really points (lazy-loading attributes, srcset, &lt;picture&gt; sources), a key that is the same
/// for every size variant of one picture, and the rules that tell pictures from pixels, icons, logos, avatars and ads.
/// </summary>
internal static partial class ImageSources
{
    private const int MinSide = 100;
    private const int MaxUrlLength = 2048;

    private static readonly string[] LazyAttributes = ["data-src", "data-lazy-src", "data-original", "data-lazy", "data-url"];

    private static readonly string[] AdHosts =
    [
        "doubleclick.", "googlesyndication.", "googleadservices.", "adservice.", "amazon-adsystem.", "adnxs.", "criteo.",
        "taboola.", "outbrain.", "scorecardresearch.", "google-analytics.", "quantserve.", "chartbeat.", "facebook.com",
        "pixel.", "ads.", "adserver.", "smartadserver.", "pubmatic.", "rubiconproject.",
    ];

    /// <summary>
    /// The URL to show for an image, resolved against the page and http(s) only: a lazy-loading attribute first (its
    /// <c>src</c> is then often a placeholder), then <c>src</c>, then the widest <c>srcset</c> candidate.
    /// </summary>
    public static string? Url(IElement img, Uri pageUrl)
    {
        foreach (var name in LazyAttributes)
        {
            if (Absolute(img.GetAttribute(name), pageUrl) is { } lazy && !IsPlaceholder(lazy)) return lazy;
        }
        if (Absolute(img.GetAttribute("src"), pageUrl) is { } src && !IsPlaceholder(src)) return src;
        foreach (var set in SrcSets(img))
        {
            if (Absolute(Widest(set), pageUrl) is { } widest && !IsPlaceholder(widest)) return widest;
        }
        return null;
    }

    /// <summary>The keys of every URL the image may load (src, lazy attributes, all srcset and &lt;source&gt; candidates).</summary>
    public static IEnumerable<string> Keys(IElement img, Uri pageUrl)
    {
        var raw = LazyAttributes.Select(img.GetAttribute).Append(img.GetAttribute("src"))
            .Concat(SrcSets(img).SelectMany(Candidates).Select(c => c.Url));
        foreach (var value in raw)
        {
            if (Absolute(value, pageUrl) is { } url && !IsPlaceholder(url)) yield return Key(url);
        }
    }

    /// <summary>
    /// The same for every size variant of one picture: host and path in lower case, without the query of an image
    /// file's URL, dimension pairs ("800x600") or width and density markers ("-800w", "@2x") in the path.
    /// </summary>
    public static string Key(string absoluteUrl)
    {
        if (!Uri.TryCreate(absoluteUrl, UriKind.Absolute, out var uri)) return absoluteUrl;
        var path = uri.AbsolutePath.ToLowerInvariant();
        path = SizeMarker().Replace(path, string.Empty);
        var keepQuery = !ImageExtension().IsMatch(path);
        return uri.Host.ToLowerInvariant() + path + (keepQuery ? uri.Query : string.Empty);
    }

    /// <summary>True for images whose markup marks them as pixels, icons, logos, avatars or ads, or declares them under 100 pixels a side.</summary>
    public static bool IsJunkElement(IElement img, IElement holder)
    {
        if (Side(img.GetAttribute("width")) is < MinSide || Side(img.GetAttribute("height")) is < MinSide) return true;
        if (img.GetAttribute("style") is { } style && TinyStyle().IsMatch(style)) return true;
        return JunkName().IsMatch(Names(img)) || (holder != img && JunkName().IsMatch(Names(holder)));
    }

    /// <summary>True for URLs of ad and tracking hosts, of icon, logo and avatar files, and of SVG and ICO files.</summary>
    public static bool IsJunkUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return true;
        var host = uri.Host.ToLowerInvariant();
        if (AdHosts.Any(h => host.StartsWith(h, StringComparison.Ordinal) || host.Contains("." + h, StringComparison.Ordinal))) return true;
        var path = uri.AbsolutePath.ToLowerInvariant();
        return path.EndsWith(".svg", StringComparison.Ordinal) || path.EndsWith(".ico", StringComparison.Ordinal) || JunkPath().IsMatch(path);
    }

    /// <summary>The URL resolved against the page when it is http(s); inline data and over-long values are refused unparsed.</summary>
    public static string? Absolute(string? href, Uri pageUrl)
    {
        if (string.IsNullOrWhiteSpace(href) || href.Length > MaxUrlLength) return null;
        var trimmed = href.Trim();
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || !Uri.TryCreate(pageUrl, trimmed, out var url)) return null;
        return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps ? url.AbsoluteUri : null;
    }

    private static bool IsPlaceholder(string url) => PlaceholderName().IsMatch(url);

    private static string Names(IElement element) =>
        ((element.GetAttribute("class") ?? string.Empty) + " " + (element.Id ?? string.Empty)).ToLowerInvariant();

    /// <summary>A declared width or height in pixels ("300", "300px"); null for percentages or nothing.</summary>
    private static int? Side(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.EndsWith("px", StringComparison.OrdinalIgnoreCase)) text = text[..^2];
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var side) ? side : null;
    }

    /// <summary>The srcset attributes of the image and of the &lt;source&gt; elements of its &lt;picture&gt;.</summary>
    private static IEnumerable<string> SrcSets(IElement img)
    {
        foreach (var name in new[] { "data-srcset", "srcset", "data-lazy-srcset" })
        {
            if (img.GetAttribute(name) is { Length: > 0 } set) yield return set;
        }
        if (img.ParentElement is { LocalName: "picture" } picture)
        {
            foreach (var source in picture.Children)
            {
                if (source.LocalName != "source") continue;
                if ((source.GetAttribute("srcset") ?? source.GetAttribute("data-srcset")) is { Length: > 0 } set) yield return set;
            }
        }
    }

    private static string? Widest(string srcset) =>
        Candidates(srcset).OrderByDescending(c => c.Size).Select(c => c.Url).FirstOrDefault();

    /// <summary>The candidates of a srcset: a URL, then an optional "800w" or "2x" descriptor, separated by commas.</summary>
    internal static List<(string Url, double Size)> Candidates(string srcset)
    {
        var result = new List<(string, double)>();
        var i = 0;
        while (i < srcset.Length)
        {
            while (i < srcset.Length && (char.IsWhiteSpace(srcset[i]) || srcset[i] == ',')) i++;
            var start = i;
            while (i < srcset.Length && !char.IsWhiteSpace(srcset[i])) i++;
            var url = srcset[start..i];
            var descriptor = string.Empty;
            if (url.EndsWith(','))
            {
                url = url.TrimEnd(',');
            }
            else
            {
                var descriptorStart = i;
                while (i < srcset.Length && srcset[i] != ',') i++;
                descriptor = srcset[descriptorStart..i].Trim();
            }
            if (url.Length == 0) continue;
            var size = descriptor.Length > 1 && double.TryParse(descriptor[..^1], System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 1.0;
            result.Add((url, size));
        }
        return result;
    }

    [GeneratedRegex(@"([-_.@](\d{2,4}x\d{2,4}|\d{2,4}w|w\d{2,4}|\d(\.\d)?x)(?=[./_-]|$))|(/\d{2,4}x\d{2,4}(?=/))")]
    private static partial Regex SizeMarker();

    [GeneratedRegex(@"\.(jpe?g|png|gif|webp|avif|bmp|tiff?)$")]
    private static partial Regex ImageExtension();

    [GeneratedRegex(@"(^|[/_.-])(blank|spacer|transparent|placeholder|lazy|lazyload|loading)\.(gif|png|svg|jpe?g|webp)([?#]|$)|/(placeholders?|lazyload)/", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderName();

    /// <summary>A folder of icons, logos or avatars, or a file named for one (or for a tracking pixel).</summary>
    [GeneratedRegex(@"/(logos?|icons?|avatars?|emojis?|sprites?|favicons?|gravatars?|badges?|pixels?|tracking|beacons?)/|(^|[/_.-])(logo|icon|avatar|favicon|sprite|spacer|1x1)([_.-][^/]*)?$|/pixel\.(gif|png)$")]
    private static partial Regex JunkPath();

    [GeneratedRegex(@"(^|[\s_-])(logo\w*|icon\w*|avatar\w*|emoji|sprite|badge|favicon|gravatar|spinner|loader|pixel|tracking|author\w*|profile\w*|headshot|mugshot|ad|ads|adv|advert\w*|sponsor\w*|banner|promo\w*|dfp)($|[\s_-])")]
    private static partial Regex JunkName();

    [GeneratedRegex(@"(^|;)\s*(width|height)\s*:\s*[0-9]{1,2}(\.\d+)?px", RegexOptions.IgnoreCase)]
    private static partial Regex TinyStyle();
}
