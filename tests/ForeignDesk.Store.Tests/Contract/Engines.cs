using ForeignDesk.Tests.Shared;

[assembly: Xunit.AssemblyFixture(typeof(PostgresCluster))]

namespace ForeignDesk.Store.Tests.Contract;

// Each contract runs once per engine: one class per engine and contract.

public sealed class SqliteArticleStoreTests() : ArticleStoreContract(new SqliteEngine());
public sealed class PostgresArticleStoreTests(PostgresCluster cluster) : ArticleStoreContract(new PostgresEngine(cluster));

public sealed class SqliteSourceEndpointStoreTests() : SourceEndpointStoreContract(new SqliteEngine());
public sealed class PostgresSourceEndpointStoreTests(PostgresCluster cluster) : SourceEndpointStoreContract(new PostgresEngine(cluster));

public sealed class SqliteTranslationMemoryTests() : TranslationMemoryContract(new SqliteEngine());
public sealed class PostgresTranslationMemoryTests(PostgresCluster cluster) : TranslationMemoryContract(new PostgresEngine(cluster));

public sealed class SqliteStoryStoreTests() : StoryStoreContract(new SqliteEngine());
public sealed class PostgresStoryStoreTests(PostgresCluster cluster) : StoryStoreContract(new PostgresEngine(cluster));

public sealed class SqliteSearchIndexTests() : SearchIndexContract(new SqliteEngine());
public sealed class PostgresSearchIndexTests(PostgresCluster cluster) : SearchIndexContract(new PostgresEngine(cluster));

public sealed class SqliteWebSubSubscriptionStoreTests() : WebSubSubscriptionStoreContract(new SqliteEngine());
public sealed class PostgresWebSubSubscriptionStoreTests(PostgresCluster cluster) : WebSubSubscriptionStoreContract(new PostgresEngine(cluster));

public sealed class SqlitePageChangesTests() : PageChangesContract(new SqliteEngine());
public sealed class PostgresPageChangesTests(PostgresCluster cluster) : PageChangesContract(new PostgresEngine(cluster));

public sealed class SqliteCategoryStoreTests() : CategoryStoreContract(new SqliteEngine());
public sealed class PostgresCategoryStoreTests(PostgresCluster cluster) : CategoryStoreContract(new PostgresEngine(cluster));

public sealed class SqliteTrendSignalsTests() : TrendSignalsContract(new SqliteEngine());
public sealed class PostgresTrendSignalsTests(PostgresCluster cluster) : TrendSignalsContract(new PostgresEngine(cluster));

public sealed class SqliteSearchResultsTests() : SearchResultsContract(new SqliteEngine());
public sealed class PostgresSearchResultsTests(PostgresCluster cluster) : SearchResultsContract(new PostgresEngine(cluster));

public sealed class SqliteOddQueryTests() : OddQueryContract(new SqliteEngine());
public sealed class PostgresOddQueryTests(PostgresCluster cluster) : OddQueryContract(new PostgresEngine(cluster));

public sealed class SqliteArchiveIndexTests() : ArchiveIndexContract(new SqliteEngine());
public sealed class PostgresArchiveIndexTests(PostgresCluster cluster) : ArchiveIndexContract(new PostgresEngine(cluster));

public sealed class SqliteOperatorStoreTests() : OperatorStoreContract(new SqliteEngine());
public sealed class PostgresOperatorStoreTests(PostgresCluster cluster) : OperatorStoreContract(new PostgresEngine(cluster));

public sealed class SqliteJobQueueTests() : JobQueueContract(new SqliteEngine());
public sealed class PostgresJobQueueTests(PostgresCluster cluster) : JobQueueContract(new PostgresEngine(cluster));

public sealed class SqliteHostSlotsTests() : HostSlotsContract(new SqliteEngine());
public sealed class PostgresHostSlotsTests(PostgresCluster cluster) : HostSlotsContract(new PostgresEngine(cluster));

public sealed class SqliteLeadershipTests() : LeadershipContract(new SqliteEngine());
public sealed class PostgresLeadershipTests(PostgresCluster cluster) : LeadershipContract(new PostgresEngine(cluster));
public sealed class SqliteArticleVersionTests() : ArticleVersionContract(new SqliteEngine());
public sealed class PostgresArticleVersionTests(PostgresCluster cluster) : ArticleVersionContract(new PostgresEngine(cluster));

public sealed class SqliteCheckCountsTests() : CheckCountsContract(new SqliteEngine());
public sealed class SqliteImageCheckTests() : ImageCheckContract(new SqliteEngine());
public sealed class PostgresImageCheckTests(PostgresCluster cluster) : ImageCheckContract(new PostgresEngine(cluster));
public sealed class PostgresCheckCountsTests(PostgresCluster cluster) : CheckCountsContract(new PostgresEngine(cluster));

public sealed class SqliteNewSourcePolicyTests() : NewSourcePolicyContract(new SqliteEngine());
public sealed class PostgresNewSourcePolicyTests(PostgresCluster cluster) : NewSourcePolicyContract(new PostgresEngine(cluster));

public sealed class SqliteOutletRemovalTests() : OutletRemovalContract(new SqliteEngine());
public sealed class PostgresOutletRemovalTests(PostgresCluster cluster) : OutletRemovalContract(new PostgresEngine(cluster));
