using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

public sealed partial class PostgresStore : IWebSubSubscriptionStore
{
    private const string SubscriptionColumns =
        "id, source_id, feed_url, topic, hub, secret, state, requested, lease_s, verified, expires, reason";

    public Task SaveSubscriptionAsync(WebSubSubscription subscription, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"""
            INSERT INTO websub_subscriptions ({SubscriptionColumns})
            VALUES (@id, @source, @feed, @topic, @hub, @secret, @state, @requested, @lease, @verified::timestamptz, @expires::timestamptz, @reason)
            ON CONFLICT (id) DO UPDATE SET source_id = excluded.source_id, feed_url = excluded.feed_url, topic = excluded.topic,
                hub = excluded.hub, secret = excluded.secret, state = excluded.state, requested = excluded.requested,
                lease_s = excluded.lease_s, verified = excluded.verified, expires = excluded.expires, reason = excluded.reason
            """, cancellationToken,
            ("id", subscription.Id), ("source", subscription.SourceId), ("feed", subscription.FeedUrl.AbsoluteUri),
            ("topic", subscription.Topic.AbsoluteUri), ("hub", subscription.Hub.AbsoluteUri), ("secret", subscription.Secret),
            ("state", subscription.State.ToString().ToLowerInvariant()), ("requested", subscription.RequestedUtc),
            ("lease", (long)subscription.Lease.TotalSeconds), ("verified", subscription.VerifiedUtc),
            ("expires", subscription.ExpiresUtc), ("reason", subscription.Reason));

    public async Task<WebSubSubscription?> FindSubscriptionAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {SubscriptionColumns} FROM websub_subscriptions WHERE id = @id",
            ReadSubscription, cancellationToken, ("id", id))).FirstOrDefault();

    public async Task<IReadOnlyList<WebSubSubscription>> SubscriptionsAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SubscriptionColumns} FROM websub_subscriptions ORDER BY position", ReadSubscription, cancellationToken);

    public async Task<IReadOnlyList<WebSubSubscription>> SubscriptionsOfAsync(long sourceId, Uri feedUrl, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SubscriptionColumns} FROM websub_subscriptions WHERE source_id = @source AND feed_url = @feed ORDER BY position",
            ReadSubscription, cancellationToken, ("source", sourceId), ("feed", feedUrl.AbsoluteUri));

    public Task DeleteSubscriptionAsync(string id, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM websub_subscriptions WHERE id = @id", cancellationToken, ("id", id));

    private static WebSubSubscription ReadSubscription(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetInt64(1),
        new Uri(r.GetString(2)),
        new Uri(r.GetString(3)),
        new Uri(r.GetString(4)),
        r.GetString(5),
        Enum.Parse<WebSubState>(r.GetString(6), ignoreCase: true),
        Instant(r, 7),
        TimeSpan.FromSeconds(r.GetInt64(8)),
        InstantOrNull(r, 9),
        InstantOrNull(r, 10),
        StringOrNull(r, 11));
}
