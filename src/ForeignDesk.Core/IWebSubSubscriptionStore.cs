using System.Text;

namespace ForeignDesk.Core;

/// <summary>Where a WebSub subscription stands with its hub.</summary>
public enum WebSubState
{
    /// <summary>Asked of the hub; its verification of intent has not come yet.</summary>
    Pending,

    /// <summary>The hub verified it; pushes are expected until <see cref="WebSubSubscription.ExpiresUtc"/>.</summary>
    Verified,

    /// <summary>The hub refused it (a denial callback, an error answer, or it could not be reached).</summary>
    Denied,

    /// <summary>The lease ran out before a renewal was verified.</summary>
    Expired,

    /// <summary>An unsubscription was asked (the feed names no hub any more, or its source was removed).</summary>
    Unsubscribing,
}

/// <summary>
/// A subscription asked of a hub for one feed endpoint; <paramref name="Id"/> names its callback <c>/websub/{Id}</c>.
/// Its <paramref name="Secret"/> signs the hub's pushes and is never shown or logged (it is left out of <c>ToString</c>).
/// </summary>
/// <param name="Lease">The lease asked for, or the one the hub granted once verified.</param>
/// <param name="Reason">Why it was denied or expired; null otherwise.</param>
public sealed record WebSubSubscription(
    string Id,
    long SourceId,
    Uri FeedUrl,
    Uri Topic,
    Uri Hub,
    string Secret,
    WebSubState State,
    DateTimeOffset RequestedUtc,
    TimeSpan Lease,
    DateTimeOffset? VerifiedUtc = null,
    DateTimeOffset? ExpiresUtc = null,
    string? Reason = null)
{
    /// <summary>When a verified subscription is renewed: once 85 % of its lease has passed.</summary>
    public DateTimeOffset? RenewAtUtc => ExpiresUtc is { } expires ? expires - Lease * 0.15 : null;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Id = {Id}, SourceId = {SourceId}, FeedUrl = {FeedUrl}, Topic = {Topic}, Hub = {Hub}, State = {State}, ");
        builder.Append($"RequestedUtc = {RequestedUtc:O}, Lease = {Lease}, ExpiresUtc = {ExpiresUtc:O}, Reason = {Reason}");
        return true;
    }
}

/// <summary>WebSub subscriptions kept across restarts, so that pushes signed with a secret given earlier still verify.</summary>
public interface IWebSubSubscriptionStore
{
    /// <summary>Adds the subscription, or replaces the one with its id.</summary>
    Task SaveSubscriptionAsync(WebSubSubscription subscription, CancellationToken cancellationToken);

    Task<WebSubSubscription?> FindSubscriptionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every subscription (all states), oldest first.</summary>
    Task<IReadOnlyList<WebSubSubscription>> SubscriptionsAsync(CancellationToken cancellationToken);

    /// <summary>The subscriptions of one feed endpoint (an old hub's may still be unsubscribing), oldest first.</summary>
    Task<IReadOnlyList<WebSubSubscription>> SubscriptionsOfAsync(long sourceId, Uri feedUrl, CancellationToken cancellationToken);

    Task DeleteSubscriptionAsync(string id, CancellationToken cancellationToken);
}
