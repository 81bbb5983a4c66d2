using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.Search;

/// <summary>The full search form with its filters, filled in with the current search.</summary>
internal static class SearchForm
{
    public static void Write(HtmlBuilder page, SearchRequest search, IReadOnlyList<string> categories, IReadOnlyList<Source> sources)
    {
        var query = search.Query;
        page.Add($"""
            <form class="search-form" action="/search" method="get" role="search">
            <p><label for="search-q">Words</label> <input id="search-q" type="search" name="q" value="{query.Text}" maxlength="{SearchQuery.MaxTextLength}"> <button type="submit">Search</button></p>
            <p class="filters">
            """);
        Select(page, "lang", "Language", "Any language", query.Language,
            sources.Select(s => s.Language).OfType<string>().Append(query.Language).OfType<string>().Distinct().Order()
                .Select(l => (l, Stamps.LanguageName(l))));
        Select(page, "source", "Outlet", "Any outlet", query.SourceSlug, sources.Select(s => (s.Slug, s.Name)));
        Select(page, "category", "Category", "Any category", query.Category, categories.Select(c => (c, c)));
        page.Add($"""
             <label>From <input type="date" name="from" value="{search.From}"></label>
             <label>To <input type="date" name="to" value="{search.To}"></label>
            """);
        Select(page, "sort", "Order", null, query.Sort == SearchSort.Newest ? "newest" : "relevance",
            [("relevance", "Most relevant"), ("newest", "Newest first")]);
        page.Add($"</p>\n</form>\n");
    }

    private static void Select(HtmlBuilder page, string name, string label, string? any, string? selected, IEnumerable<(string Value, string Text)> options)
    {
        page.Add($" <label>{label} <select name=\"{name}\">");
        if (any is not null) page.Add($"<option value=\"\">{any}</option>");
        foreach (var (value, text) in options)
            page.Add($"<option value=\"{value}\"{(value == selected ? new TrustedHtml(" selected") : TrustedHtml.Empty)}>{text}</option>");
        page.Add($"</select></label>");
    }
}
