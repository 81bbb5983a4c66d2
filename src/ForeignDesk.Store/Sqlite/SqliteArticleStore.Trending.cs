using System.Text.Json;
using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

/// <summary>Recent articles and their views per hour, for the Trends 24h ranking.</summary>
public sealed partial class SqliteArticleStore : ITrendSignals
{
    public async Task<IReadOnlyList<TrendCandidate>> TrendCandidatesAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken)
    {
        var sinceHour = sinceUtc.ToUnixTimeSeconds() / 3600;
        await using var connection = await OpenAsync(cancellationToken);
        // The newest from the index of publication times; the most viewed from the views' index by hour (migration
        // 1003-views-by-hour), summed per article without reading a row of the table. Neither joins the day's viewed
        // articles to the articles table, which at a million articles took about a second.
        var mostViewed = await QueryRowsAsync(connection,
            """
            SELECT article_id FROM views INDEXED BY views_by_hour WHERE hour >= $sinceHour
            GROUP BY article_id ORDER BY SUM(count) DESC, article_id DESC LIMIT $limit
            """,
            r => r.GetInt64(0), cancellationToken, ("$sinceHour", sinceHour), ("$limit", limit));
        var articles = await QueryRowsAsync(connection,
            $"""
            SELECT {SummaryColumns}, l.source_id, (SELECT sa.story_id FROM story_articles sa WHERE sa.article_id = l.id) {SummaryFrom}
            WHERE a.id IN (SELECT id FROM (SELECT id FROM articles WHERE published_ms >= $since ORDER BY published_ms DESC, id DESC LIMIT $limit)
                UNION SELECT value FROM json_each($viewed))
            ORDER BY a.published_ms DESC, a.id DESC
            """,
            r => (Summary: ReadSummary(r), SourceId: r.GetInt64(8), StoryId: r.IsDBNull(9) ? (long?)null : r.GetInt64(9)), cancellationToken,
            ("$since", Ms(sinceUtc)), ("$limit", limit), ("$viewed", JsonSerializer.Serialize(mostViewed)));
        // The views of the candidates alone, each looked up by the table's key (article, hour).
        var views = (await QueryRowsAsync(connection,
                """
                SELECT article_id, hour, count FROM views
                WHERE article_id IN (SELECT value FROM json_each($ids)) AND hour >= $sinceHour ORDER BY article_id, hour
                """,
                r => (Id: r.GetInt64(0), Hour: r.GetInt64(1), Count: r.GetInt64(2)), cancellationToken,
                ("$ids", JsonSerializer.Serialize(articles.Select(a => a.Summary.Id))), ("$sinceHour", sinceHour)))
            .GroupBy(v => v.Id)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<HourlyViews>)g
                .Select(v => new HourlyViews(DateTimeOffset.FromUnixTimeSeconds(v.Hour * 3600), v.Count)).ToList());
        return articles.Select(a =>
        {
            var hourly = views.GetValueOrDefault(a.Summary.Id) ?? [];
            return new TrendCandidate(a.Summary with { Views = hourly.Sum(h => h.Count) }, a.SourceId, hourly, a.StoryId);
        }).ToList();
    }
}
