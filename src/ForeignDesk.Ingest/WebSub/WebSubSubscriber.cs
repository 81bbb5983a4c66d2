using System.Globalization;
using System.Security.Cryptography;
using ForeignDesk.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>
/// Subscribes feed endpoints to the hubs they name (when a public URL is configured), renews them before their lease
/// runs out, and unsubscribes when a feed stops naming its hub or its source is removed. Subscriptions, with their
/// secrets, are kept in the store, so pushes keep verifying after a restart. Polling goes on regardless.
/// </summary>
public sealed class WebSubSubscriber(
    IHttpClientFactory clients,
    IWebSubSubscriptionStore subscriptions,
    ISourceEndpointStore endpoints,
    IOptions<WebSubOptions> options,
    LeaseClock time,
    ILogger<WebSubSubscriber> log)
{
    public const string HttpClientName = "WebSub";

    /// <summary>The feed endpoint's subscription (any state but unsubscribing), or null.</summary>
    public async Task<WebSubSubscription?> CurrentAsync(long sourceId, Uri feedUrl, CancellationToken cancellationToken) =>
        (await subscriptions.SubscriptionsOfAsync(sourceId, feedUrl, cancellationToken)).LastOrDefault(s => s.State != WebSubState.Unsubscribing);

    /// <summary>
    /// Called at each poll of a feed naming a hub: subscribes when there is no subscription yet, renews one that is
    /// due, asks again after a denial or expiry once <see cref="WebSubOptions.RetryAfter"/> has passed, and moves to
    /// a new hub when the feed names another.
    /// </summary>
    public async Task EnsureSubscribedAsync(long sourceId, Uri feedUrl, HubLinks links, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.PublicUrl)) return;
        var now = time.GetUtcNow();
        var current = await CurrentAsync(sourceId, feedUrl, cancellationToken);
        if (current is not null && current.Hub != links.Hub)
        {
            await UnsubscribeAsync(current, "the feed names another hub", cancellationToken);
            current = null;
        }

        if (current is null)
        {
            var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
            var fresh = new WebSubSubscription(NewToken(12), sourceId, feedUrl, links.Self ?? feedUrl, links.Hub, NewToken(24),
                WebSubState.Pending, now, lease);
            await SubscribeAsync(fresh, cancellationToken);
            return;
        }

        if (IsDue(current, now)) await SubscribeAsync(Renewal(current, now), cancellationToken);
    }

    /// <summary>Called at each poll of a feed that names no hub: unsubscribes from the hub it named before, if any.</summary>
    public async Task EnsureUnsubscribedAsync(long sourceId, Uri feedUrl, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(sourceId, feedUrl, cancellationToken) is { } current)
            await UnsubscribeAsync(current, "the feed no longer names a hub", cancellationToken);
    }

    /// <summary>
    /// Renews verified subscriptions once 85 % of their lease has passed, marks those the hub never verified or whose
    /// lease ran out as expired, unsubscribes those whose feed endpoint or source was removed, and forgets
    /// unsubscriptions the hub never confirmed once their lease is over.
    /// </summary>
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.PublicUrl)) return;
        foreach (var subscription in await subscriptions.SubscriptionsAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            if (subscription.State == WebSubState.Unsubscribing)
            {
                var over = subscription.ExpiresUtc is { } expires && expires > subscription.RequestedUtc + options.Value.VerifyTimeout
                    ? expires : subscription.RequestedUtc + options.Value.VerifyTimeout;
                if (now >= over) await subscriptions.DeleteSubscriptionAsync(subscription.Id, cancellationToken);
                continue;
            }

            var feeds = await endpoints.EndpointsAsync(subscription.SourceId, cancellationToken);
            if (!feeds.Any(e => e.Kind == EndpointKind.Feed && e.Url == subscription.FeedUrl))
            {
                await UnsubscribeAsync(subscription, "its source or feed was removed", cancellationToken);
                continue;
            }

            if (subscription.State is WebSubState.Verified or WebSubState.Pending && subscription.ExpiresUtc is { } end && now >= end)
            {
                await ExpireAsync(subscription, "the lease ran out before a renewal was verified", cancellationToken);
            }
            else if (subscription.State == WebSubState.Pending && now - subscription.RequestedUtc >= options.Value.VerifyTimeout)
            {
                await ExpireAsync(subscription, "the hub did not verify the subscription", cancellationToken);
            }
            else if (subscription.State == WebSubState.Verified && IsDue(subscription, now))
            {
                await SubscribeAsync(Renewal(subscription, now), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Whether a subscription should be asked for again now: a verified one past its renewal time (and not already
    /// being renewed), or a denied or expired one after <see cref="WebSubOptions.RetryAfter"/>.
    /// </summary>
    private bool IsDue(WebSubSubscription subscription, DateTimeOffset now) => subscription.State switch
    {
        WebSubState.Verified => subscription.RenewAtUtc is { } renewAt && now >= renewAt
            && (subscription.RequestedUtc < renewAt || now - subscription.RequestedUtc >= options.Value.VerifyTimeout),
        WebSubState.Denied or WebSubState.Expired => now - subscription.RequestedUtc >= options.Value.RetryAfter,
        _ => false,
    };

    /// <summary>The same subscription asked again: a verified one stays verified until its lease ends; others are pending.</summary>
    private WebSubSubscription Renewal(WebSubSubscription subscription, DateTimeOffset now) => subscription with
    {
        State = subscription.State == WebSubState.Verified ? WebSubState.Verified : WebSubState.Pending,
        VerifiedUtc = subscription.State == WebSubState.Verified ? subscription.VerifiedUtc : null,
        ExpiresUtc = subscription.State == WebSubState.Verified ? subscription.ExpiresUtc : null,
        RequestedUtc = now,
        Lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds),
        Reason = null,
    };

    private async Task SubscribeAsync(WebSubSubscription subscription, CancellationToken cancellationToken)
    {
        // Saved before asking: the hub's verification may arrive before its answer to the request.
        await subscriptions.SaveSubscriptionAsync(subscription, cancellationToken);
        var refusal = await AskHubAsync(subscription, "subscribe", cancellationToken);
        if (refusal is null)
        {
            log.LogInformation("Asked hub {Hub} for a subscription to {Topic} (source {SourceId})", subscription.Hub, subscription.Topic, subscription.SourceId);
            return;
        }

        log.LogWarning("Hub {Hub} refused the subscription to {Topic} (source {SourceId}): {Reason}", subscription.Hub, subscription.Topic, subscription.SourceId, refusal);
        // A renewal the hub refuses leaves the subscription verified until its lease ends.
        if (subscription.State != WebSubState.Verified)
            await subscriptions.SaveSubscriptionAsync(subscription with { State = WebSubState.Denied, Reason = refusal }, cancellationToken);
    }

    private async Task UnsubscribeAsync(WebSubSubscription subscription, string why, CancellationToken cancellationToken)
    {
        var leaving = subscription with { State = WebSubState.Unsubscribing, RequestedUtc = time.GetUtcNow(), Reason = why };
        await subscriptions.SaveSubscriptionAsync(leaving, cancellationToken);
        if (subscription.State is WebSubState.Denied or WebSubState.Expired || await AskHubAsync(leaving, "unsubscribe", cancellationToken) is not null)
        {
            // Nothing to undo at the hub, or it cannot be told: the lease will run out on its own.
            await subscriptions.DeleteSubscriptionAsync(subscription.Id, cancellationToken);
        }

        log.LogInformation("Unsubscribing from {Topic} at hub {Hub} (source {SourceId}): {Reason}", subscription.Topic, subscription.Hub, subscription.SourceId, why);
    }

    private async Task ExpireAsync(WebSubSubscription subscription, string why, CancellationToken cancellationToken)
    {
        log.LogWarning("WebSub subscription to {Topic} (source {SourceId}) expired: {Reason}", subscription.Topic, subscription.SourceId, why);
        await subscriptions.SaveSubscriptionAsync(subscription with { State = WebSubState.Expired, Reason = why }, cancellationToken);
    }

    /// <returns>Null when the hub accepted the request (2xx); otherwise why not.</returns>
    private async Task<string?> AskHubAsync(WebSubSubscription subscription, string mode, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["hub.mode"] = mode,
            ["hub.topic"] = subscription.Topic.AbsoluteUri,
            ["hub.callback"] = CallbackOf(subscription.Id),
            ["hub.secret"] = subscription.Secret,
            ["hub.lease_seconds"] = ((long)subscription.Lease.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            using var response = await clients.CreateClient(HttpClientName).PostAsync(subscription.Hub, form, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"the hub answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            return (ex.InnerException as Fetch.AddressRefusedException)?.Message ?? ex.Message;
        }
        catch (Polly.Timeout.TimeoutRejectedException) when (!cancellationToken.IsCancellationRequested)
        {
            return "the hub did not answer in time";
        }
    }

    private string CallbackOf(string id) => $"{options.Value.PublicUrl!.TrimEnd('/')}/websub/{id}";

    private static string NewToken(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
