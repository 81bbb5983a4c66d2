namespace ForeignDesk.Store.Migrations;

/// <summary>An index for the lists of one original language (its feeds and page), newest first.</summary>
internal static class M0810ArticlesLanguage
{
    public static readonly SqliteMigration Migration = new("0810-articles-language",
        "CREATE INDEX articles_language ON articles(language, published_ms DESC);");
}
