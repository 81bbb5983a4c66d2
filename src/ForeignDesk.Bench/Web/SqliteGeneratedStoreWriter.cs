using ForeignDesk.Store.Sqlite;

namespace ForeignDesk.Bench.Web;

/// <summary>The SQLite store's own bulk methods.</summary>
internal sealed class SqliteGeneratedStoreWriter(SqliteArticleStore store) : IGeneratedStoreWriter
{
    public Task<IReadOnlyList<long>> InsertArticlesAsync(IEnumerable<BulkArticle> articles, CancellationToken cancellationToken) =>
        store.BulkInsertAsync(articles, cancellationToken);

    public Task PlaceStoriesAsync(IEnumerable<BulkStory> stories, CancellationToken cancellationToken) => store.BulkPlaceStoriesAsync(stories, cancellationToken);

    public Task SaveRelatedAsync(IEnumerable<BulkRelated> lists, CancellationToken cancellationToken) => store.BulkSaveRelatedAsync(lists, cancellationToken);

    public Task RecordViewsAsync(IEnumerable<BulkViews> views, CancellationToken cancellationToken) => store.BulkRecordViewsAsync(views, cancellationToken);

    public Task CompleteAsync(CancellationToken cancellationToken) => store.CheckpointAsync(cancellationToken);
}
