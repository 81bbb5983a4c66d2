using ForeignDesk.Core;

namespace ForeignDesk.Store.Postgres;

/// <summary>Recent articles and their views per hour, for the Trends 24h ranking.</summary>
public sealed partial class PostgresStore : ITrendSignals
{
    public async Task<IReadOnlyList<TrendCandidate>> TrendCandidatesAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken)
    {
        var sinceHour = Hour(sinceUtc);
        await using var connection = await OpenAsync(cancellationToken);
        // The newest from the index of publication times, the most viewed from the views' index by hour (views_hour).
        var articles = await RowsAsync(connection,
            $"""
            SELECT {SummaryColumns}, a.source_id, (SELECT sa.story_id FROM story_articles sa WHERE sa.article_id = a.id) {SummaryFrom}
            WHERE a.id IN (SELECT id FROM (SELECT id FROM articles WHERE published >= @since ORDER BY published DESC, id DESC LIMIT @limit) newest
                UNION SELECT article_id FROM (SELECT article_id FROM views WHERE hour >= @sinceHour
                    GROUP BY article_id ORDER BY SUM(count) DESC, article_id DESC LIMIT @limit) viewed)
            ORDER BY a.published DESC, a.id DESC
            """,
            r => (Summary: ReadSummary(r), SourceId: r.GetInt64(8), StoryId: LongOrNull(r, 9)), cancellationToken,
            ("since", sinceUtc), ("sinceHour", sinceHour), ("limit", limit));
        // The views of the candidates alone, each looked up by the table's key (article, hour).
        var views = (await RowsAsync(connection,
                "SELECT article_id, hour, count FROM views WHERE article_id = ANY(@ids) AND hour >= @sinceHour ORDER BY article_id, hour",
                r => (Id: r.GetInt64(0), Hour: Instant(r, 1), Count: r.GetInt64(2)), cancellationToken,
                ("ids", articles.Select(a => a.Summary.Id).ToArray()), ("sinceHour", sinceHour)))
            .GroupBy(v => v.Id)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<HourlyViews>)g.Select(v => new HourlyViews(v.Hour, v.Count)).ToList());
        return articles.Select(a =>
        {
            var hourly = views.GetValueOrDefault(a.Summary.Id) ?? [];
            return new TrendCandidate(a.Summary with { Views = hourly.Sum(h => h.Count) }, a.SourceId, hourly, a.StoryId);
        }).ToList();
    }
}
