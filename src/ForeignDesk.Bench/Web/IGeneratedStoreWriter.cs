using ForeignDesk.Store.Sqlite;

namespace ForeignDesk.Bench.Web;

/// <summary>
/// How <see cref="WebStoreGenerator"/> writes the bulk of a generated store (its sources go through the store's own
/// <c>AddSourceAsync</c>): the same content whatever the engine, only the writing differs.
/// </summary>
internal interface IGeneratedStoreWriter
{
    /// <summary>Stores translated articles; their ids, in input order.</summary>
    Task<IReadOnlyList<long>> InsertArticlesAsync(IEnumerable<BulkArticle> articles, CancellationToken cancellationToken);

    Task PlaceStoriesAsync(IEnumerable<BulkStory> stories, CancellationToken cancellationToken);

    Task SaveRelatedAsync(IEnumerable<BulkRelated> lists, CancellationToken cancellationToken);

    Task RecordViewsAsync(IEnumerable<BulkViews> views, CancellationToken cancellationToken);

    /// <summary>Whatever is left once everything is written (indexes built after loading, statistics).</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
