using ForeignDesk.Store.Migrations;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore
{
    /// <summary>The ids of the migrations this build applies: the schema a database file has once migrated.</summary>
    public static IReadOnlyList<string> SchemaMigrationIds { get; } = SqliteSchema.Migrations.Select(m => m.Id).ToArray();

    public async Task<bool> IsSchemaCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (await ScalarAsync(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", cancellationToken) is null)
            return false;
        var applied = await QueryRowsAsync(connection, "SELECT id FROM schema_migrations", r => r.GetString(0), cancellationToken);
        return SchemaMigrationIds.All(applied.Contains);
    }

    /// <summary>
    /// Merges the search index into one segment (FTS5 <c>optimize</c>), so that a word is read from one doclist
    /// instead of one per segment that article-by-article indexing leaves behind. Takes about a minute for 200 000
    /// articles and holds the write lock meanwhile (readers go on): after bulk imports, not after each article.
    /// </summary>
    public async Task OptimizeSearchIndexAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "INSERT INTO article_search (article_search) VALUES ('optimize'); PRAGMA optimize;", cancellationToken);
    }
}
