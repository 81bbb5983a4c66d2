using System.Text;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>
/// A forgiving element tree: built by <see cref="FeedTreeReader"/> with names as written, namespaces resolved from
/// the xmlns attributes in scope (or from well-known prefixes when a feed forgot to declare them).
/// </summary>
internal sealed class FeedNode(string name, FeedNode? parent)
{
    private static readonly Dictionary<string, string> KnownPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dc"] = FeedNamespaces.DublinCore,
        ["dcterms"] = FeedNamespaces.DublinCoreTerms,
        ["content"] = FeedNamespaces.Content,
        ["atom"] = FeedNamespaces.Atom10,
        ["rdf"] = FeedNamespaces.Rdf,
        ["xml"] = "http://www.w3.org/XML/1998/namespace",
    };

    private readonly List<object> content = [];

    public string Name { get; } = name;

    public FeedNode? Parent { get; } = parent;

    public List<KeyValuePair<string, string>> Attributes { get; } = [];

    public string LocalName => Name[(Name.IndexOf(':') + 1)..];

    public string Prefix => Name.IndexOf(':') is var colon and > 0 ? Name[..colon] : "";

    public string Namespace => LookupNamespace(Prefix);

    public IEnumerable<FeedNode> Elements => content.OfType<FeedNode>();

    public void Add(FeedNode child) => content.Add(child);

    public void AddText(string text)
    {
        if (content.Count > 0 && content[^1] is StringBuilder last)
        {
            last.Append(text);
        }
        else
        {
            content.Add(new StringBuilder(text));
        }
    }

    public string? Attr(string qualifiedName) =>
        Attributes.FirstOrDefault(a => a.Key.Equals(qualifiedName, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The first child element with this local name in one of the namespaces ("" = no namespace).</summary>
    public FeedNode? Child(string localName, params string[] namespaces) =>
        Children(localName, namespaces).FirstOrDefault();

    public IEnumerable<FeedNode> Children(string localName, params string[] namespaces) =>
        Elements.Where(e => e.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase)
            && (namespaces.Length == 0 || namespaces.Contains(e.Namespace, StringComparer.OrdinalIgnoreCase)));

    /// <summary>All text below this element, markup dropped.</summary>
    public string InnerText
    {
        get
        {
            var builder = new StringBuilder();
            AppendText(builder);
            return builder.ToString();
        }
    }

    /// <summary>The children as markup (for Atom xhtml content).</summary>
    public string InnerXml
    {
        get
        {
            var builder = new StringBuilder();
            AppendMarkup(builder);
            return builder.ToString();
        }
    }

    public string LookupNamespace(string prefix)
    {
        var attribute = prefix.Length == 0 ? "xmlns" : "xmlns:" + prefix;
        for (var node = this; node is not null; node = node.Parent)
        {
            if (node.Attr(attribute) is { } uri)
            {
                return uri.Trim();
            }
        }

        return prefix.Length > 0 && KnownPrefixes.TryGetValue(prefix, out var known) ? known : "";
    }

    /// <summary>The base URI in scope for this element: the document URL refined by every xml:base down to it.</summary>
    public Uri BaseUri(Uri documentUrl)
    {
        var chain = new Stack<FeedNode>();
        for (var node = this; node is not null; node = node.Parent)
        {
            chain.Push(node);
        }

        var current = documentUrl;
        foreach (var node in chain)
        {
            if (node.Attr("xml:base") is { } xmlBase && FeedUrls.Resolve(xmlBase, current) is { } resolved)
            {
                current = resolved;
            }
        }

        return current;
    }

    private void AppendText(StringBuilder builder)
    {
        foreach (var item in content)
        {
            if (item is FeedNode node)
            {
                node.AppendText(builder);
            }
            else
            {
                builder.Append(item);
            }
        }
    }

    private void AppendMarkup(StringBuilder builder)
    {
        foreach (var item in content)
        {
            if (item is not FeedNode node)
            {
                builder.Append(System.Net.WebUtility.HtmlEncode(item.ToString()));
                continue;
            }

            builder.Append('<').Append(node.LocalName);
            foreach (var (key, value) in node.Attributes)
            {
                if (!key.StartsWith("xmlns", StringComparison.Ordinal))
                {
                    builder.Append(' ').Append(key).Append("=\"").Append(System.Net.WebUtility.HtmlEncode(value)).Append('"');
                }
            }

            builder.Append('>');
            node.AppendMarkup(builder);
            builder.Append("</").Append(node.LocalName).Append('>');
        }
    }
}
