namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>One step of the PostgreSQL schema, applied once and recorded by its id.</summary>
internal sealed record PostgresMigration(string Id, string Sql);

/// <summary>
/// The PostgreSQL schema as an ordered list of migrations. Each runs once and is recorded in <c>schema_migrations</c>;
/// the ones not applied yet run in one transaction (PostgreSQL's DDL is transactional: all or none) under an advisory
/// lock, so that processes starting together apply them once. A migration is never edited after it has shipped, only
/// followed by another.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock that orders migrations, and the one that orders changes (see <see cref="M0001Initial"/>).</summary>
    public const long MigrationLock = 0x466f_7265_6967_6e01;
    public const long ChangeOrderLock = 0x466f_7265_6967_6e02;

    /// <summary>The first key of the two-key advisory locks that serialize rewrites of one article's related list (the second: the article id's hash).</summary>
    public const int RelatedListLocks = 0x466f_7201;

    public static readonly IReadOnlyList<PostgresMigration> Migrations =
    [
        M0001Initial.Migration,
        M0002Operators.Migration,
        M0003Jobs.Migration,
        M0004JobExpiries.Migration,
        M0005HostSlots.Migration,
        M0006Withdrawals.Migration,
        M0007ArticleVersions.Migration,
        M0008CheckCounts.Migration,
        M0009StoreClock.Migration,
        M0013Rechecks.Migration,
        M0011AwaitingEngineIndex.Migration,
        M0012ImageChecks.Migration,
        M0014SearchThroughIndex.Migration,
    ];
}
