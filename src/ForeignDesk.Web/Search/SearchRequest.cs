using System.Globalization;
using ForeignDesk.Core;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Search;

/// <summary>The search parameters of a request, read leniently: a value that cannot be used is reported, never thrown.</summary>
/// <param name="Problem">What was wrong with a filter (a bad date), for the reader; the search still runs without it.</param>
internal sealed record SearchRequest(SearchQuery Query, string? From, string? To, string? Problem)
{
    public static SearchRequest Read(HttpRequest request, IReadOnlyList<string> categories)
    {
        var q = request.Query;
        var problems = new List<string>();
        var from = Date(q["from"], "from", problems);
        var to = Date(q["to"], "to", problems);
        if (from is { } f && to is { } t && f > t)
        {
            problems.Add("The start date is after the end date; the dates were left out.");
            from = to = null;
        }
        var sort = string.Equals(q["sort"], "newest", StringComparison.OrdinalIgnoreCase) ? SearchSort.Newest : SearchSort.Relevance;
        var page = int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? Math.Min(p, SearchQuery.MaxPage + 1) : 1;
        long? upTo = null;
        if (Text(q["upto"]) is { } pin)
        {
            if (long.TryParse(pin, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 0) upTo = id;
            else problems.Add("The result pages were started again from the newest articles.");
        }
        var category = Text(q["category"]) is { } c ? categories.FirstOrDefault(k => k == c || Slug.From(k) == c) ?? c : null;

        var query = new SearchQuery(
            Text: q["q"].ToString(),
            Language: Text(q["lang"])?.ToLowerInvariant(),
            SourceSlug: Text(q["source"]),
            Category: category,
            FromUtc: from is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            ToUtc: to is { } end ? new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Sort: sort,
            Page: page,
            UpToId: upTo);
        return new SearchRequest(query, from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), problems.Count == 0 ? null : string.Join(' ', problems));
    }

    /// <summary>The query string of this search on another page (null keeps the page number out), over the same articles.</summary>
    public string Link(int? page, long? upTo = null)
    {
        var query = Query;
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("q", query.Text), new("lang", query.Language), new("source", query.SourceSlug), new("category", query.Category),
            new("from", From), new("to", To), new("sort", query.Sort == SearchSort.Newest ? "newest" : null),
            new("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null),
            new("upto", page is > 1 && (upTo ?? query.UpToId) is { } pin ? pin.ToString(CultureInfo.InvariantCulture) : null),
        };
        return "/search" + Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>The dates a filter can name: news from 1990 to 2200.</summary>
    internal static readonly DateOnly FirstDay = new(1990, 1, 1);
    internal static readonly DateOnly LastDay = new(2200, 12, 31);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? value, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add($"“{(value.Length > 40 ? value[..40] + "…" : value)}” is not a date like 2026-11-29; the {name} date was left out.");
            return null;
        }
        if (date < FirstDay || date > LastDay)
        {
            problems.Add($"{value.Trim()} is outside the years searched ({FirstDay.Year} to {LastDay.Year}); the {name} date was left out.");
            return null;
        }
        return date;
    }
}
