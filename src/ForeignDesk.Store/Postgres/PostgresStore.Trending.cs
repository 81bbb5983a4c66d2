using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>Recent articles and their views per hour, for the Trends 24h ranking.</summary>
public sealed partial class PostgresStore : ITrendSignals
{
    public async Task<IReadOnlyList<TrendCandidate>> TrendCandidatesAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken)
    {
        var sinceHour = Hour(sinceUtc);
        await using var connection = await OpenAsync(cancellationToken);
        // Newest first, an article viewed in the window but published before it comes after every one published in it:
        // those are read only while the window's own articles are fewer than the limit (as the SQLite store does).
        const string Candidate = $"SELECT {SummaryColumns}, a.source_id, (SELECT sa.story_id FROM story_articles sa WHERE sa.article_id = a.id) {SummaryFrom}";
        var articles = await RowsAsync(connection,
            $"{Candidate} WHERE a.published >= @since ORDER BY a.published DESC, a.id DESC LIMIT @limit",
            ReadCandidate, cancellationToken, ("since", sinceUtc), ("limit", limit));
        if (articles.Count < limit)
            articles.AddRange(await RowsAsync(connection,
                $"""
                {Candidate} WHERE a.id IN (SELECT article_id FROM views WHERE hour >= @sinceHour) AND a.published < @since
                ORDER BY a.published DESC, a.id DESC LIMIT @limit
                """,
                ReadCandidate, cancellationToken, ("since", sinceUtc), ("sinceHour", sinceHour), ("limit", limit - articles.Count)));
        // The views of the candidates alone, each looked up by its key (article, hour).
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

    private static (ArticleSummary Summary, long SourceId, long? StoryId) ReadCandidate(NpgsqlDataReader r) =>
        (ReadSummary(r), r.GetInt64(8), LongOrNull(r, 9));
}
