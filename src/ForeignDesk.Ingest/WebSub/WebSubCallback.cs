using System.Globalization;
using ForeignDesk.Core;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>
/// What the site's callback <c>/websub/{id}</c> does with a hub's requests: answers verifications of intent for what
/// was asked, records denials, and enqueues pushed content whose signature matches the stored secret as a durable
/// <c>push</c> job, so that any web node takes a hub's pushes and any worker reads them.
/// </summary>
public sealed class WebSubCallback(IWebSubSubscriptionStore subscriptions, IJobQueue jobs, LeaseClock time, ILogger<WebSubCallback> log)
{
    private const int MaxReasonLength = 300;

    /// <summary>A hub's GET to the callback (W3C WebSub 5.3): subscribe, unsubscribe or denied.</summary>
    /// <returns>The body of a 200 answer (the challenge, or empty for a recorded denial); null for a 404.</returns>
    public async Task<string?> VerifyAsync(string id, string? mode, string? topic, string? challenge, string? leaseSeconds, string? reason, CancellationToken cancellationToken)
    {
        if (await subscriptions.FindSubscriptionAsync(id, cancellationToken) is not { } subscription
            || !string.Equals(topic, subscription.Topic.AbsoluteUri, StringComparison.Ordinal))
            return null;

        var now = time.GetUtcNow();
        switch (mode)
        {
            case "subscribe" when challenge is { Length: > 0 } && subscription.State is WebSubState.Pending or WebSubState.Verified or WebSubState.Expired:
                var lease = long.TryParse(leaseSeconds, NumberStyles.None, CultureInfo.InvariantCulture, out var granted) && granted > 0
                    ? TimeSpan.FromSeconds(granted) : subscription.Lease;
                await subscriptions.SaveSubscriptionAsync(subscription with
                {
                    State = WebSubState.Verified, VerifiedUtc = now, Lease = lease, ExpiresUtc = now + lease, Reason = null,
                }, cancellationToken);
                log.LogInformation("Hub {Hub} verified the subscription to {Topic} for {Lease}", subscription.Hub, subscription.Topic, lease);
                return challenge;
            case "unsubscribe" when challenge is { Length: > 0 } && subscription.State == WebSubState.Unsubscribing:
                await subscriptions.DeleteSubscriptionAsync(subscription.Id, cancellationToken);
                log.LogInformation("Hub {Hub} confirmed the unsubscription from {Topic}", subscription.Hub, subscription.Topic);
                return challenge;
            case "denied" when subscription.State is not WebSubState.Unsubscribing:
                var why = string.IsNullOrWhiteSpace(reason) ? "the hub denied the subscription" : "the hub denied it: " + Shorten(reason);
                await subscriptions.SaveSubscriptionAsync(subscription with { State = WebSubState.Denied, Reason = why }, cancellationToken);
                log.LogWarning("Hub {Hub} denied the subscription to {Topic}: {Reason}", subscription.Hub, subscription.Topic, why);
                return "";
            default:
                return null;
        }
    }

    /// <summary>Enqueues a pushed body whose signature matches its subscription's secret as a <c>push</c> job.</summary>
    /// <returns>False for an unknown or denied subscription or a missing or wrong signature.</returns>
    public async Task<bool> AcceptAsync(string id, string? signature, byte[] body, CancellationToken cancellationToken)
    {
        if (await subscriptions.FindSubscriptionAsync(id, cancellationToken) is not { State: not WebSubState.Denied } subscription
            || !WebSubSignature.IsValid(signature, body, subscription.Secret))
        {
            log.LogWarning("Refused pushed content for /websub/{Id}: unknown subscription or bad signature", id);
            return false;
        }

        await jobs.EnqueueAsync([PushedFeed.JobOf(subscription, body)], cancellationToken);
        log.LogDebug("Queued pushed content for {Topic} (source {SourceId})", subscription.Topic, subscription.SourceId);
        return true;
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= MaxReasonLength ? line : line[..MaxReasonLength] + "…";
    }
}
