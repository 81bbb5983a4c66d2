using System.Collections.Concurrent;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;

namespace ForeignDesk.Web.Search;

/// <summary>
/// The store's answers to searches, shared by everything that shows them: the search page, its JSON, its feeds and
/// the API's search. The same search asked again (by another of them, or by several readers at once) is answered by
/// the one run of it that is going on or done, until the pages of the lists are dropped (<see cref="PageTags.Lists"/>,
/// <see cref="PageTags.All"/>: the cached search pages go with them) or <see cref="PageCache.Lifetime"/> has passed.
/// The answers are kept as the store gave them: each page applies the sources' policies to them itself.
/// </summary>
internal sealed class SharedSearches(ISearchIndex index)
{
    /// <summary>Searches kept at most; past it every one is forgotten (a cached page does not need its search kept).</summary>
    public const int MostKept = 2000;

    private volatile ConcurrentDictionary<SearchQuery, Run> _runs = new();

    /// <summary>Searches kept now (running or done).</summary>
    public int Count => _runs.Count;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var runs = _runs;
        if (!runs.TryGetValue(query, out var run) || run.Expired)
        {
            if (runs.Count >= MostKept) runs = Forget();
            var started = new Run(index, query);
            run = runs.AddOrUpdate(query, started, (_, kept) => kept.Expired ? started : kept);
        }
        try
        {
            // The run is not the reader's: a reader who leaves stops waiting, and the others still get the answer.
            return await run.Results.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed run is not kept: the next reader asks the store again.
            runs.TryRemove(new KeyValuePair<SearchQuery, Run>(query, run));
            throw;
        }
    }

    /// <summary>Forgets every search: what the store answers may have changed.</summary>
    public ConcurrentDictionary<SearchQuery, Run> Forget()
    {
        var empty = new ConcurrentDictionary<SearchQuery, Run>();
        _runs = empty;
        return empty;
    }

    /// <summary>Whether a dropped tag drops the searches: those of the pages that show searches.</summary>
    public static bool Drops(string tag) => tag is PageTags.Lists or PageTags.All;

    /// <summary>One search of the store, started by the first reader who asks for it.</summary>
    internal sealed class Run(ISearchIndex index, SearchQuery query)
    {
        private readonly long _started = Environment.TickCount64;

        public Lazy<Task<SearchResults>> Results { get; } = new(() => index.SearchAsync(query, CancellationToken.None));

        public bool Expired => Environment.TickCount64 - _started > PageCache.Lifetime.TotalMilliseconds;
    }
}
