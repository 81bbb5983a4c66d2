namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>Earlier versions of articles, as the SQLite store's migration 0970 keeps them.</summary>
internal static class M0007ArticleVersions
{
    public static readonly PostgresMigration Migration = new("0007-article-versions",
        """
        CREATE TABLE article_versions (
            article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            number integer NOT NULL,
            from_at timestamptz NOT NULL,
            until_at timestamptz NOT NULL,
            cause smallint NOT NULL,
            ended_by smallint NOT NULL,
            original jsonb NOT NULL,
            translation jsonb,
            PRIMARY KEY (article_id, number)
        );
        """);
}
