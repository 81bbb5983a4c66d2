using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using ForeignDesk.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>A subscription asked of a hub for one feed endpoint; <paramref name="Id"/> names its callback <c>/websub/{Id}</c>.</summary>
public sealed record WebSubSubscription(string Id, long SourceId, Uri FeedUrl, Uri Topic, Uri Hub, string Secret, DateTimeOffset RequestedUtc);

/// <summary>A feed body a hub pushed, waiting to be processed.</summary>
public sealed record PushedFeed(WebSubSubscription Subscription, byte[] Body);

/// <summary>
/// Subscribes feed endpoints to the hubs they name (when a public URL is configured), answers the hubs'
/// verification requests, and queues verified pushed content. Subscriptions live in memory: after a restart the next
/// poll of a feed subscribes again, and polling goes on regardless.
/// </summary>
public sealed class WebSubSubscriber(IHttpClientFactory clients, IOptions<WebSubOptions> options, TimeProvider time, ILogger<WebSubSubscriber> log)
{
    public const string HttpClientName = "WebSub";

    private readonly ConcurrentDictionary<string, WebSubSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Channel<PushedFeed> _inbox = Channel.CreateBounded<PushedFeed>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ChannelReader<PushedFeed> Inbox => _inbox.Reader;

    /// <summary>The callback id of a feed endpoint: stable, and not guessable from the feed URL alone.</summary>
    public string IdOf(long sourceId, Uri feedUrl) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceId}\n{feedUrl.AbsoluteUri}\n{SecretSalt}")))[..24];

    public WebSubSubscription? Find(string id) => _subscriptions.GetValueOrDefault(id);

    /// <summary>Asks the hub for a subscription unless one was asked within half the lease.</summary>
    public async Task EnsureSubscribedAsync(long sourceId, Uri feedUrl, HubLinks links, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.PublicUrl)) return;
        var id = IdOf(sourceId, feedUrl);
        var now = time.GetUtcNow();
        if (_subscriptions.TryGetValue(id, out var known) && known.Hub == links.Hub
            && now - known.RequestedUtc < TimeSpan.FromSeconds(options.Value.LeaseSeconds / 2.0)) return;

        var subscription = new WebSubSubscription(id, sourceId, feedUrl, links.Self ?? feedUrl, links.Hub,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), now);
        _subscriptions[id] = subscription;
        var callback = $"{options.Value.PublicUrl!.TrimEnd('/')}/websub/{id}";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["hub.mode"] = "subscribe",
            ["hub.topic"] = subscription.Topic.AbsoluteUri,
            ["hub.callback"] = callback,
            ["hub.secret"] = subscription.Secret,
            ["hub.lease_seconds"] = options.Value.LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        try
        {
            using var response = await clients.CreateClient(HttpClientName).PostAsync(links.Hub, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
                log.LogWarning("Hub {Hub} refused the subscription to {Topic}: {Status}", links.Hub, subscription.Topic, (int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            log.LogWarning("Hub {Hub} could not be reached to subscribe to {Topic}: {Message}", links.Hub, subscription.Topic, (ex.InnerException as Fetch.AddressRefusedException)?.Message ?? ex.Message);
        }
    }

    /// <summary>The challenge to echo when the hub's verification matches a subscription asked for; null otherwise (404).</summary>
    public string? Verify(string id, string? mode, string? topic, string? challenge) =>
        challenge is { Length: > 0 } && Find(id) is { } s && mode is "subscribe" or "unsubscribe"
            && string.Equals(topic, s.Topic.AbsoluteUri, StringComparison.Ordinal)
            ? challenge
            : null;

    /// <summary>Queues a pushed body whose signature matches its subscription's secret.</summary>
    /// <returns>False for an unknown subscription or a missing or wrong signature.</returns>
    public bool Accept(string id, string? signature, byte[] body)
    {
        if (Find(id) is not { } subscription || !WebSubSignature.IsValid(signature, body, subscription.Secret))
        {
            log.LogWarning("Refused pushed content for /websub/{Id}: unknown subscription or bad signature", id);
            return false;
        }

        return _inbox.Writer.TryWrite(new PushedFeed(subscription, body));
    }

    private static readonly string SecretSalt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
