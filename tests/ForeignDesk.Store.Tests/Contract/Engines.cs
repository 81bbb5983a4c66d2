namespace ForeignDesk.Store.Tests.Contract;

// Each contract runs once per engine: one class per engine and contract.

public sealed class SqliteArticleStoreTests() : ArticleStoreContract(new SqliteEngine());
public sealed class PostgresArticleStoreTests(PostgresCluster cluster) : ArticleStoreContract(new PostgresEngine(cluster));
