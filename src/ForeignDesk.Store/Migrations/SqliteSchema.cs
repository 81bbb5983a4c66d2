namespace ForeignDesk.Store.Migrations;

/// <summary>One step of the SQLite schema, applied once and recorded by its id.</summary>
internal sealed record SqliteMigration(string Id, string Sql);

/// <summary>
/// The SQLite schema as an ordered list of migrations. Each runs once, in its own transaction, and is recorded in
/// <c>schema_migrations</c>; a migration is never edited after it has shipped, only followed by another.
/// </summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<SqliteMigration> Migrations =
    [
        M0001Initial.Migration,
        M0100TranslationMemory.Migration,
        M0200Endpoints.Migration,
        M0300Search.Migration,
        M0310SearchPrefixes.Migration,
        M0400Stories.Migration,
        M0410StoryMerges.Migration,
        M0500WebSub.Migration,
        M0600CompactArticles.Migration,
        M0700PageVersions.Migration,
        M0710UntranslatedIndex.Migration,
        M0720OtherLanguage.Migration,
        M0800ArticleLines.Migration,
        M0810ArticlesLanguage.Migration,
        M0900Jobs.Migration,
        M0950Operators.Migration,
        M0910JobExpiries.Migration,
        M0920HostSlots.Migration,
        M0930Leaders.Migration,
        M0960Withdrawals.Migration,
        M0970ArticleVersions.Migration,
        M0980CheckCounts.Migration,
        M0990SteadyLeases.Migration,
        M0998Rechecks.Migration,
        M0996AwaitingEngineIndex.Migration,
        M0997ImageChecks.Migration,
        M1002ListedDays.Migration,
        M1003ViewsByHour.Migration,
    ];
}
