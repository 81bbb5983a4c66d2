namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Earlier versions of articles (<see cref="ArticleVersions"/>): the outlet's text and the translation as shown, kept
/// when the outlet updates the article, when it is translated again differently, and when the editor corrects it.
/// </summary>
internal static class M0970ArticleVersions
{
    public static readonly SqliteMigration Migration = new("0970-article-versions",
        """
        CREATE TABLE article_versions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            from_ms INTEGER NOT NULL,
            until_ms INTEGER NOT NULL,
            cause INTEGER NOT NULL,
            ended_by INTEGER NOT NULL,
            original TEXT NOT NULL,
            translation TEXT,
            PRIMARY KEY (article_id, number)
        ) WITHOUT ROWID;
        """);
}
