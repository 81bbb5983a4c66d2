using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>The page's meta tags by name, property or itemprop (any case; each of several space-separated properties), every value in order.</summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.OrdinalIgnoreCase);

    public MetaTags(IEnumerable<IElement> elements)
    {
        foreach (var element in elements)
        {
            if (element.LocalName != "meta") continue;
            var content = element.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content)) continue;
            foreach (var attribute in new[] { element.GetAttribute("property"), element.GetAttribute("name"), element.GetAttribute("itemprop"), element.GetAttribute("http-equiv") })
            {
                if (string.IsNullOrWhiteSpace(attribute)) continue;
                // RDFa allows several properties in one attribute: property="dc:title og:title".
                foreach (var key in attribute.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!values.TryGetValue(key, out var list)) values[key] = list = [];
                    list.Add(DomWalk.Collapse(content));
                }
            }
        }
    }

    public string? First(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (values.TryGetValue(key, out var list) && list.Count > 0) return list[0];
        }
        return null;
    }

    public IReadOnlyList<string> All(string key) => values.TryGetValue(key, out var list) ? list : [];
}
