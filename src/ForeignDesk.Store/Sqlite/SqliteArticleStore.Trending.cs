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
        // Newest first, an article viewed in the window but published before it comes after every one published in it:
        // those are read only while the window's own articles are fewer than the limit. Reading the two sets as one
        // joined every article viewed in the last day to the articles (at a million articles, about a second a round).
        const string Candidate = $"SELECT {SummaryColumns}, l.source_id, (SELECT sa.story_id FROM story_articles sa WHERE sa.article_id = l.id) {SummaryFrom}";
        var articles = await QueryRowsAsync(connection,
            $"{Candidate} WHERE a.published_ms >= $since ORDER BY a.published_ms DESC, a.id DESC LIMIT $limit",
            ReadCandidate, cancellationToken, ("$since", Ms(sinceUtc)), ("$limit", limit));
        if (articles.Count < limit)
            articles.AddRange(await QueryRowsAsync(connection,
                $"""
                {Candidate} WHERE a.id IN (SELECT article_id FROM views WHERE hour >= $sinceHour) AND a.published_ms < $since
                ORDER BY a.published_ms DESC, a.id DESC LIMIT $limit
                """,
                ReadCandidate, cancellationToken, ("$since", Ms(sinceUtc)), ("$sinceHour", sinceHour), ("$limit", limit - articles.Count)));
        // The views of the candidates alone, each looked up by its key (article, hour).
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

    private static (ArticleSummary Summary, long SourceId, long? StoryId) ReadCandidate(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        (ReadSummary(r), r.GetInt64(8), r.IsDBNull(9) ? null : r.GetInt64(9));
}
