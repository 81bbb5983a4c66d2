using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>The page's meta tags by name, property or itemprop (lower case), every value in order.</summary>
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
            foreach (var key in new[] { element.GetAttribute("property"), element.GetAttribute("name"), element.GetAttribute("itemprop"), element.GetAttribute("http-equiv") })
            {
                if (string.IsNullOrWhiteSpace(key)) continue;
                if (!values.TryGetValue(key.Trim(), out var list)) values[key.Trim()] = list = [];
                list.Add(DomWalk.Collapse(content));
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
