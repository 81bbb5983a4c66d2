using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Store.Tests.Sqlite;

/// <summary>
/// The bulk methods record the pages they change once a transaction instead of through the triggers, row by row: the
/// same pages must be recorded as changed, each with a sequence number of its own, and the triggers must be back after.
/// </summary>
public sealed class BulkPageChangesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BulkWrites_RecordEveryPageTheyChangeOnce_AndLeaveTheTriggersAsMigrated()
    {
        await using var migrated = await TemporaryStore.CreateAsync("foreigndesk-bulkpages-", new FakeTimeProvider(Now), Ct);
        await using var temporary = await TemporaryStore.CreateAsync("foreigndesk-bulkpages-", new FakeTimeProvider(Now), Ct);
        var store = temporary.Store;
        var sources = new[]
        {
            await store.AddSourceAsync(new SourceDraft("Zeitung", new Uri("https://zeitung.example/"), [], "de", "News/World", "UTC"), Ct),
            await store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct),
        };
        string[] categories = ["News/World", "Sports"];

        var before = await store.LatestChangeAsync(Ct);
        var ids = await store.BulkInsertAsync(Enumerable.Range(0, 10).Select(i => new BulkArticle(sources[i % 2].Id, $"https://news.example/{i}", "de",
            new ExtractedArticle($"Titel {i}", null, [], null, Now, null, "de", null, null, null, []),
            new TranslatedArticle($"Title {i}", null, [], null, "test", "de", 0), Now.AddDays(-(i % 3)), categories[i % 2])), Ct);
        var inserted = await ChangedSinceAsync(store, before);

        Assert.Equal(["category:News/World", "category:Sports", "day:2026-11-27", "day:2026-11-28", "day:2026-11-29", "latest",
            $"source:{sources[0].Id}", $"source:{sources[1].Id}"], inserted.Keys.Order(StringComparer.Ordinal));

        before = await store.LatestChangeAsync(Ct);
        await store.BulkPlaceStoriesAsync([Story(ids[0], ids[1], ids[2]), Story(ids[3]), Story(ids[4], ids[5])], Ct);
        var placed = await ChangedSinceAsync(store, before);

        Assert.Equal(new[] { "latest", $"story:{ids[0]}", $"story:{ids[3]}", $"story:{ids[4]}" }
            .Concat(ids.Take(6).Select(id => $"article:{id}")).Order(StringComparer.Ordinal), placed.Keys.Order(StringComparer.Ordinal));

        before = await store.LatestChangeAsync(Ct);
        await store.BulkSaveRelatedAsync([new BulkRelated(ids[6], [ids[0], ids[3]]), new BulkRelated(ids[7], [ids[0]]), new BulkRelated(ids[8], [])], Ct);
        var related = await ChangedSinceAsync(store, before);

        Assert.Equal([$"article:{ids[6]}", $"article:{ids[7]}"], related.Keys.Order(StringComparer.Ordinal));

        // Every recorded change has a number of its own, so readers that page through changes by number miss none.
        var all = await store.ChangesSinceAsync(0, 1000, Ct);
        Assert.Equal(all.Count, all.Select(c => c.Sequence).Distinct().Count());

        // The same rows written one by one through the triggers, as migrated, record the same pages.
        foreach (var source in sources)
            await migrated.Store.AddSourceAsync(new SourceDraft(source.Name, source.HomeUrl, [], source.Language, source.Category, source.TimeZone), Ct);
        await using (var copy = new SqliteConnection($"Data Source={migrated.DatabasePath}"))
        {
            await copy.OpenAsync(Ct);
            await using var command = copy.CreateCommand();
            command.CommandText = $"""
                ATTACH DATABASE '{temporary.DatabasePath}' AS bulk;
                INSERT INTO articles SELECT * FROM bulk.articles ORDER BY id;
                INSERT INTO stories SELECT * FROM bulk.stories;
                INSERT INTO story_articles SELECT * FROM bulk.story_articles ORDER BY seq;
                INSERT INTO related_articles SELECT * FROM bulk.related_articles;
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }
        Assert.Equal((await migrated.Store.ChangesSinceAsync(0, 1000, Ct)).Select(c => c.Tag).Order(StringComparer.Ordinal),
            all.Select(c => c.Tag).Order(StringComparer.Ordinal));

        // The triggers are back: a row written one by one is recorded by them.
        await using var connection = new SqliteConnection($"Data Source={temporary.DatabasePath}");
        await connection.OpenAsync(Ct);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"INSERT INTO related_articles (article_id, rank, related_id) VALUES ({ids[9]}, 0, {ids[0]})";
            before = await store.LatestChangeAsync(Ct);
            await command.ExecuteNonQueryAsync(Ct);
        }
        Assert.Equal([$"article:{ids[9]}"], (await ChangedSinceAsync(store, before)).Keys);
        Assert.Equal(await StoreTriggers.ReadAsync(migrated.DatabasePath, Ct), await StoreTriggers.ReadAsync(temporary.DatabasePath, Ct));
    }

    private static BulkStory Story(params long[] ids) =>
        new($"Story {ids[0]}", ids, ids.Select(id => Now.AddMinutes(id)).ToList());

    private static async Task<Dictionary<string, long>> ChangedSinceAsync(SqliteArticleStore store, long sequence) =>
        (await store.ChangesSinceAsync(sequence, 1000, Ct)).ToDictionary(c => c.Tag, c => c.Sequence);
}
