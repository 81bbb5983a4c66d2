using System.Text.Json;
using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>Story merges: moving the absorbed stories' articles, and the redirects from absorbed ids.</summary>
public sealed partial class SqliteArticleStore
{
    public async Task MergeStoriesAsync(StoryMerge merge, CancellationToken cancellationToken)
    {
        var absorbed = merge.AbsorbedIds.Where(id => id != merge.SurvivorId).Distinct().ToList();
        if (absorbed.Count == 0) return;
        var ids = JsonSerializer.Serialize(absorbed);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // New sequence numbers, so that other processes' clusterers catch up with the move.
        await ExecuteAsync(connection,
            """
            UPDATE story_articles SET story_id = $survivor, seq = (SELECT COALESCE(MAX(seq), 0) + 1 FROM story_articles)
            WHERE story_id IN (SELECT value FROM json_each($ids))
            """, cancellationToken, ("$survivor", merge.SurvivorId), ("$ids", ids));
        foreach (var mark in merge.Duplicates)
            await ExecuteAsync(connection, "UPDATE story_articles SET duplicate_of = $original WHERE article_id = $id AND duplicate_of IS NULL",
                cancellationToken, ("$original", mark.DuplicateOf), ("$id", mark.ArticleId));
        await ExecuteAsync(connection,
            "UPDATE story_merges SET survivor_id = $survivor WHERE survivor_id IN (SELECT value FROM json_each($ids))",
            cancellationToken, ("$survivor", merge.SurvivorId), ("$ids", ids));
        await ExecuteAsync(connection, "DELETE FROM story_merges WHERE absorbed_id = $survivor", cancellationToken, ("$survivor", merge.SurvivorId));
        foreach (var id in absorbed)
        {
            await ExecuteAsync(connection,
                """
                INSERT INTO story_merges (absorbed_id, survivor_id, merged_ms) VALUES ($absorbed, $survivor, $at)
                ON CONFLICT(absorbed_id) DO UPDATE SET survivor_id = excluded.survivor_id, merged_ms = excluded.merged_ms
                """, cancellationToken, ("$absorbed", id), ("$survivor", merge.SurvivorId), ("$at", Ms(merge.MergedAtUtc)));
            await RefreshStoryAsync(connection, id, cancellationToken);
        }
        await RefreshStoryAsync(connection, merge.SurvivorId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long?> SurvivorOfAsync(long storyId, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT survivor_id FROM story_merges WHERE absorbed_id = $id", r => (long?)r.GetInt64(0), cancellationToken,
            ("$id", storyId))).FirstOrDefault();
}
