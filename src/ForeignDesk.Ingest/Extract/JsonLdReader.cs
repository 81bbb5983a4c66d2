using System.Text.Json;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Reads schema.org NewsArticle/Article data from JSON-LD blocks, including @graph arrays.</summary>
internal static class JsonLdReader
{
    private const int MaxNodes = 20_000;

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting",
        "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "Reportage",
    };

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    private static readonly (string Open, string Close)[] Wrappers =
        [("<!--", "-->"), ("/*<![CDATA[*/", "/*]]>*/"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")];

    public static JsonLdFacts Read(IEnumerable<string> blocks)
    {
        JsonLdFacts? article = null;
        IReadOnlyList<Crumb> breadcrumb = [];
        List<JsonLdImage>? images = null;
        string? publisher = null;
        foreach (var block in blocks)
        {
            using var document = Parse(block);
            if (document is null) continue;
            foreach (var node in Objects(document.RootElement))
            {
                if (HasType(node, "BreadcrumbList") && breadcrumb.Count == 0) breadcrumb = Crumbs(node);
                if (publisher is null && (HasType(node, "NewsMediaOrganization") || HasType(node, "Organization")))
                    publisher = Str(node, "name");
                if (article is null && ArticleTypes.Overlaps(Types(node))) article = Facts(node);
                if (HasType(node, "ImageObject") && Image(node) is { } image) (images ??= []).Add(image);
            }
        }
        var facts = article ?? JsonLdFacts.None;
        return facts with
        {
            Breadcrumb = breadcrumb,
            PublisherName = facts.PublisherName ?? publisher,
            Images = images ?? [],
        };
    }

    private static JsonDocument? Parse(string text)
    {
        var trimmed = Unwrapped(text);
        foreach (var candidate in new[] { trimmed, trimmed.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ') })
        {
            try
            {
                return JsonDocument.Parse(candidate, Options);
            }
            catch (JsonException)
            {
                // Outlets often put raw newlines inside strings; the second candidate repairs that.
                continue;
            }
        }
        return null;
    }

    /// <summary>
    /// The JSON inside the wrappers pages put around script text to hide it from old parsers: an HTML comment
    /// (<c>&lt;!-- … --&gt;</c>) or a CDATA section, bare or behind line or block comments
    /// (<c>//&lt;![CDATA[ … //]]&gt;</c>, <c>/*&lt;![CDATA[*/ … /*]]&gt;*/</c>).
    /// </summary>
    internal static string Unwrapped(string text)
    {
        var trimmed = text.Trim();
        foreach (var (open, close) in Wrappers)
        {
            if (trimmed.StartsWith(open, StringComparison.Ordinal)) trimmed = trimmed[open.Length..].TrimStart();
            if (trimmed.EndsWith(close, StringComparison.Ordinal)) trimmed = trimmed[..^close.Length].TrimEnd();
        }
        return trimmed;
    }

    /// <summary>Every JSON object in the tree, breadth first, without recursion.</summary>
    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        var queue = new Queue<JsonElement>();
        queue.Enqueue(root);
        var seen = 0;
        while (queue.Count > 0 && seen++ < MaxNodes)
        {
            var node = queue.Dequeue();
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray()) queue.Enqueue(item);
            }
            else if (node.ValueKind == JsonValueKind.Object)
            {
                yield return node;
                foreach (var property in node.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) queue.Enqueue(property.Value);
                }
            }
        }
    }

    private static JsonLdFacts Facts(JsonElement node)
    {
        var image = node.TryGetProperty("image", out var img) ? First(img) : default;
        return new JsonLdFacts(
            Headline: Str(node, "headline") ?? Str(node, "name"),
            Description: Str(node, "description"),
            ArticleBody: Str(node, "articleBody") ?? Str(node, "text"),
            Authors: node.TryGetProperty("author", out var author) ? Names(author, peopleOnly: true) : [],
            Published: Str(node, "datePublished"),
            Modified: Str(node, "dateModified"),
            Language: Str(node, "inLanguage"),
            Section: node.TryGetProperty("articleSection", out var section) ? Strings(section).FirstOrDefault() : null,
            ImageUrl: image.ValueKind == JsonValueKind.String ? image.GetString()
                : image.ValueKind == JsonValueKind.Object ? Str(image, "url") ?? Str(image, "contentUrl") : null,
            ImageCaption: image.ValueKind == JsonValueKind.Object ? Str(image, "caption") ?? Str(image, "description") : null,
            Keywords: node.TryGetProperty("keywords", out var keywords) ? Strings(keywords).SelectMany(SplitKeywords).ToList() : [],
            PublisherName: node.TryGetProperty("publisher", out var publisher) ? Names(publisher).FirstOrDefault() : null,
            Breadcrumb: [])
        {
            Created = Str(node, "dateCreated"),
            DeclaredPeople = node.TryGetProperty("author", out var people) ? DeclaredPeople(people) : [],
            AuthorOrganizations = node.TryGetProperty("author", out var organizations) ? Organizations(organizations) : [],
        };
    }

    private static IEnumerable<string> SplitKeywords(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The list's items ordered by their position (document order where positions are missing or equal).</summary>
    private static List<Crumb> Crumbs(JsonElement list)
    {
        if (!list.TryGetProperty("itemListElement", out var items) || items.ValueKind != JsonValueKind.Array) return [];
        var crumbs = new List<(double Position, Crumb Crumb)>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            var inner = item.TryGetProperty("item", out var value) ? value : default;
            var name = Str(item, "name") ?? (inner.ValueKind == JsonValueKind.Object ? Str(inner, "name") : null);
            if (string.IsNullOrWhiteSpace(name)) continue;
            var url = inner.ValueKind switch
            {
                JsonValueKind.String => inner.GetString(),
                JsonValueKind.Object => Str(inner, "@id") ?? Str(inner, "url"),
                _ => Str(item, "url"),
            };
            crumbs.Add((Position(item) ?? crumbs.Count + 1, new Crumb(DomWalk.Collapse(name), url)));
        }
        return crumbs.OrderBy(c => c.Position).Select(c => c.Crumb).ToList();
    }

    private static double? Position(JsonElement item)
    {
        if (!item.TryGetProperty("position", out var position)) return null;
        if (position.ValueKind == JsonValueKind.Number && position.TryGetDouble(out var number)) return number;
        return position.ValueKind == JsonValueKind.String && double.TryParse(position.GetString(), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static JsonLdImage? Image(JsonElement node)
    {
        var url = Str(node, "url") ?? Str(node, "contentUrl");
        if (url is null) return null;
        var credit = Str(node, "creditText")
            ?? (node.TryGetProperty("copyrightHolder", out var holder) ? Names(holder).FirstOrDefault() : null)
            ?? (node.TryGetProperty("author", out var author) ? Names(author).FirstOrDefault() : null)
            ?? (node.TryGetProperty("creator", out var creator) ? Names(creator).FirstOrDefault() : null);
        return new JsonLdImage(url, Str(node, "caption") ?? Str(node, "description"), credit);
    }

    /// <summary>Names of people from a string, an object or an array; organizations are left out.</summary>
    private static List<string> Names(JsonElement value, bool peopleOnly = false)
    {
        var names = new List<string>();
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())) names.Add(item.GetString()!);
            else if (item.ValueKind == JsonValueKind.Object && !(peopleOnly && IsOrganization(item)) && Str(item, "name") is { } name) names.Add(name);
        }
        return names;
    }

    /// <summary>Names of the objects typed Person, from an object or an array.</summary>
    private static List<string> DeclaredPeople(JsonElement value) => NamesOf(value, item => HasType(item, "Person"));

    /// <summary>Names of the objects typed as an organization, from an object or an array.</summary>
    private static List<string> Organizations(JsonElement value) => NamesOf(value, IsOrganization);

    private static List<string> NamesOf(JsonElement value, Func<JsonElement, bool> typed) =>
        (value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value])
            .Where(item => item.ValueKind == JsonValueKind.Object && typed(item))
            .Select(item => Str(item, "name"))
            .OfType<string>()
            .ToList();

    private static List<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList(),
        _ => [],
    };

    private static JsonElement First(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().FirstOrDefault() : value;

    private static string? Str(JsonElement node, string name)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out var value)) return null;
        value = First(value);
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Str(value, "name") ?? Str(value, "@value"),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static bool HasType(JsonElement node, string type) => Types(node).Contains(type, StringComparer.OrdinalIgnoreCase);

    private static List<string> Types(JsonElement node) =>
        node.TryGetProperty("@type", out var type) ? Strings(type) : [];

    internal static bool IsOrganization(JsonElement node) => HasType(node, "Organization") || HasType(node, "NewsMediaOrganization");
}
