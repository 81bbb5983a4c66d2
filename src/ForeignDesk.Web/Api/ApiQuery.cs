using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Web.Search;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Api;

/// <summary>
/// The filters and page size that the article list and search share, read strictly: each value that cannot be used is
/// named in <see cref="Errors"/>, for a 400 answer.
/// </summary>
internal sealed class ApiQuery(HttpRequest request)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public Dictionary<string, string[]> Errors { get; } = [];

    private IQueryCollection Query => request.Query;

    /// <summary>One value of a parameter; an error when it is given twice.</summary>
    public string? Text(string name)
    {
        var values = Query[name];
        if (values.Count > 1) Errors[name] = ["Give this parameter once."];
        return values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;
    }

    public int Limit()
    {
        if (Text("limit") is not { } text) return DefaultLimit;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit) return limit;
        Errors["limit"] = [$"A page holds 1 to {MaxLimit} items."];
        return DefaultLimit;
    }

    /// <summary>An ISO 639 code (two or three letters), lower-cased.</summary>
    public string? Language()
    {
        if (Text("lang") is not { } text) return null;
        if (text.Length is 2 or 3 && text.All(char.IsAsciiLetter)) return text.ToLowerInvariant();
        Errors["lang"] = ["A language is an ISO 639 code, such as es or de."];
        return null;
    }

    /// <summary>A category by name or slug, among <paramref name="categories"/>.</summary>
    public string? Category(IReadOnlyList<string> categories)
    {
        if (Text("category") is not { } text) return null;
        var category = categories.FirstOrDefault(c => c == text || Slug.From(c) == text);
        if (category is null) Errors["category"] = ["There is no such category; /api/v1/categories lists them."];
        return category;
    }

    /// <summary>An outlet by slug; an error when there is none.</summary>
    public async Task<Source?> SourceAsync(IArticleStore store, CancellationToken cancellationToken)
    {
        if (Text("source") is not { } slug) return null;
        var source = slug.Length <= 200 ? await store.GetSourceAsync(slug, cancellationToken) : null;
        if (source is null) Errors["source"] = ["There is no such source; /api/v1/sources lists them."];
        return source;
    }

    /// <summary>
    /// <c>from</c> and <c>to</c>, both days (yyyy-MM-dd, UTC) included: the start instant, and the instant after the end.
    /// </summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Dates()
    {
        var from = Date("from");
        var to = Date("to");
        if (from is { } f && to is { } t && f > t) Errors["to"] = ["The end date comes before the start date."];
        return (from is { } start ? Midnight(start) : null, to is { } end ? Midnight(end.AddDays(1)) : null);
    }

    private DateOnly? Date(string name)
    {
        if (Text(name) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date >= SearchRequest.FirstDay && date <= SearchRequest.LastDay)
            return date;
        Errors[name] = [$"A date is written yyyy-MM-dd, from {SearchRequest.FirstDay:yyyy-MM-dd} to {SearchRequest.LastDay:yyyy-MM-dd}."];
        return null;
    }

    /// <summary>The position in a cursor made for <paramref name="list"/>; null for the first page.</summary>
    public string? Cursor(string list)
    {
        if (Text("cursor") is not { } cursor) return null;
        if (ApiCursor.TryDecode(cursor, list, out var position)) return position;
        Errors["cursor"] = ["This cursor was not made for this list (or was altered). Start again without one."];
        return null;
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
