using System.Security.Cryptography;
using System.Text.Json;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>A feed body a hub pushed for <paramref name="FeedUrl"/> of source <paramref name="SourceId"/>: the payload of a <c>push</c> job.</summary>
public sealed record PushedFeed(long SourceId, Uri FeedUrl, byte[] Body)
{
    /// <summary>The push job of a body pushed for <paramref name="subscription"/>: keyed by the subscription and the body's hash.</summary>
    public static JobRequest JobOf(WebSubSubscription subscription, byte[] body) =>
        new(JobKinds.Push,
            $"{subscription.Id} {Convert.ToHexStringLower(SHA256.HashData(body))}",
            JsonSerializer.Serialize(new PushedFeed(subscription.SourceId, subscription.FeedUrl, body)));

    public static PushedFeed Parse(string? json) =>
        (json is null ? null : JsonSerializer.Deserialize<PushedFeed>(json))
        ?? throw new FormatException("a push job carries no pushed feed");
}
