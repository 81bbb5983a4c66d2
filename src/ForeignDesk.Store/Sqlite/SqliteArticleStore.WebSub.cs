using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore : IWebSubSubscriptionStore
{
    private const string SubscriptionColumns =
        "id, source_id, feed_url, topic, hub, secret, state, requested_ms, lease_s, verified_ms, expires_ms, reason";

    public async Task SaveSubscriptionAsync(WebSubSubscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection,
            $"""
            INSERT INTO websub_subscriptions ({SubscriptionColumns})
            VALUES ($id, $source, $feed, $topic, $hub, $secret, $state, $requested, $lease, $verified, $expires, $reason)
            ON CONFLICT(id) DO UPDATE SET source_id = excluded.source_id, feed_url = excluded.feed_url, topic = excluded.topic,
                hub = excluded.hub, secret = excluded.secret, state = excluded.state, requested_ms = excluded.requested_ms,
                lease_s = excluded.lease_s, verified_ms = excluded.verified_ms, expires_ms = excluded.expires_ms, reason = excluded.reason
            """, cancellationToken,
            ("$id", subscription.Id), ("$source", subscription.SourceId), ("$feed", subscription.FeedUrl.AbsoluteUri),
            ("$topic", subscription.Topic.AbsoluteUri), ("$hub", subscription.Hub.AbsoluteUri), ("$secret", subscription.Secret),
            ("$state", subscription.State.ToString().ToLowerInvariant()), ("$requested", Ms(subscription.RequestedUtc)),
            ("$lease", (long)subscription.Lease.TotalSeconds), ("$verified", subscription.VerifiedUtc is { } v ? Ms(v) : null),
            ("$expires", subscription.ExpiresUtc is { } e ? Ms(e) : null), ("$reason", subscription.Reason));
    }

    public async Task<WebSubSubscription?> FindSubscriptionAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {SubscriptionColumns} FROM websub_subscriptions WHERE id = $id",
            ReadSubscription, cancellationToken, ("$id", id))).FirstOrDefault();

    public async Task<IReadOnlyList<WebSubSubscription>> SubscriptionsAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SubscriptionColumns} FROM websub_subscriptions ORDER BY rowid", ReadSubscription, cancellationToken);

    public async Task<IReadOnlyList<WebSubSubscription>> SubscriptionsOfAsync(long sourceId, Uri feedUrl, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SubscriptionColumns} FROM websub_subscriptions WHERE source_id = $source AND feed_url = $feed ORDER BY rowid",
            ReadSubscription, cancellationToken, ("$source", sourceId), ("$feed", feedUrl.AbsoluteUri));

    public async Task DeleteSubscriptionAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM websub_subscriptions WHERE id = $id", cancellationToken, ("$id", id));
    }

    private static WebSubSubscription ReadSubscription(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetInt64(1),
        new Uri(r.GetString(2)),
        new Uri(r.GetString(3)),
        new Uri(r.GetString(4)),
        r.GetString(5),
        Enum.Parse<WebSubState>(r.GetString(6), ignoreCase: true),
        Instant(r.GetInt64(7)),
        TimeSpan.FromSeconds(r.GetInt64(8)),
        InstantOrNull(r, 9),
        InstantOrNull(r, 10),
        StringOrNull(r, 11));
}
