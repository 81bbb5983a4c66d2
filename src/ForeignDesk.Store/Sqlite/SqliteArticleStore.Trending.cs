using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

/// <summary>Recent articles and their views per hour, for the Trends 24h ranking.</summary>
public sealed partial class SqliteArticleStore : ITrendSignals
{
    public async Task<IReadOnlyList<TrendCandidate>> TrendCandidatesAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken)
    {
        var sinceHour = sinceUtc.ToUnixTimeSeconds() / 3600;
        await using var connection = await OpenAsync(cancellationToken);
        var articles = await QueryRowsAsync(connection,
            $"""
            SELECT {SummaryColumns}, l.source_id, (SELECT sa.story_id FROM story_articles sa WHERE sa.article_id = l.id) {SummaryFrom}
            WHERE a.id IN (SELECT id FROM articles WHERE published_ms >= $since UNION SELECT article_id FROM views WHERE hour >= $sinceHour)
            ORDER BY l.published_ms DESC, l.id DESC LIMIT $limit
            """,
            r => (Summary: ReadSummary(r), SourceId: r.GetInt64(8), StoryId: r.IsDBNull(9) ? (long?)null : r.GetInt64(9)), cancellationToken,
            ("$since", Ms(sinceUtc)), ("$sinceHour", sinceHour), ("$limit", limit));
        var views = (await QueryRowsAsync(connection,
                "SELECT article_id, hour, count FROM views WHERE hour >= $sinceHour ORDER BY article_id, hour",
                r => (Id: r.GetInt64(0), Hour: r.GetInt64(1), Count: r.GetInt64(2)), cancellationToken, ("$sinceHour", sinceHour)))
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
